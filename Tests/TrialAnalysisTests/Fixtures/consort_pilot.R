# Reference counts of the CDISC pilot's CONSORT 2010 flow (results.json's consortFlow) for
# ConsortFlowTests, computed with R from examples/cdisc-pilot/data/adsl.xpt (read with haven)
# under the pilot's study.yaml, with the enrolment counts a test plan adds
# (disposition: {assessed: 300, excluded: {Did not meet inclusion criteria: 30, Declined to participate: 16}}):
#   randomised: every participant by planned arm (TRT01P);
#   received:   TRT01A equal to TRT01P;
#   follow-up:  the disposition status COMP24FL = N, lost to follow-up when DCSREAS (letters only,
#               any case) is "losttofollowup", the other reasons of DCSREAS in the plan's order,
#               each given in the arm, then "No reason given" for a blank reason;
#   analysis:   each set's members in the arm (the safety set by TRT01A) and the participants
#               allocated to the arm whose flag is not Y.
# The output mirrors results.json's consortFlow; ConsortFlowTests compares it whole.
# Produced by R 4.2; regenerate inside this folder with:
#   Rscript consort_pilot.R > consort_pilot.json
suppressPackageStartupMessages({ library(haven); library(jsonlite) })

adsl <- as.data.frame(read_xpt("../../../examples/cdisc-pilot/data/adsl.xpt"))
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
reasons <- c("Adverse Event", "Death", "Lack of Efficacy", "Lost to Follow-up", "Withdrew Consent",
             "Physician Decision", "I/E Not Met", "Protocol Violation", "Sponsor Decision")
sets <- list(list(name = "Safety", flag = "SAFFL", actual = TRUE), list(name = "Intent-to-treat", flag = "ITTFL", actual = FALSE),
             list(name = "Efficacy", flag = "EFFFL", actual = FALSE))
letters_of <- function(x) tolower(gsub("[^A-Za-z]", "", x))
discontinued <- adsl$COMP24FL == "N"
lost <- discontinued & letters_of(adsl$DCSREAS) == "losttofollowup"

arm <- function(a) {
  mine <- adsl$TRT01P == a
  counts <- lapply(setdiff(reasons, "Lost to Follow-up"), function(r) list(reason = r, n = sum(mine & discontinued & adsl$DCSREAS == r)))
  blank <- sum(mine & discontinued & adsl$DCSREAS == "")
  if (blank > 0) counts <- c(counts, list(list(reason = "No reason given", n = blank)))
  counts <- Filter(function(x) x$n > 0, counts)
  analysis <- lapply(sets, function(s) {
    treatment <- if (s$actual) adsl$TRT01A else adsl$TRT01P
    list(set = s$name, analysed = sum(adsl[[s$flag]] == "Y" & treatment == a),
         excluded = sum(mine & adsl[[s$flag]] != "Y"), flag = s$flag)
  })
  list(arm = a, allocated = sum(mine), received = sum(mine & adsl$TRT01A == a),
       lostToFollowUp = sum(mine & lost), discontinued = sum(mine & discontinued & !lost),
       reasons = counts, analysis = analysis)
}

cat(toJSON(list(assessed = 300,
                excluded = list(list(reason = "Did not meet inclusion criteria", n = 30), list(reason = "Declined to participate", n = 16)),
                randomised = sum(adsl$TRT01P %in% arms), arms = lapply(arms, arm)),
           auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), "\n")
