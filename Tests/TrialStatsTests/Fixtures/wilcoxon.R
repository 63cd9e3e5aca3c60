# Reference values for Wilcoxon rank-sum and signed-rank tests: Rscript wilcoxon.R -> wilcoxon.json
# R's defaults: exact when n < 50 and no ties (and no zeros, signed-rank), else normal
# approximation with continuity and tie correction.
source("common.R")
cases <- list()
add <- function(kind, x, y, w) cases[[length(cases) + 1]] <<- list(kind = kind, x = I(x), y = I(y),
  statistic = unname(w$statistic), p = w$p.value,
  exact = grepl("exact", w$method), method = w$method)
rs <- function(x, y) add("rankSum", x, y, suppressWarnings(wilcox.test(x, y)))
sr <- function(x, y) add("signedRank", x, y, suppressWarnings(wilcox.test(x, y, paired = TRUE)))
x <- sleep$extra[1:10]; y <- sleep$extra[11:20]
rs(x, y); sr(y, x)                       # sleep: ties, and a zero difference
a <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30); b <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.02, 3.14, 1.21)
rs(a, b); sr(a, b)
set.seed(42)
for (n in c(1:12, 20, 30, 45:55, 60)) {       # around the exact/normal switch at 50
  m <- if (n > 3) n - 2 else n
  x <- rnorm(n) + 0.4; y <- rnorm(m)
  rs(x, y)
  if (n > 1) { d <- rnorm(n, 0.3); sr(d, numeric(n)) }
}
set.seed(7)
for (n in c(5, 20, 49, 50, 60)) {              # ties
  x <- sample(1:6, n, TRUE); y <- sample(2:7, n + 1, TRUE); rs(x, y)
  d <- sample(c(-3:3), n, TRUE); if (any(d != 0)) sr(d, numeric(n))
}
rs(c(1, 2, 3), c(10, 11, 12, 13)); rs(c(1), c(2)); rs(c(5, 6), c(1))
x <- 1:40; y <- 41:80; rs(x, y)                # p exact and tiny
x <- 1:300 / 3; y <- 100 + 1:310 / 3; rs(x, y) # p far below 1e-12 (normal)
sr(c(1:45) + 0.5, numeric(45)); sr(c(1:200) + 0.25, numeric(200))
write_fixture("wilcoxon", cases)
