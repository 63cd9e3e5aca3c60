# Reference values of the CDISC pilot's demographic and baseline characteristics table (CSR Table
# 14-2.01, intent-to-treat set) for BaselineCharacteristicsTests, computed with R's own functions
# from examples/cdisc-pilot/data/adsl.xpt (read with haven), under two plans:
#   "pilot":     the tests of the pilot's CSR: one-way ANOVA (oneway.test(var.equal = TRUE), as the
#                pilot's aov) for continuous variables, chisq.test for categorical ones (no table
#                here is 2 x 2, so no continuity correction applies);
#   "alternate": kruskal.test and fisher.test (with a workspace large enough for the 3 x 3 tables).
# The output mirrors results.json's baselineCharacteristics; every number written here must be
# found at the same path in TrialReport's results (compared at 1e-6 relative).
# Produced by R 4.2; regenerate inside this folder with:
#   Rscript baseline_characteristics_pilot.R > baseline_characteristics_pilot.json
suppressPackageStartupMessages({ library(haven); library(jsonlite) })

adsl <- as.data.frame(read_xpt("../../../examples/cdisc-pilot/data/adsl.xpt"))
adsl <- adsl[adsl$ITTFL == "Y", ]
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
arm <- factor(adsl$TRT01P, levels = arms)

q <- function(x, p) unname(quantile(x, p, type = 7))
describe <- function(x) {
  x <- x[!is.na(x)]
  list(n = length(x), mean = mean(x), sd = sd(x), sem = sd(x) / sqrt(length(x)), median = q(x, 0.5),
       q1 = q(x, 0.25), q3 = q(x, 0.75), min = min(x), max = max(x))
}
continuous <- function(name, test) {
  x <- adsl[[name]]
  summary <- function(keep) list(n = sum(keep & !is.na(x)), missing = sum(keep & is.na(x)), descriptives = describe(x[keep]))
  fit <- if (test == "anova") oneway.test(x ~ arm, var.equal = TRUE) else kruskal.test(x ~ arm)
  list(variable = name, kind = "continuous", test = if (test == "anova") "anova" else "kruskal-wallis",
       byArm = lapply(arms, function(a) summary(arm == a)), total = summary(rep(TRUE, length(x))),
       statistic = unname(fit$statistic), degreesOfFreedom = I(unname(as.numeric(fit$parameter))), pValue = fit$p.value)
}
categorical <- function(name, order, test) {
  x <- adsl[[name]]
  summary <- function(keep) {
    n <- sum(keep & !is.na(x))
    list(n = n, missing = sum(keep & is.na(x)),
         counts = lapply(order, function(v) list(level = v, n = sum(keep & x %in% v), proportion = sum(keep & x %in% v) / n)))
  }
  table <- table(factor(x, levels = order), arm)
  table <- table[rowSums(table) > 0, colSums(table) > 0]
  result <- list(variable = name, kind = "categorical", levels = lapply(order, function(v) list(value = v)),
                 byArm = lapply(arms, function(a) summary(arm == a)), total = summary(rep(TRUE, length(x))))
  if (test == "chi-square") {
    fit <- suppressWarnings(chisq.test(table, correct = FALSE))
    c(result, list(test = "chi-square", statistic = unname(fit$statistic), degreesOfFreedom = I(unname(as.numeric(fit$parameter))),
                   pValue = fit$p.value, smallExpectedCounts = any(fit$expected < 5)))
  } else {
    c(result, list(test = if (all(dim(table) == 2)) "fisher-exact" else "fisher-freeman-halton", pValue = fisher.test(table, workspace = 2e8)$p.value))
  }
}
# Categories: AGEGR1 and RACE ordered by their numeric companions AGEGR1N and RACEN, SEX and
# DURDSGR1 sorted, BMIBLGR1 in the order the plan lists.
byCompanion <- function(name, companion) {
  codes <- unique(adsl[, c(name, companion)])
  codes[order(codes[[companion]]), name]
}
analyse <- function(continuousTest, categoricalTest) {
  list(set = "Intent-to-treat",
       arms = lapply(arms, function(a) list(arm = a, n = sum(arm == a))), total = nrow(adsl),
       variables = list(
         continuous("AGE", continuousTest),
         categorical("AGEGR1", byCompanion("AGEGR1", "AGEGR1N"), categoricalTest),
         categorical("SEX", sort(unique(adsl$SEX)), categoricalTest),
         categorical("RACE", byCompanion("RACE", "RACEN"), categoricalTest),
         continuous("MMSETOT", continuousTest),
         continuous("DURDIS", continuousTest),
         categorical("DURDSGR1", sort(unique(adsl$DURDSGR1)), categoricalTest),
         continuous("EDUCLVL", continuousTest),
         continuous("WEIGHTBL", continuousTest),
         continuous("HEIGHTBL", continuousTest),
         continuous("BMIBL", continuousTest),
         categorical("BMIBLGR1", c("<25", "25-<30", ">=30"), categoricalTest)))
}
cat(toJSON(list(pilot = analyse("anova", "chi-square"), alternate = analyse("kruskal-wallis", "fisher-exact")),
           auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "\n")
