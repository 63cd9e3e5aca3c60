# The course of the CDISC pilot's primary endpoint over the visits, as examples/cdisc-pilot/study.yaml
# names it and results.modelEndpoints[].byVisit holds it: ADAS-Cog(11) (PARAMCD ACTOT) change from
# baseline (CHG) at every visit with records flagged ANL01FL = Y, efficacy set (ADSL EFFFL = Y) by
# planned arm: n, mean, SD and the t-based 95% CI of the mean (t.test) per arm and visit.
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_course.R
library(haven)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adas <- read_xpt("examples/cdisc-pilot/data/adadas.xpt")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
efficacy <- adsl[adsl$EFFFL == "Y", c("USUBJID", "TRT01P")]
records <- adas[adas$PARAMCD == "ACTOT" & adas$ANL01FL %in% "Y", c("USUBJID", "AVISITN", "AVISIT", "CHG")]
d <- merge(efficacy, records, by = "USUBJID")
d <- d[!is.na(d$CHG), ]
visits <- sort(unique(records$AVISITN))
out <- lapply(visits, function(v) {
  list(visit = v, visitLabel = unique(records$AVISIT[records$AVISITN == v]),
       byArm = lapply(arms, function(a) {
         x <- d$CHG[d$AVISITN == v & d$TRT01P == a]
         ci <- if (length(x) > 1) t.test(x)$conf.int else c(NA, NA)
         list(arm = a, n = length(x), mean = if (length(x)) mean(x) else NA, sd = if (length(x) > 1) sd(x) else NA,
              ciLower = ci[1], ciUpper = ci[2])
       }))
})
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_course.json")
