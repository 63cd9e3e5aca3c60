# Reference values for the effect estimates beside between-arm p-values: Rscript effects.R -> effects.json
# - shift: Hodges-Lehmann shift and CI of wilcox.test(x, y, conf.int = TRUE) (R's rule: exact when
#   n < 50 in both and no ties, else normal approximation with continuity correction, uniroot tol 1e-4)
# - geometricMeanRatio: t.test(log(x), log(y)) back-transformed with exp
# - relativeRisk: the Katz log interval by its formula (no R package installed gives it); 0.5 added to
#   every cell when a group has no successes
source("common.R")
cases <- list(shift = list(), geometricMeanRatio = list(), relativeRisk = list())
shift <- function(x, y, ...) {
  # JSON keeps 15 significant digits: compute on exactly the values the tests read, since the normal
  # branch's search stops on a step function and its path depends on the last bits of the data.
  x <- signif(x, 15); y <- signif(y, 15)
  w <- suppressWarnings(wilcox.test(x, y, conf.int = TRUE, ...))
  cases$shift[[length(cases$shift) + 1]] <<- list(x = I(x), y = I(y), estimate = unname(w$estimate),
    lower = w$conf.int[1], upper = w$conf.int[2], level = attr(w$conf.int, "conf.level"),
    exact = grepl("exact", w$method), forcedExact = if (is.null(list(...)$exact)) NA else list(...)$exact,
    confidenceLevel = if (is.null(list(...)$conf.level)) 0.95 else list(...)$conf.level)
}
x <- sleep$extra[1:10]; y <- sleep$extra[11:20]
shift(x, y); shift(y, x)                                   # ties: normal approximation
a <- c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30); b <- c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.02, 3.14, 1.21)
shift(a, b); shift(a, b, conf.level = 0.9)                 # exact
set.seed(42)
for (n in c(1:12, 20, 30, 45:55, 60, 120)) {               # around the exact/normal switch at 50
  m <- if (n > 3) n - 2 else n
  shift(rnorm(n) + 0.4, rnorm(m))
}
set.seed(7)
for (n in c(5, 20, 49, 50, 60, 200)) {                     # ties within and between the samples
  shift(sample(1:6, n, TRUE), sample(2:7, n + 1, TRUE))
  shift(round(rnorm(n, 10, 2), 1), round(rnorm(n + 3, 9, 2), 1))
}
shift(c(1, 2, 3), c(10, 11, 12, 13)); shift(c(1), c(2)); shift(c(5, 6), c(1))   # tiny: level not achievable
shift(c(1, 2), c(2, 3)); shift(c(1, 1, 2), c(1, 2, 2))     # zero differences (x = y pairs)
shift(c(0, 0, 0, 1), c(0, 0, 0, 0, 2))                     # mostly zeros
shift(1:40, 41:80); shift(1:300 / 3, 100 + 1:310 / 3)      # far apart (normal: limits at the range ends?)
shift(c(3.1, 2.2, 5.0), c(1.1, 4.0, 0.5, 2.2, 7.3), exact = FALSE)              # normal forced, no ties
set.seed(11)
shift(100 * (rlnorm(27, 0, 0.2) - 1), 100 * (rlnorm(26, -0.15, 0.2) - 1))      # percent changes as the seed's
gmr <- function(x, y, level = 0.95) {
  t <- t.test(log(x), log(y), conf.level = level)
  cases$geometricMeanRatio[[length(cases$geometricMeanRatio) + 1]] <<- list(x = I(x), y = I(y), confidenceLevel = level,
    ratio = exp(unname(t$estimate[1] - t$estimate[2])), lower = exp(t$conf.int[1]), upper = exp(t$conf.int[2]),
    p = t$p.value)
}
set.seed(3)
gmr(rlnorm(20, 1, 0.5), rlnorm(25, 0.8, 0.7)); gmr(rlnorm(5, 0, 1), rlnorm(3, 0, 1), 0.9)
gmr(c(1, 10, 100), c(2, 3)); gmr(exp(rnorm(200, 5, 0.1)), exp(rnorm(180, 5.02, 0.3)))
rr <- function(x1, n1, x2, n2, level = 0.95) {
  corrected <- x1 == 0 || x2 == 0
  add <- if (corrected) 0.5 else 0
  a <- x1 + add; c <- x2 + add; m1 <- n1 + 2 * add; m2 <- n2 + 2 * add
  ratio <- (a / m1) / (c / m2); se <- sqrt(1 / a - 1 / m1 + 1 / c - 1 / m2); z <- qnorm((1 + level) / 2)
  cases$relativeRisk[[length(cases$relativeRisk) + 1]] <<- list(successes1 = x1, trials1 = n1, successes2 = x2, trials2 = n2,
    confidenceLevel = level, estimate = ratio, lower = exp(log(ratio) - z * se), upper = exp(log(ratio) + z * se),
    corrected = corrected)
}
rr(11, 27, 2, 26); rr(9, 17, 1, 16); rr(2, 10, 1, 10); rr(30, 100, 30, 100); rr(5, 5, 3, 9); rr(10, 10, 10, 10)
rr(0, 12, 4, 13); rr(4, 13, 0, 12); rr(0, 8, 0, 9); rr(1, 1, 1, 2, 0.9); rr(1234, 5000, 987, 5000)
write_fixture("effects", cases)
