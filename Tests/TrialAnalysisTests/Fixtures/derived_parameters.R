# Derived parameters (plan key derivedParameters) on a small ADaM study written here:
# 40 participants in two arms, a 2-hour mixed-meal test at weeks 0 and 52 (C-peptide, PARAMCD CPEP,
# at ATPTN 0, 15, 30, 60, 90, 120 min; some samples missing) and HbA1c (%) and insulin dose
# (IU/kg/day) at the same visits.
# Expected, per participant and visit:
# - CPEPAUC: the trapezoidal area under the C-peptide curve over the samples present (at least
#   two), divided by the time from the first to the last (the mean AUC);
# - IDAA1C: HBA1C + 4 * INSDOSE;
# and the ANCOVA of the change in CPEPAUC from week 0 to 52 ~ arm + baseline (lm), the difference
# of the arms with its SE and p, as TrialReport's endpoint on the derived parameter reports it.
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/derived_parameters.R
library(jsonlite)
set.seed(20261203)
folder <- "Tests/TrialAnalysisTests/Fixtures/derived-parameters"
n <- 40
adsl <- data.frame(USUBJID = sprintf("S-%03d", 1:n), TRT01P = rep(c("Placebo", "Active"), each = n / 2),
                   SAFFL = "Y", AGE = sample(8:17, n, replace = TRUE), stringsAsFactors = FALSE)
times <- c(0, 15, 30, 60, 90, 120)
rows <- list()
for (i in 1:n) {
  level <- rlnorm(1, log(0.5), 0.4)
  for (week in c(0, 52)) {
    decline <- if (week == 0) 1 else if (adsl$TRT01P[i] == "Active") 0.85 else 0.6
    shape <- c(1, 1.8, 2.6, 3, 2.5, 2.1) * level * decline * exp(rnorm(6, 0, 0.1))
    for (k in seq_along(times)) {
      if (runif(1) < 0.05) next
      rows[[length(rows) + 1]] <- data.frame(USUBJID = adsl$USUBJID[i], PARAMCD = "CPEP", PARAM = "C-peptide (nmol/L)",
        AVAL = round(shape[k], 3), AVISIT = sprintf("Week %d", week), AVISITN = week, ATPTN = times[k],
        ABLFL = if (week == 0) "Y" else "")
    }
    rows[[length(rows) + 1]] <- data.frame(USUBJID = adsl$USUBJID[i], PARAMCD = "HBA1C", PARAM = "HbA1c (%)",
      AVAL = round(rnorm(1, if (week == 0) 8.5 else 7.2, 0.8), 1), AVISIT = sprintf("Week %d", week), AVISITN = week,
      ATPTN = NA, ABLFL = if (week == 0) "Y" else "")
    rows[[length(rows) + 1]] <- data.frame(USUBJID = adsl$USUBJID[i], PARAMCD = "INSDOSE", PARAM = "Insulin dose (IU/kg/day)",
      AVAL = round(rlnorm(1, log(0.5), 0.3), 2), AVISIT = sprintf("Week %d", week), AVISITN = week,
      ATPTN = NA, ABLFL = if (week == 0) "Y" else "")
  }
}
adlb <- do.call(rbind, rows)
write.csv(adsl, file.path(folder, "adsl.csv"), row.names = FALSE, na = "")
write.csv(adlb, file.path(folder, "adlb.csv"), row.names = FALSE, na = "")

auc <- do.call(rbind, lapply(split(adlb[adlb$PARAMCD == "CPEP", ], list(adlb$USUBJID[adlb$PARAMCD == "CPEP"],
                                                                          adlb$AVISITN[adlb$PARAMCD == "CPEP"]), drop = TRUE), function(d) {
  d <- d[order(d$ATPTN), ]
  if (nrow(d) < 2) return(NULL)
  area <- sum(diff(d$ATPTN) * (head(d$AVAL, -1) + tail(d$AVAL, -1)) / 2)
  data.frame(USUBJID = d$USUBJID[1], AVISITN = d$AVISITN[1], value = area / (max(d$ATPTN) - min(d$ATPTN)))
}))
wide <- function(code) { d <- adlb[adlb$PARAMCD == code, c("USUBJID", "AVISITN", "AVAL")]; names(d)[3] <- code; d }
idaa <- merge(wide("HBA1C"), wide("INSDOSE"))
idaa$value <- idaa$HBA1C + 4 * idaa$INSDOSE
base <- auc[auc$AVISITN == 0, c("USUBJID", "value")]; names(base)[2] <- "BASE"
post <- merge(auc[auc$AVISITN == 52, c("USUBJID", "value")], base)
post <- merge(post, adsl[, c("USUBJID", "TRT01P")])
post$CHG <- post$value - post$BASE
post$arm <- factor(post$TRT01P, levels = c("Placebo", "Active"))
fit <- summary(lm(CHG ~ arm + BASE, data = post))$coefficients
out <- list(
  auc = lapply(seq_len(nrow(auc)), function(r) list(participant = auc$USUBJID[r], visit = auc$AVISITN[r], value = auc$value[r])),
  idaa1c = lapply(seq_len(nrow(idaa)), function(r) list(participant = idaa$USUBJID[r], visit = idaa$AVISITN[r], value = idaa$value[r])),
  ancova = list(n = nrow(post), difference = fit["armActive", "Estimate"], se = fit["armActive", "Std. Error"],
                pValue = fit["armActive", "Pr(>|t|)"])
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/derived_parameters.json")
