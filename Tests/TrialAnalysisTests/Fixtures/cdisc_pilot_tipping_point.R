# The sensitivity to missing data of a responder endpoint on the CDISC pilot, as
# examples/cdisc-pilot/study.yaml names it ("... at week 24 (observed cases)"): ADAS-Cog(11) (ADADAS
# PARAMCD ACTOT) change from baseline at week 24 (AVISITN 24, ANL01FL = Y, observed records only:
# DTYPE blank, so LOCF records are left out) of -4 or less, efficacy set (ADSL EFFFL = Y).
# Primary rule: participants without an observed value are non-responders. Sensitivity:
# 1. complete cases: per arm responders of those with a value, Wilson interval
#    (prop.test(correct = FALSE)); each dose against Placebo: fisher.test and Newcombe's hybrid
#    score difference; across the arms: fisher.test of the 2 x 3 table;
# 2. tipping point: for each dose against Placebo, i of the dose arm's and j of Placebo's
#    participants without a value counted responders (the rest non-responders), i and j from 0 to
#    all (in tenths of m, rounded half up, when more than 10 are missing): the difference of rates
#    and fisher.test's p of each scenario.
# Run from the repository root: Rscript Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_tipping_point.R
library(haven)
library(jsonlite)

adsl <- read_xpt("examples/cdisc-pilot/data/adsl.xpt")
adas <- read_xpt("examples/cdisc-pilot/data/adadas.xpt")
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
efficacy <- adsl[adsl$EFFFL == "Y", c("USUBJID", "TRT01P")]
observed <- adas$PARAMCD == "ACTOT" & adas$AVISITN == 24 & adas$ANL01FL == "Y" & (is.na(adas$DTYPE) | adas$DTYPE == "")
d <- merge(efficacy, adas[observed, c("USUBJID", "CHG")], by = "USUBJID", all.x = TRUE)
stopifnot(!any(duplicated(d$USUBJID)))
d$responder <- !is.na(d$CHG) & d$CHG <= -4
x <- sapply(arms, function(a) sum(d$responder[d$TRT01P == a]))
n <- sapply(arms, function(a) sum(d$TRT01P == a))
m <- sapply(arms, function(a) sum(is.na(d$CHG[d$TRT01P == a])))
cc <- n - m
newcombe <- function(x1, n1, x2, n2) {
  w1 <- prop.test(x1, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2, n2, correct = FALSE)$conf.int
  p1 <- x1 / n1; p2 <- x2 / n2; e <- p1 - p2
  list(estimate = e, ciLower = e - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), ciUpper = e + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
steps <- function(missing) if (missing <= 10) 0:missing else floor((missing * (0:10) + 5) / 10)
fisher <- function(x1, n1, x2, n2) fisher.test(matrix(c(x1, n1 - x1, x2, n2 - x2), 2, byrow = TRUE))$p.value
out <- list(
  primary = lapply(seq_along(arms), function(k) list(arm = arms[k], n = unname(n[k]), responders = unname(x[k]), missing = unname(m[k]))),
  completeCase = list(
    byArm = lapply(seq_along(arms), function(k) {
      w <- prop.test(x[k], cc[k], correct = FALSE)$conf.int
      list(arm = arms[k], n = unname(cc[k]), responders = unname(x[k]), ciLower = w[1], ciUpper = w[2])
    }),
    pairwise = lapply(2:3, function(k) list(arm = arms[k], difference = newcombe(x[k], cc[k], x[1], cc[1]),
      pValue = fisher(x[k], cc[k], x[1], cc[1]))),
    global = fisher.test(rbind(x, cc - x))$p.value
  ),
  tippingPoints = lapply(2:3, function(k) {
    grid <- expand.grid(arm = steps(m[k]), reference = steps(m[1]))
    list(arm = arms[k], armMissing = unname(m[k]), referenceMissing = unname(m[1]),
         scenarios = lapply(seq_len(nrow(grid)), function(r) {
           i <- grid$arm[r]; j <- grid$reference[r]
           list(armResponders = i, referenceResponders = j,
                difference = (x[[k]] + i) / n[[k]] - (x[[1]] + j) / n[[1]],
                pValue = fisher(x[[k]] + i, n[[k]], x[[1]] + j, n[[1]]))
         }))
  })
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "Tests/TrialAnalysisTests/Fixtures/cdisc_pilot_tipping_point.json")
