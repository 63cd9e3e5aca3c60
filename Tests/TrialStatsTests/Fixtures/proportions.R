# Reference values for proportion intervals: Rscript proportions.R -> proportions.json
# Wilson: prop.test(correct = FALSE). Clopper-Pearson: binom.test. Newcombe method 10
# (hybrid score, Newcombe 1998) has no base-R function: it is computed here from the
# prop.test Wilson limits with the paper's formula.
source("common.R")
wilson <- function(x, n, level = 0.95) suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE))$conf.int
cases <- list()
counts <- list(c(11, 27), c(0, 26), c(26, 26), c(3, 53), c(1, 1), c(0, 1), c(1, 2), c(56, 70), c(48, 80),
               c(9, 10), c(1, 1000), c(4999, 10000), c(5, 5000))
for (xn in counts) for (level in c(0.95, 0.9)) {
  w <- wilson(xn[1], xn[2], level); b <- binom.test(xn[1], xn[2], conf.level = level)$conf.int
  cases[[length(cases) + 1]] <- list(kind = "wilson", x = xn[1], n = xn[2], level = level, lower = w[1], upper = w[2])
  cases[[length(cases) + 1]] <- list(kind = "clopperPearson", x = xn[1], n = xn[2], level = level, lower = b[1], upper = b[2])
}
pairs <- list(c(56, 70, 48, 80), c(9, 10, 3, 10), c(6, 7, 2, 7), c(5, 56, 0, 29), c(0, 10, 0, 20), c(10, 10, 0, 20),
              c(10, 10, 10, 10), c(11, 27, 3, 26), c(1200, 2000, 1100, 2000))
for (q in pairs) {
  w1 <- wilson(q[1], q[2]); w2 <- wilson(q[3], q[4]); p1 <- q[1] / q[2]; p2 <- q[3] / q[4]
  cases[[length(cases) + 1]] <- list(kind = "newcombe", x = q[1], n = q[2], x2 = q[3], n2 = q[4], level = 0.95,
    estimate = p1 - p2, lower = p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
    upper = p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
write_fixture("proportions", cases)
