# The CDISC pilot's glucose analysis (Table 14-3.02 of the R Submissions pilot), as
# examples/cdisc-pilot/study.yaml names it: glucose (ADLBC PARAMCD GLUC) change from baseline at
# week 20 (AVISITN 20), intent-to-treat set (ADSL ITTFL = Y), Placebo and Xanomeline High Dose
# only, every record at the visit, CHG ~ arm + BASE; LS means (emmeans) and the difference.
# Then the same visit on the log scale (an endpoint's `logOffset: 1`), written to
# cdisc_pilot_log_glucose.json: log(AVAL + 1) ~ arm + log(BASE + 1), the LS means, the difference,
# and both back-transformed: exp(LS mean) - 1 and the ratio of geometric means exp(difference).
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_glucose.R
library(haven)
library(emmeans)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adlb <- read_xpt("examples/cdisc-pilot/data/adlbc.xpt")
arms <- c("Placebo", "Xanomeline High Dose")
itt <- adsl[adsl$ITTFL == "Y" & adsl$TRT01P %in% arms, c("USUBJID", "TRT01P")]
records <- adlb[adlb$PARAMCD == "GLUC" & !is.na(adlb$AVISITN) & adlb$AVISITN == 20, c("USUBJID", "AVAL", "CHG", "BASE")]
d <- merge(itt, records, by = "USUBJID")
d$arm <- factor(d$TRT01P, levels = arms)
fit <- lm(CHG ~ arm + BASE, data = d)
means <- emmeans(fit, "arm")
ls <- summary(means, infer = TRUE)
differences <- summary(contrast(means, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = TRUE)
estimate <- function(e, se, df, lo, hi, t, p) list(estimate = e, se = se, df = df, ciLower = lo, ciUpper = hi, t = t, pValue = p)
out <- list(
  setSize = as.list(table(factor(itt$TRT01P, levels = arms))),
  n = as.list(table(d$arm)),
  mean = as.list(tapply(d$CHG, d$arm, mean)),
  sd = as.list(tapply(d$CHG, d$arm, sd)),
  lsMeans = lapply(seq_len(nrow(ls)), function(i) estimate(ls$emmean[i], ls$SE[i], ls$df[i], ls$lower.CL[i], ls$upper.CL[i], ls$t.ratio[i], ls$p.value[i])),
  differences = lapply(seq_len(nrow(differences)), function(i) estimate(differences$estimate[i], differences$SE[i], differences$df[i],
                       differences$lower.CL[i], differences$upper.CL[i], differences$t.ratio[i], differences$p.value[i]))
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_glucose.json")

# The log scale. The response and the baseline are taken to the log scale first: the LS means are at
# the mean of log(BASE + 1), as TrialReport's covariate is the transformed baseline (emmeans would
# otherwise reduce BASE before transforming it).
offset <- 1
d$y <- log(d$AVAL + offset)
d$logBase <- log(d$BASE + offset)
logFit <- lm(y ~ arm + logBase, data = d)
logMeans <- emmeans(logFit, "arm")
logLs <- summary(logMeans, infer = TRUE)
logDifferences <- summary(contrast(logMeans, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = TRUE)
back <- function(e, f) list(estimate = f(e$estimate), ciLower = f(e$ciLower), ciUpper = f(e$ciUpper))
means <- lapply(seq_len(nrow(logLs)), function(i) estimate(logLs$emmean[i], logLs$SE[i], logLs$df[i], logLs$lower.CL[i],
                                                         logLs$upper.CL[i], logLs$t.ratio[i], logLs$p.value[i]))
difference <- estimate(logDifferences$estimate[1], logDifferences$SE[1], logDifferences$df[1], logDifferences$lower.CL[1],
                       logDifferences$upper.CL[1], logDifferences$t.ratio[1], logDifferences$p.value[1])
logOut <- list(
  model = "log(AVAL + 1) ~ arm + log(BASE + 1)",
  n = as.list(table(d$arm)),
  lsMeans = means,
  backTransformed = lapply(means, back, function(x) exp(x) - offset),
  difference = difference,
  ratio = back(difference, exp)
)
writeLines(toJSON(logOut, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_log_glucose.json")
