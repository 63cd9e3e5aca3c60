# Reference values for t-tests: Rscript ttest.R -> ttest.json
source("common.R")
cases <- list()
add <- function(method, x, y, tt) cases[[length(cases) + 1]] <<- list(method = method, x = I(x), y = I(y),
  t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
  estimate = if (length(tt$estimate) == 2) unname(tt$estimate[1] - tt$estimate[2]) else unname(tt$estimate),
  se = unname(tt$stderr), ciLower = tt$conf.int[1], ciUpper = tt$conf.int[2])
x <- sleep$extra[1:10]; y <- sleep$extra[11:20]
add("welch", x, y, t.test(x, y)); add("student", x, y, t.test(x, y, var.equal = TRUE))
add("paired", y, x, t.test(y, x, paired = TRUE)); add("oneSample", x, numeric(0), t.test(x))
set.seed(20240601)
for (n in c(2, 3, 5, 8, 13, 30, 100, 1000)) {
  a <- round(rnorm(n, 10, 3), 2); b <- round(rnorm(n + 3, 11.5, 5), 2)
  add("welch", a, b, t.test(a, b)); add("student", a, b, t.test(a, b, var.equal = TRUE))
  bp <- round(a + rnorm(n, 0.8, 1), 2)
  add("paired", a, bp, t.test(a, bp, paired = TRUE)); add("oneSample", a, numeric(0), t.test(a, mu = 0))
}
# extreme: tiny p-values
a <- 100 + (1:40) / 10; b <- 90 + (1:35) / 7
add("welch", a, b, t.test(a, b)); add("student", a, b, t.test(a, b, var.equal = TRUE))
add("paired", a, a - 3 - sin(1:40), t.test(a, a - 3 - sin(1:40), paired = TRUE))
write_fixture("ttest", cases)
