# Reference values of the CDISC pilot's disposition table (CSR Table 14-1.02, "Summary of End of
# Study Data") for DispositionTests, computed with R from examples/cdisc-pilot/data/adsl.xpt (read
# with haven), under two plans:
#   "pilot":      the pilot's study.yaml: intent-to-treat set, completion of week 24 (COMP24FL = Y),
#                 the reasons (DCSREAS) of those who did not complete it in the plan's order;
#   "endOfStudy": `disposition: {}`: every participant by planned arm, the end-of-study status
#                 EOSSTT (COMPLETED / DISCONTINUED), the reasons (DCSREAS) of those DISCONTINUED,
#                 sorted.
# Each row's p-value is fisher.test of the 2 x 3 table: the participants on the row against the
# other participants with a status, by arm. The output mirrors results.json's disposition; every
# number written here must be found at the same path in TrialReport's results (1e-6 relative).
# Produced by R 4.2; regenerate inside this folder with:
#   Rscript disposition_pilot.R > disposition_pilot.json
suppressPackageStartupMessages({ library(haven); library(jsonlite) })

all <- as.data.frame(read_xpt("../../../examples/cdisc-pilot/data/adsl.xpt"))
arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")

tabulate <- function(adsl, set, statusVariable, completedValue, discontinuedValue, reasons) {
  arm <- factor(adsl$TRT01P, levels = arms)
  status <- adsl[[statusVariable]]
  hasStatus <- !is.na(status) & status != ""
  reason <- adsl$DCSREAS
  row <- function(value, label, onRow, tested) {
    byArm <- as.vector(table(arm[onRow]))
    p <- if (tested) fisher.test(rbind(byArm, as.vector(table(arm[hasStatus])) - byArm))$p.value else NULL
    # The labels of the completed and discontinued rows are the plan's, not checked here.
    c(list(value = value), if (!is.null(label)) list(label = label), list(byArm = I(byArm), total = sum(byArm), pValue = p))
  }
  discontinued <- hasStatus & status == discontinuedValue
  list(set = set, statusVariable = statusVariable, reasonVariable = "DCSREAS",
       arms = lapply(arms, function(a) list(arm = a, n = sum(arm == a))), total = nrow(adsl),
       completed = row(completedValue, NULL, hasStatus & status == completedValue, TRUE),
       discontinued = row(discontinuedValue, NULL, discontinued, FALSE),
       missingStatus = row(NULL, "Missing", !hasStatus, FALSE),
       reasons = lapply(reasons, function(r) row(r, r, discontinued & reason %in% r, TRUE)),
       missingReason = row(NULL, "Missing", discontinued & (is.na(reason) | reason == ""), FALSE),
       otherStatuses = list(), test = "fisher-freeman-halton")
}

itt <- all[all$ITTFL == "Y", ]
pilotReasons <- c("Adverse Event", "Death", "Lack of Efficacy", "Lost to Follow-up", "Withdrew Consent",
                  "Physician Decision", "I/E Not Met", "Protocol Violation", "Sponsor Decision")
found <- sort(unique(all$DCSREAS[all$EOSSTT == "DISCONTINUED" & all$DCSREAS != ""]), method = "radix")
cat(toJSON(list(pilot = tabulate(itt, "Intent-to-treat", "COMP24FL", "Y", "N", pilotReasons),
                endOfStudy = tabulate(all, NULL, "EOSSTT", "COMPLETED", "DISCONTINUED", found)),
           auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = TRUE), "\n")
