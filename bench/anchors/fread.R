# The reading anchor of `make bench` in R: data.table's fread, on two threads, reads every CSV
# file of a study folder into memory, as `trialreport validate` reads them (its "read + validate"
# stage is timed the same way: in-process, after warm-up runs).
#
# Usage: Rscript fread.R FOLDER WARMUPS REPETITIONS
# Prints, for each timed run, its wall seconds and CPU seconds (user + system, every thread).
arguments <- commandArgs(trailingOnly = TRUE)
folder <- arguments[1]
warmups <- as.integer(arguments[2])
repetitions <- as.integer(arguments[3])

suppressPackageStartupMessages(library(data.table))
setDTthreads(2)
files <- sort(list.files(folder, pattern = "\\.csv$", full.names = TRUE))

read_all <- function() lapply(files, fread, showProgress = FALSE)

for (run in seq_len(warmups + repetitions)) {
  start <- proc.time()
  tables <- read_all()
  used <- proc.time() - start
  if (run > warmups) {
    cat(sprintf("%.6f %.6f\n", used[["elapsed"]], used[["user.self"]] + used[["sys.self"]]))
  }
  rm(tables)
  invisible(gc())
}
