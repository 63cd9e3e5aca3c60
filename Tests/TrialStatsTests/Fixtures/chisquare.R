# Reference values for Pearson's chi-square test: Rscript chisquare.R -> chisquare.json
source("common.R")
tables <- list(matrix(c(11, 16, 3, 23), 2, byrow = TRUE), matrix(c(1200, 800, 1100, 900), 2, byrow = TRUE),
  matrix(c(20, 380, 40, 360), 2, byrow = TRUE), matrix(c(500, 10, 10, 500), 2, byrow = TRUE),
  matrix(c(10, 10, 10, 10), 2, byrow = TRUE), matrix(c(10.2, 10, 10, 10), 2, byrow = TRUE),
  matrix(c(0, 10, 5, 5), 2, byrow = TRUE),
  matrix(c(12, 7, 9, 15, 3, 8), 2, byrow = TRUE), matrix(c(30, 12, 8, 14, 22, 9, 5, 11, 25), 3, byrow = TRUE),
  matrix(c(762, 327, 468, 484, 239, 477), 2, byrow = TRUE), matrix(c(1:20) * 37 %% 23 + 1, 4, byrow = TRUE))
cases <- list()
for (tab in tables) for (correct in c(TRUE, FALSE)) {
  ch <- suppressWarnings(chisq.test(tab, correct = correct))
  cases[[length(cases) + 1]] <- list(rows = nrow(tab), cells = I(as.vector(t(tab))), correct = correct,
    statistic = unname(ch$statistic), df = unname(ch$parameter), p = ch$p.value,
    yates = grepl("Yates", ch$method))
}
write_fixture("chisquare", cases)
