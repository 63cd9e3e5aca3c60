# The CDISC pilot's primary efficacy analysis (CSR Table 14-3.01), as examples/cdisc-pilot/study.yaml
# names it: ADAS-Cog(11) (PARAMCD ACTOT) change from baseline at week 24 (AVISITN 24), efficacy set
# (ADSL EFFFL = Y), records with ANL01FL = Y (LOCF included), CHG ~ arm + SITEGR1 (from ADSL) + BASE,
# LS means with proportional weights; the dose-response slope with the dose as a numeric term.
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_ancova.R
library(haven)
library(emmeans)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adas <- read_xpt("examples/cdisc-pilot/data/adadas.xpt")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
doses <- c(0, 54, 81)
efficacy <- adsl[adsl$EFFFL == "Y", c("USUBJID", "TRT01P", "SITEGR1")]
records <- adas[adas$PARAMCD == "ACTOT" & adas$AVISITN == 24 & adas$ANL01FL == "Y", c("USUBJID", "CHG", "BASE")]
d <- merge(efficacy, records, by = "USUBJID")
d$arm <- factor(d$TRT01P, levels = arms)
d$dose <- doses[as.integer(d$arm)]
fit <- lm(CHG ~ arm + SITEGR1 + BASE, data = d)
means <- emmeans(fit, "arm", weights = "proportional")
ls <- summary(means, infer = TRUE)
differences <- summary(contrast(means, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = TRUE)
f <- drop1(fit, test = "F")
slope <- summary(lm(CHG ~ dose + SITEGR1 + BASE, data = d))$coefficients["dose", ]
slopeCI <- confint(lm(CHG ~ dose + SITEGR1 + BASE, data = d))["dose", ]
estimate <- function(e, se, df, lo, hi, t, p) list(estimate = e, se = se, df = df, ciLower = lo, ciUpper = hi, t = t, pValue = p)
out <- list(
  n = as.list(table(d$arm)),
  mean = as.list(tapply(d$CHG, d$arm, mean)),
  sd = as.list(tapply(d$CHG, d$arm, sd)),
  lsMeans = lapply(seq_len(nrow(ls)), function(i) estimate(ls$emmean[i], ls$SE[i], ls$df[i], ls$lower.CL[i], ls$upper.CL[i], ls$t.ratio[i], ls$p.value[i])),
  differences = lapply(seq_len(nrow(differences)), function(i) estimate(differences$estimate[i], differences$SE[i], differences$df[i],
                       differences$lower.CL[i], differences$upper.CL[i], differences$t.ratio[i], differences$p.value[i])),
  armTest = list(df = f["arm", "Df"], residualDf = fit$df.residual, f = f["arm", "F value"], pValue = f["arm", "Pr(>F)"]),
  doseResponse = estimate(slope[["Estimate"]], slope[["Std. Error"]], fit$df.residual + 1, slopeCI[[1]], slopeCI[[2]],
                          slope[["t value"]], slope[["Pr(>|t|)"]])
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_ancova.json")
