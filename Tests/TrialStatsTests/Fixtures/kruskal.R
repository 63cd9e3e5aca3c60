# Reference values for the Kruskal-Wallis test: Rscript kruskal.R -> kruskal.json
source("common.R")
set.seed(15)
samples <- list(
  list(c(2.9, 3.0, 2.5, 2.6, 3.2), c(3.8, 2.7, 4.0, 2.4), c(2.8, 3.4, 3.7, 2.2, 2.0)),  # R's ?kruskal.test
  list(c(1, 2, 3), c(4, 5, 6)),                                   # two groups
  list(c(1, 1, 2, 2, 3), c(2, 3, 3, 4), c(1, 4, 4, 4, 5, 5)),     # heavy ties
  list(c(7), c(3, 9), c(1, 2, 8, 10)),                            # a group of one
  list(c(0, 0, 0, 0, 1), c(0, 0, 0, 0, 0, 0), c(0, 1, 1)),        # ties at two values only
  list(rnorm(40), rnorm(35, 0.3), rnorm(45, 0.6), rnorm(30, 0.1), rnorm(50, -0.2)),
  list(sample(0:4, 300, TRUE), sample(0:4, 280, TRUE), sample(1:5, 310, TRUE)),  # p far below 1e-12
  list(rexp(84), rexp(84, 1.2), rexp(83, 0.9)),                   # three arms of about 250
  list(round(rnorm(2000, 10, 3)), round(rnorm(2000, 10.2, 3)), round(rnorm(2000, 10.1, 3))))
cases <- lapply(samples, function(groups) {
  k <- kruskal.test(groups)
  list(groups = lapply(groups, I), statistic = unname(k$statistic), df = unname(k$parameter), p = k$p.value)
})
write_fixture("kruskal", cases)
