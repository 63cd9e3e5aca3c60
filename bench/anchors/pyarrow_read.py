"""The reading anchor of `make bench` in Python: Apache Arrow's CSV reader (pyarrow.csv, on
every core) reads every CSV file of a study folder into memory, as `trialreport validate` reads
them (its "read + validate" stage is timed the same way: in-process, after warm-up runs).

Usage: python pyarrow_read.py FOLDER WARMUPS REPETITIONS
Prints, for each timed run, its wall seconds and CPU seconds (user + system, every thread).
"""
import gc
import glob
import os
import sys
import time

import pyarrow.csv

folder, warmups, repetitions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
files = sorted(glob.glob(os.path.join(folder, "*.csv")))

for run in range(warmups + repetitions):
    start, cpu = time.perf_counter(), time.process_time()
    tables = [pyarrow.csv.read_csv(path) for path in files]
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    if run >= warmups:
        print("%.6f %.6f" % (wall, used), flush=True)
    del tables
    gc.collect()
