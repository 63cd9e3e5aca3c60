# Reference values for one-way ANOVA and Welch's one-way test: Rscript oneway.R -> oneway.json
source("common.R")
set.seed(151)
samples <- list(
  list(c(4.17, 5.58, 5.18, 6.11, 4.50, 4.61, 5.17, 4.53, 5.33, 5.14),   # PlantGrowth
       c(4.81, 4.17, 4.41, 3.59, 5.87, 3.83, 6.03, 4.89, 4.32, 4.69),
       c(6.31, 5.12, 5.54, 5.50, 5.37, 5.29, 4.92, 6.15, 5.80, 5.26)),
  list(c(1, 2, 3), c(4, 5, 7)),                                    # two groups
  list(c(1, 1, 2), c(10, 30, 50, 70), c(5, 5.5)),                  # very unequal variances
  list(rnorm(84, 7.5, 1.2), rnorm(83, 7.2, 1.1), rnorm(83, 7.0, 1.5)),
  list(rnorm(30, 100, 1), rnorm(25, 110, 20), rnorm(40, 102, 5), rnorm(20, 95, 2), rnorm(35, 100, 10)),
  list(rnorm(500, 0, 1), rnorm(500, 0.5, 1), rnorm(500, 1, 1)),    # p far below 1e-12
  list(1e6 + c(0.1, 0.2, 0.4), 1e6 + c(0.3, 0.5, 0.6, 0.2), 1e6 + c(0.7, 0.9, 0.8)))  # large offset
cases <- list()
for (groups in samples) for (equal in c(TRUE, FALSE)) {
  y <- unlist(groups)
  g <- factor(rep(seq_along(groups), lengths(groups)))
  o <- oneway.test(y ~ g, var.equal = equal)
  cases[[length(cases) + 1]] <- list(groups = lapply(groups, I), equalVariances = equal,
    statistic = unname(o$statistic), df1 = unname(o$parameter[1]), df2 = unname(o$parameter[2]), p = o$p.value)
}
# var.equal = TRUE is the F test of anova(lm(y ~ g)):
g1 <- samples[[1]]; y <- unlist(g1); g <- factor(rep(1:3, lengths(g1)))
stopifnot(isTRUE(all.equal(anova(lm(y ~ g))[["Pr(>F)"]][1], oneway.test(y ~ g, var.equal = TRUE)$p.value)))
write_fixture("oneway", cases)
