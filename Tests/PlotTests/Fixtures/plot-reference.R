# Reference values for PlotTests: nice ticks (labeling::extended, the algorithm ggplot2 uses) and
# box-plot statistics (type-7 quartiles, whiskers to the most extreme data within 1.5 IQR, as
# ggplot2's stat_boxplot). Run from this folder: Rscript plot-reference.R > plot-reference.json
library(labeling)
library(jsonlite)

ranges <- list(c(0, 1), c(0.13, 0.87), c(-3.7, 12.2), c(-12.2, -3.7), c(0, 100), c(-1, 1),
               c(0.001, 0.0093), c(12, 9876), c(-250, 1750), c(3.2, 3.9), c(1e5, 3.4e5),
               c(0, 0.05), c(-0.5, 40.7), c(97.3, 102.1))
targets <- c(3, 5, 7)
ticks <- list()
for (r in ranges) for (m in targets) {
  ticks[[length(ticks) + 1]] <- list(lower = r[1], upper = r[2], target = m, ticks = I(extended(r[1], r[2], m)))
}

box <- function(x) {
  q <- unname(quantile(x, c(0.25, 0.5, 0.75), type = 7))
  reach <- 1.5 * (q[3] - q[1])
  inside <- x[x >= q[1] - reach & x <= q[3] + reach]
  list(values = I(x), lowerQuartile = q[1], median = q[2], upperQuartile = q[3],
       lowerWhisker = min(inside), upperWhisker = max(inside),
       outliers = I(sort(x[x < q[1] - reach | x > q[3] + reach])))
}
samples <- list(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 100), c(-40, -3.5, 0, 2.25, 7, 7, 9.5, 12, 55),
                c(5), c(2, 4), c(10.1, 10.4, 9.8, 10.0, 25.3, -3.1, 10.2, 10.3, 9.9, 10.05, 9.95))
cat(toJSON(list(ticks = ticks, boxes = lapply(samples, box)), auto_unbox = TRUE, digits = NA, pretty = TRUE))
