# Reference values for the Fisher-Freeman-Halton exact test on r x c tables:
# Rscript fisher_rxc.R -> fisher_rxc.json. Arms are in columns.
source("common.R")
tables <- list(
  matrix(c(12, 7, 9, 72, 76, 74), 2, byrow = TRUE),                                  # 2x3 adverse event
  matrix(c(1, 0, 6, 83, 83, 77), 2, byrow = TRUE),                                   # 2x3 rare event
  matrix(c(70, 68, 72, 8, 9, 6, 3, 4, 2, 2, 1, 3, 1, 1, 0), 5, byrow = TRUE),         # 5x3 race, 250
  matrix(c(20, 25, 30, 40, 35, 30, 20, 18, 16, 4, 5, 7), 4, byrow = TRUE),            # 4x3 severity, 250
  matrix(c(30, 22, 10, 25, 20, 15, 15, 20, 25, 8, 12, 20, 6, 9, 13), 5, byrow = TRUE), # 5x3 balanced, 250
  matrix(c(3, 0, 9, 1, 5, 12, 2, 6), 2, byrow = TRUE),                                # 2x4, a zero cell
  matrix(c(2, 7, 5, 1, 8, 3), 3, byrow = TRUE),                                       # 3x2
  matrix(c(1, 2, 3, 0, 0, 0, 4, 5, 6), 3, byrow = TRUE),                              # a zero row
  matrix(c(1, 0, 3, 2, 0, 5), 2, byrow = TRUE),                                       # a zero column
  matrix(c(10, 0, 0, 0, 10, 0, 0, 0, 10), 3, byrow = TRUE),                           # p far below 1e-6
  matrix(c(4, 4, 4, 4, 4, 4), 2, byrow = TRUE),                                       # p = 1
  matrix(c(11, 16, 3, 23), 2, byrow = TRUE), matrix(c(7, 2, 1, 8), 2, byrow = TRUE),  # 2x2 as fisher.R
  matrix(c(1, 19, 7, 13), 2, byrow = TRUE))
set.seed(1515)
for (i in 1:12) {
  r <- sample(2:4, 1); k <- sample(2:4, 1)
  tables[[length(tables) + 1]] <- matrix(sample(0:9, r * k, TRUE), r, k)
}
for (i in 1:4) tables[[length(tables) + 1]] <- matrix(rbinom(6, 84, c(0.1, 0.15, 0.3)), 2, byrow = TRUE)
cases <- lapply(tables, function(tab) {
  f <- fisher.test(tab, workspace = 2e8)
  list(rows = nrow(tab), cells = I(as.vector(t(tab))), p = f$p.value)
})
write_fixture("fisher_rxc", cases)
