# Reference values for descriptive statistics: Rscript descriptives.R -> descriptives.json
# Missing values are NA in R and null in JSON.
source("common.R")
samples <- list(sleep$extra, c(3, NA, 1, 2, NA), c(5), c(2, 2, 2, 2), c(1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.4),
  c(-3.5, 0, 12.25, 7, 7, 1, -0.5, 100), c(1:10) / 7)
set.seed(3); samples[[length(samples) + 1]] <- round(rexp(101, 0.2), 3)
cases <- lapply(samples, function(v) {
  o <- v[!is.na(v)]; q <- quantile(o, c(0.25, 0.5, 0.75), type = 7)
  list(values = I(v), n = length(o), missing = sum(is.na(v)), mean = mean(o),
       sd = if (length(o) > 1) sd(o) else NA, sem = if (length(o) > 1) sd(o) / sqrt(length(o)) else NA,
       median = median(o), q1 = unname(q[1]), q3 = unname(q[3]), min = min(o), max = max(o))
})
write_fixture("descriptives", cases)
