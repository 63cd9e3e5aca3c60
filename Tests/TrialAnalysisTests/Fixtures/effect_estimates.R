# The effect estimates beside the between-arm p-values, as results.json writes them; sourced by
# analysis_study.R and three_arm_study.R (run from this folder).
# The odds ratio of fisher.test (an infinite value is null in results.json) and the Katz relative risk
# (0.5 added to every cell when an arm has no responders), by its formula.
oddsRatio <- function(x1, n1, x2, n2) {
  f <- fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))
  fin <- function(v) if (is.finite(v)) unname(v) else NA
  list(estimate = fin(f$estimate), ciLower = fin(f$conf.int[1]), ciUpper = fin(f$conf.int[2]))
}
relativeRisk <- function(x1, n1, x2, n2) {
  corrected <- x1 == 0 || x2 == 0; add <- if (corrected) 0.5 else 0
  a <- x1 + add; c <- x2 + add; m1 <- n1 + 2 * add; m2 <- n2 + 2 * add
  rr <- (a / m1) / (c / m2); se <- sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2); z <- qnorm(0.975)
  list(estimate = rr, ciLower = exp(log(rr) - z * se), ciUpper = exp(log(rr) + z * se), continuityCorrected = corrected)
}
# The effect beside the between-arm test: the Hodges-Lehmann shift of wilcox.test(conf.int = TRUE), or
# the mean difference of t.test, with the estimator's name as results.json writes it.
effect <- function(test, x, y) tryCatch(suppressWarnings({
  if (test == "mann-whitney") {
    w <- wilcox.test(x, y, conf.int = TRUE)
    list(estimator = if (grepl("exact", w$method)) "hodges-lehmann-exact" else "hodges-lehmann-normal",
         estimate = unname(w$estimate), ciLower = w$conf.int[1], ciUpper = w$conf.int[2], ciLevel = attr(w$conf.int, "conf.level"))
  } else {
    t <- t.test(x, y)
    list(estimator = "mean-difference", estimate = unname(t$estimate[1] - t$estimate[2]), ciLower = t$conf.int[1],
         ciUpper = t$conf.int[2], ciLevel = 0.95)
  }
}), error = function(e) NULL)
