# Reference values for the Cochran-Armitage trend test: Rscript trend.R -> trend.json
source("common.R")
tables <- list(
  list(x = c(83, 90, 129, 70), n = c(86, 93, 136, 82), score = c(1, 2, 3, 4)),  # R's ?prop.trend.test (smokers)
  list(x = c(83, 90, 129, 70), n = c(86, 93, 136, 82), score = c(0, 0, 0, 1)),
  list(x = c(5, 9, 16), n = c(84, 83, 83), score = c(0, 54, 81)),                # doses
  list(x = c(12, 12, 12), n = c(84, 83, 83), score = c(1, 2, 3)),                # no trend
  list(x = c(2, 8), n = c(40, 41), score = c(1, 2)),                             # two groups
  list(x = c(0, 3, 40), n = c(100, 100, 100), score = c(1, 2, 3)),               # p far below 1e-12
  list(x = c(0, 3, 7), n = c(0, 50, 50), score = c(1, 2, 3)),                    # an empty group
  list(x = c(300, 290, 320, 350, 370), n = c(1000, 1000, 1000, 1000, 1000), score = c(0, 0.5, 1, 2, 4)))
cases <- lapply(tables, function(t) {
  r <- prop.trend.test(t$x, t$n, t$score)
  list(events = I(t$x), totals = I(t$n), scores = I(t$score), statistic = unname(r$statistic), p = r$p.value)
})
write_fixture("trend", cases)
