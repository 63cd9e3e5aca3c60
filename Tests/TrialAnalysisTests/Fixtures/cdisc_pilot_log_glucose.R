# A log-scale ANCOVA on the CDISC pilot (the `logOffset` key of an endpoint): glucose (ADLBC PARAMCD
# GLUC) at week 20 (AVISITN 20), intent-to-treat set (ADSL ITTFL = Y), Placebo and Xanomeline High
# Dose, every record at the visit, log(AVAL + 1) ~ arm + log(BASE + 1); LS means (emmeans), the
# difference, and both back-transformed: exp(LS mean) - 1 and the ratio of geometric means exp(difference).
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_log_glucose.R
library(haven)
library(emmeans)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adlb <- read_xpt("examples/cdisc-pilot/data/adlbc.xpt")
arms <- c("Placebo", "Xanomeline High Dose")
offset <- 1
itt <- adsl[adsl$ITTFL == "Y" & adsl$TRT01P %in% arms, c("USUBJID", "TRT01P")]
records <- adlb[adlb$PARAMCD == "GLUC" & !is.na(adlb$AVISITN) & adlb$AVISITN == 20, c("USUBJID", "AVAL", "BASE")]
d <- merge(itt, records, by = "USUBJID")
d$arm <- factor(d$TRT01P, levels = arms)
# The response and the baseline taken to the log scale first: the LS means are at the mean of
# log(BASE + 1), as TrialReport's covariate is the transformed baseline (emmeans would otherwise
# reduce BASE before transforming it).
d$y <- log(d$AVAL + offset)
d$logBase <- log(d$BASE + offset)
fit <- lm(y ~ arm + logBase, data = d)
emm <- emmeans(fit, "arm")
ls <- summary(emm, infer = TRUE)
differences <- summary(contrast(emm, "trt.vs.ctrl", ref = 1, adjust = "none"), infer = TRUE)
estimate <- function(t, i) list(estimate = t[i, 2], se = t$SE[i], df = t$df[i], ciLower = t$lower.CL[i],
                                ciUpper = t$upper.CL[i], t = t$t.ratio[i], pValue = t$p.value[i])
back <- function(e, f) list(estimate = f(e$estimate), ciLower = f(e$ciLower), ciUpper = f(e$ciUpper))
means <- lapply(seq_len(nrow(ls)), function(i) estimate(ls, i))
difference <- estimate(differences, 1)
out <- list(
  model = "log(AVAL + 1) ~ arm + log(BASE + 1)",
  n = as.list(table(d$arm)),
  lsMeans = means,
  backTransformed = lapply(means, back, function(x) exp(x) - offset),
  difference = difference,
  ratio = back(difference, exp)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_log_glucose.json")
