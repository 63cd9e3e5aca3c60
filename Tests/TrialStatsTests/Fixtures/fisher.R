# Reference values for Fisher's exact test (2x2): Rscript fisher.R -> fisher.json
# Table c(a, b, c, d) is matrix(c(a, b, c, d), 2, byrow = TRUE).
source("common.R")
tables <- list(c(11, 16, 3, 23), c(7, 2, 1, 8), c(0, 10, 5, 5), c(1200, 800, 1100, 900),
  c(3, 1, 1, 3), c(10, 10, 10, 10), c(0, 0, 5, 7), c(5, 0, 0, 5), c(12, 5, 0, 9), c(9, 0, 0, 0),
  c(1, 19, 7, 13),   # p close to 0.05
  c(6, 14, 13, 7),   # p close to 0.05
  c(20, 380, 40, 360), c(500, 10, 10, 500),  # p far below 1e-12
  c(3000, 2000, 2950, 2050), c(25000, 25000, 24700, 25300), c(40, 4960, 70, 4930),
  c(2, 3, 4, 1), c(1, 0, 0, 1), c(0, 1, 1, 0), c(15, 0, 3, 1))
set.seed(11)  # random tables, small and large counts
for (i in 1:40) tables[[length(tables) + 1]] <- sample(0:15, 4, TRUE)
for (i in 1:10) tables[[length(tables) + 1]] <- sample(200:3000, 4, TRUE)
cases <- lapply(tables, function(tab) {
  f <- fisher.test(matrix(tab, 2, byrow = TRUE))
  list(table = I(tab), p = f$p.value, oddsRatio = num(f$estimate),
       ciLower = num(f$conf.int[1]), ciUpper = num(f$conf.int[2]))
})
write_fixture("fisher", cases)
