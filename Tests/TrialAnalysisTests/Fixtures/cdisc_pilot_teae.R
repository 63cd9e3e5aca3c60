# Reference values for the treatment-emergent adverse events of the CDISC pilot (Table 14-5.01 of
# CDISCPILOT01), computed with haven and R's fisher.test from the bundled transport files
# examples/cdisc-pilot/data/adsl.xpt and adae.xpt (TreatmentEmergentEventTests compares them).
# Produced by R 4.2; regenerate inside this folder with:
#   Rscript cdisc_pilot_teae.R > cdisc_pilot_teae.json
#
# The safety set: ADSL SAFFL = Y, by actual treatment TRT01A. The events: ADAE TRTEMFL = Y of those
# participants. A participant counts once per row (any event, system organ class AEBODSYS, preferred
# term AEDECOD within its class, serious AESER = Y, related AEREL POSSIBLE or PROBABLE, worst
# severity AESEV); events count every record. p-values: each arm against Placebo with
# fisher.test on the 2×2 table (participants with and without), none when neither arm has any;
# the global test fisher.test on the 2×3 table. Texts are sorted bytewise (method = "radix").
suppressPackageStartupMessages({ library(haven); library(jsonlite) })

data <- "../../../examples/cdisc-pilot/data"
adsl <- as.data.frame(read_xpt(file.path(data, "adsl.xpt")))
adae <- as.data.frame(read_xpt(file.path(data, "adae.xpt")))

arms <- c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose")
safety <- adsl[adsl$SAFFL == "Y" & adsl$TRT01A %in% arms, ]
N <- sapply(arms, function(arm) sum(safety$TRT01A == arm))
events <- adae[adae$TRTEMFL %in% "Y" & adae$USUBJID %in% safety$USUBJID, ]
events$arm <- safety$TRT01A[match(events$USUBJID, safety$USUBJID)]

# Participants and events per arm among the events selected by `keep`, with the tests.
incidence <- function(keep) {
  rows <- events[keep, ]
  subjects <- sapply(arms, function(arm) length(unique(rows$USUBJID[rows$arm == arm])))
  counts <- sapply(arms, function(arm) sum(rows$arm == arm))
  versus <- lapply(2:3, function(i) {
    pair <- subjects[c(1, i)]
    p <- if (sum(pair) == 0) NA else fisher.test(rbind(pair, N[c(1, i)] - pair))$p.value
    list(arm = arms[i], pValue = p)
  })
  global <- if (sum(subjects) == 0) NA else fisher.test(rbind(subjects, N - subjects))$p.value
  list(byArm = lapply(seq_along(arms), function(i) list(arm = arms[i], subjects = subjects[[i]], events = counts[[i]])),
       totalSubjects = length(unique(rows$USUBJID)), totalEvents = nrow(rows),
       versusReference = versus, global = global)
}

classes <- sort(unique(events$AEBODSYS), method = "radix")
byClass <- lapply(classes, function(soc) {
  terms <- sort(unique(events$AEDECOD[events$AEBODSYS == soc]), method = "radix")
  list(soc = soc, incidence = incidence(events$AEBODSYS == soc),
       terms = lapply(terms, function(term) list(term = term, incidence = incidence(events$AEBODSYS == soc & events$AEDECOD == term))))
})

# Worst severity per participant.
grades <- c("MILD", "MODERATE", "SEVERE")
worst <- tapply(match(events$AESEV, grades), events$USUBJID, max)
severity <- lapply(seq_along(grades), function(g) {
  who <- names(worst)[worst == g]
  list(severity = grades[g],
       byArm = lapply(arms, function(arm) list(arm = arm, subjects = sum(safety$TRT01A[match(who, safety$USUBJID)] == arm),
                                              events = sum(events$AESEV == grades[g] & events$arm == arm))))
})

# Descending participants over all arms, ties by text: the "frequency" order.
frequencyOrder <- function(names, totals) names[order(-totals, names, method = "radix")]
classTotals <- sapply(byClass, function(c) c$incidence$totalSubjects)
# Terms in at least 5% of the participants of some arm (the `minimumPercent: 5` of the test plan).
atLeast5 <- unlist(lapply(byClass, function(c) {
  kept <- Filter(function(t) any(sapply(t$incidence$byArm, `[[`, "subjects") / N >= 0.05), c$terms)
  vapply(kept, function(t) paste(c$soc, t$term, sep = " / "), "")
}))

cat(toJSON(list(
  arms = lapply(arms, function(arm) list(arm = arm, n = N[[arm]])),
  anyEvent = incidence(rep(TRUE, nrow(events))),
  serious = incidence(events$AESER == "Y"),
  related = incidence(events$AEREL %in% c("POSSIBLE", "PROBABLE")),
  bySeverity = severity,
  classes = byClass,
  classFrequencyOrder = frequencyOrder(classes, classTotals),
  atLeast5Percent = atLeast5
), auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE))
cat("\n")
