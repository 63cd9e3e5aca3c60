# Reference values for the F distribution: Rscript fdistribution.R -> fdistribution.json
source("common.R")
grid <- expand.grid(f = c(1e-8, 0.01, 0.5, 1, 2.5, 7, 40, 400, 1e5),
                    df1 = c(1, 2, 4.5, 30), df2 = c(1, 3.7, 12, 250, 1e4, 1e6))
cases <- lapply(seq_len(nrow(grid)), function(i) with(grid[i, ], list(f = f, df1 = df1, df2 = df2,
  lower = pf(f, df1, df2), upper = pf(f, df1, df2, lower.tail = FALSE))))
write_fixture("fdistribution", cases)
