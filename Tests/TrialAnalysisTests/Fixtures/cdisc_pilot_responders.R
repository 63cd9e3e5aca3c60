# A responder endpoint on the CDISC pilot, as examples/cdisc-pilot/study.yaml names it: ADAS-Cog(11)
# (ADADAS PARAMCD ACTOT) change from baseline at week 24 (AVISITN 24, records with ANL01FL = Y) of
# -4 or less, efficacy set (ADSL EFFFL = Y), participants without a record counted as non-responders.
# Per arm: responders, n, Wilson interval (prop.test(correct = FALSE)); each dose against Placebo:
# fisher.test and Newcombe's hybrid score difference; across the three arms: fisher.test of the
# 2 x 3 table; trend: prop.trend.test with the doses as scores.
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_responders.R
library(haven)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adas <- read_xpt("examples/cdisc-pilot/data/adadas.xpt")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
doses <- c(0, 54, 81)
efficacy <- adsl[adsl$EFFFL == "Y", c("USUBJID", "TRT01P")]
records <- adas[adas$PARAMCD == "ACTOT" & adas$AVISITN == 24 & adas$ANL01FL == "Y", c("USUBJID", "CHG")]
d <- merge(efficacy, records, by = "USUBJID", all.x = TRUE)
d$responder <- !is.na(d$CHG) & d$CHG <= -4
x <- sapply(arms, function(a) sum(d$responder[d$TRT01P == a]))
n <- sapply(arms, function(a) sum(d$TRT01P == a))
missing <- sapply(arms, function(a) sum(is.na(d$CHG[d$TRT01P == a])))
newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; e <- p1 - p2
  list(estimate = e, ciLower = e - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), ciUpper = e + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
out <- list(
  byArm = lapply(seq_along(arms), function(k) {
    w <- prop.test(x[k], n[k], correct = FALSE)$conf.int
    list(arm = arms[k], n = unname(n[k]), responders = unname(x[k]), missing = unname(missing[k]), ciLower = w[1], ciUpper = w[2])
  }),
  pairwise = lapply(2:3, function(k) list(arm = arms[k], difference = newcombe(x[k], n[k], x[1], n[1]),
    pValue = fisher.test(matrix(c(x[k], n[k] - x[k], x[1], n[1] - x[1]), 2, byrow = TRUE))$p.value)),
  global = fisher.test(rbind(x, n - x))$p.value,
  trend = prop.trend.test(x, n, score = doses)$p.value
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_responders.json")
