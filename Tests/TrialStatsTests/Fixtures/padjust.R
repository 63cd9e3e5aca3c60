# Reference values for p-value adjustments: Rscript padjust.R -> padjust.json
source("common.R")
families <- list(c(0.01, 0.02, 0.03), c(0.04, 0.001, 0.3, 0.04, 0.8), c(0.5), c(1e-15, 0.2, 0.049),
  c(0.6, 0.6, 0.6, 0.01), c(0, 1, 0.5), c(0.012, 0.011, 0.03, 0.025, 0.04, 0.047, 0.5, 0.0001))
cases <- list()
for (p in families) for (method in c("none", "bonferroni", "holm", "hochberg"))
  cases[[length(cases) + 1]] <- list(p = I(p), method = method, adjusted = I(p.adjust(p, method)))
write_fixture("padjust", cases)
