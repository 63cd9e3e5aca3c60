# Shared by every fixture script: run from this folder, e.g. `Rscript fisher.R`.
suppressPackageStartupMessages(library(jsonlite))
# A scalar for JSON: Inf/-Inf become the strings "Inf"/"-Inf" (JSON has no infinity).
num <- function(v) if (is.infinite(v)) (if (v > 0) "Inf" else "-Inf") else unname(v)
# Writes list(cases = cases) to <name>.json with every digit R has; NA becomes null.
write_fixture <- function(name, cases) {
  writeLines(toJSON(list(generator = paste0(name, ".R"), r = R.version.string, cases = cases),
                    digits = NA, na = "null", auto_unbox = TRUE, pretty = TRUE), paste0(name, ".json"))
}
