# Reference values for Pearson's chi-square on r x c tables (arms in columns), with the
# expected counts: Rscript chisquare_rxc.R -> chisquare_rxc.json
source("common.R")
tables <- list(matrix(c(12, 7, 9, 72, 76, 74), 2, byrow = TRUE),                   # 2x3 adverse event
  matrix(c(70, 68, 72, 8, 9, 6, 3, 4, 2, 2, 1, 3, 1, 1, 0), 5, byrow = TRUE),           # 5x3 race
  matrix(c(20, 25, 30, 40, 35, 30, 20, 18, 16, 4, 5, 7), 4, byrow = TRUE),              # 4x3 severity
  matrix(c(3, 0, 9, 1, 5, 12, 2, 6), 2, byrow = TRUE),                                  # 2x4, a zero cell
  matrix(c(100, 2, 150, 3), 2, byrow = TRUE))
cases <- lapply(tables, function(tab) {
  ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(rows = nrow(tab), cells = I(as.vector(t(tab))), statistic = unname(ch$statistic),
       df = unname(ch$parameter), p = ch$p.value, expected = I(as.vector(t(ch$expected))))
})
write_fixture("chisquare_rxc", cases)
