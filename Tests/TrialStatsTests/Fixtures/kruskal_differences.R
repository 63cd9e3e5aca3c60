# Reference values for the Kruskal-Wallis test of differences of rounded data (changes from baseline):
# Rscript kruskal_differences.R -> kruskal_differences.json. The groups are after - before, computed in
# double precision by R and by the test alike (JSON holds 15 digits, too few to carry the last bit):
# 6.6 - 10.0 and 6.3 - 9.7 differ in their last bit, so R's ranks put them apart while its tie
# correction (table() groups values by their 15 significant digits) counts them as one tie.
source("common.R")
set.seed(16)
one_decimal <- function(n, mean) round(rnorm(n, mean, 0.8), 1)
samples <- list(
  list(after = list(c(7.1, 6.6, 8.2, 7.0, 6.5), c(6.9, 8.7, 6.3, 6.8, 7.5), c(7.7, 6.1, 8.0, 7.3)),
       before = list(c(10.5, 10.0, 11.6, 10.4, 9.9), c(10.3, 12.1, 9.7, 10.2, 10.0), c(10.0, 9.2, 11.1, 10.6))),
  list(after = list(one_decimal(30, 7), one_decimal(28, 7.2), one_decimal(31, 6.8)),
       before = list(one_decimal(30, 10.5), one_decimal(28, 10.5), one_decimal(31, 10.5))))
cases <- lapply(samples, function(s) {
  groups <- mapply(function(a, b) a - b, s$after, s$before, SIMPLIFY = FALSE)
  k <- kruskal.test(groups)
  list(after = lapply(s$after, I), before = lapply(s$before, I), statistic = unname(k$statistic), p = k$p.value)
})
write_fixture("kruskal_differences", cases)
