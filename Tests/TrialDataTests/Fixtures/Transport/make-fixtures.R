# Writes the SAS transport (XPT v5) fixtures that haven (ReadStat) makes, and the values each
# should read as. Run from this folder: Rscript make-fixtures.R
# Numbers are written in the expectations as C99 hexadecimal floats (sprintf("%a")), so they
# compare exactly; a missing value is {"missing": "."} or its special letter ("A"-"Z", "_").
library(haven)
library(jsonlite)

numbers <- c(0, 1, -1, 42, -123456789, 0.1, -2.5, 1 / 3, pi, 1e-70, -1e-70, 1e70, -1e70,
             .Machine$double.eps, 2^52 + 1, 9007199254740991, 12345.678, NA, NA, NA, NA)
tags <- c(rep(NA, 17), NA, "A", "Z", "_")
values <- numbers
for (i in which(!is.na(tags))) values[i] <- tagged_na(tags[i])
counts <- seq_along(numbers)
texts <- c("a", "", NA, "  leading kept", "trailing dropped   ", strrep("x", 200), "\u00b5mol/L",
           "USUBJID-01-701-1015", "two  inner  spaces", rep("Z", 12))
texts[21] <- "last"

data <- data.frame(NUM = values, COUNT = counts, TEXT = texts, stringsAsFactors = FALSE)
attr(data$NUM, "label") <- "A label of exactly forty characters long"
attr(data$COUNT, "label") <- "Row number"
attr(data$TEXT, "label") <- "Text"
write_xpt(data, "haven-values.xpt", version = 5, name = "VALUES", label = "Values written by haven")

number_json <- lapply(seq_along(numbers), function(i) {
  if (!is.na(tags[i])) list(missing = tags[i])
  else if (is.na(numbers[i])) list(missing = ".")
  else sprintf("%a", numbers[i])
})
expected <- list(
  name = "VALUES", label = "Values written by haven",
  variables = list(
    list(name = "NUM", label = attr(data$NUM, "label"), numbers = number_json),
    list(name = "COUNT", label = "Row number", numbers = lapply(counts, function(x) sprintf("%a", x))),
    # A blank or NA text is SAS's character missing value: blanks, read as missing (null).
    list(name = "TEXT", label = "Text", texts = lapply(texts, function(t) {
      t <- sub(" +$", "", t)
      if (is.na(t) || t == "") NULL else t
    }))
  )
)
write_json(expected, "haven-values.json", auto_unbox = TRUE, null = "null", pretty = TRUE)

empty <- data.frame(AGE = numeric(0), ARM = character(0), stringsAsFactors = FALSE)
write_xpt(empty, "haven-empty.xpt", version = 5, name = "EMPTY")
