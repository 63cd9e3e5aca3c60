# The effects beside the between-arm p-values of the bundled example study (examples/uc-msc-t1d, built-in
# plan: Mann-Whitney on the percent change of CPEPF and CPEPP and on the change of HBA1C and INSDOSE;
# remission = CPEPF or CPEPP up by >= 10% at month 12, missing = not in remission), all participants
# and each onset level, from R's own functions (effect_estimates.R). ExampleEffectsTests compares them
# with results.json at 1e-6. Regenerate inside this folder with:  Rscript example_effects.R > example_effects.json
suppressPackageStartupMessages(library(jsonlite))
source("effect_estimates.R")  # oddsRatio, relativeRisk, effect
folder <- "../../../examples/uc-msc-t1d"
adsl <- read.csv(file.path(folder, "adsl.csv"), stringsAsFactors = FALSE)
adlb <- read.csv(file.path(folder, "adlb.csv"), stringsAsFactors = FALSE)
value <- function(code, visit) {
  rows <- adlb[adlb$PARAMCD == code & adlb$AVISITN == visit, ]
  rows$AVAL[match(adsl$USUBJID, rows$USUBJID)]
}
percentChange <- function(base, x) ifelse(base == 0, NA, (x - base) / base * 100)
adsl$level <- ifelse(adsl$AGEDX >= 18, "Adult-onset", "Juvenile-onset")
populations <- list(NA, "Adult-onset", "Juvenile-onset")
keepOf <- function(level) if (is.na(level)) rep(TRUE, nrow(adsl)) else adsl$level == level
responder <- (!is.na(percentChange(value("CPEPF", 0), value("CPEPF", 12))) & percentChange(value("CPEPF", 0), value("CPEPF", 12)) >= 10) |
             (!is.na(percentChange(value("CPEPP", 0), value("CPEPP", 12))) & percentChange(value("CPEPP", 0), value("CPEPP", 12)) >= 10)
remission <- lapply(populations, function(level) {
  keep <- keepOf(level); t <- keep & adsl$ARM == "UC-MSC"; c <- keep & adsl$ARM == "Control"
  counts <- list(sum(responder[t]), sum(t), sum(responder[c]), sum(c))
  list(level = if (is.na(level)) NULL else level, relativeRisk = do.call(relativeRisk, counts), oddsRatio = do.call(oddsRatio, counts))
})
endpoints <- list()
for (code in c("CPEPF", "CPEPP", "HBA1C", "INSDOSE")) for (visit in c(3, 6, 9, 12)) for (level in populations) {
  base <- value(code, 0); x <- value(code, visit)
  measure <- if (code %in% c("CPEPF", "CPEPP")) percentChange(base, x) else x - base
  keep <- keepOf(level) & !is.na(measure)
  endpoints[[length(endpoints) + 1]] <- list(parameter = code, visit = visit, level = if (is.na(level)) NULL else level,
    between = list(effect = effect("mann-whitney", measure[keep & adsl$ARM == "UC-MSC"], measure[keep & adsl$ARM == "Control"])))
}
cat(toJSON(list(generator = "example_effects.R", r = R.version.string, remission = remission, endpoints = endpoints),
           digits = NA, na = "null", auto_unbox = TRUE, pretty = TRUE, null = "null"), "\n")
