"""Writes the SAS transport (XPT v5) fixtures that pyreadstat makes, and those that no library
writes (numerics shorter than 8 bytes, IBM fractions of 56 significant bits, several members,
blank observations), with the values each should read as.

Run from this folder: python3 make-fixtures.py   (pip install pyreadstat pandas)

The hand-written files follow the SAS technical note TS-140 ("The record layout of a data set in
SAS transport (XPORT) format"). Expected numbers are computed from the IBM bytes with exact
rational arithmetic (fractions.Fraction, then float(), which rounds to nearest, ties to even), so
they do not depend on the reader's conversion. They are written as hexadecimal floats (float.hex);
a missing value is {"missing": "."} or its special letter ("A"-"Z", "_").
"""
import datetime
import json
import struct
from fractions import Fraction

import pandas
import pyreadstat

RECORD = 80


def header_record(name, numbers="0" * 30):
    text = f"HEADER RECORD*******{name:<8}HEADER RECORD!!!!!!!{numbers}"
    return text.ljust(RECORD).encode("ascii")


def padded(data):
    return data + b" " * (-len(data) % RECORD)


def ibm_bytes(value):
    """The 8-byte IBM hexadecimal float of a double (exact: 53 bits fit in 56)."""
    if value == 0:
        return bytes(8)
    sign = 0x80 if value < 0 else 0
    fraction, exponent = abs(Fraction(value)), 64
    while fraction >= 1:
        fraction, exponent = fraction / 16, exponent + 1
    while fraction < Fraction(1, 16):
        fraction, exponent = fraction * 16, exponent - 1
    bits = fraction * 2**56
    assert bits.denominator == 1 and 0 < exponent < 128
    return bytes([sign | exponent]) + int(bits).to_bytes(7, "big")


def ibm_value(raw):
    """The exact value of IBM bytes (2 to 8 of them; missing bytes are zeros)."""
    raw = raw.ljust(8, b"\0")
    fraction = Fraction(int.from_bytes(raw[1:], "big"), 2**56)
    value = float(fraction * Fraction(16) ** ((raw[0] & 0x7F) - 64))
    return -value if raw[0] & 0x80 else value


def missing_bytes(tag, length):
    return tag.encode("ascii") + bytes(length - 1)


def namestr(number, name, label, numeric, length, position, form=""):
    return (struct.pack(">hhhh", 1 if numeric else 2, 0, length, number)
            + name.ljust(8).encode("ascii") + label.ljust(40).encode("utf-8")[:40]
            + form.ljust(8).encode("ascii") + struct.pack(">hhh", 0, 0, 0) + b"\0\0"
            + b" " * 8 + struct.pack(">hhi", 0, 0, position) + bytes(52))


def member(name, label, variables, rows):
    """One member: variables are (name, label, numeric, length); rows hold raw cell bytes."""
    stamp = b"01JAN26:00:00:00"
    out = header_record("MEMBER", "0" * 17 + "16" + "0" * 8 + "140" + "  ")[:RECORD]
    out += header_record("DSCRPTR")
    out += (b"SAS     " + name.ljust(8).encode() + b"SASDATA 9.4     X64_10PR" + b" " * 24 + stamp)
    out += stamp + b" " * 16 + label.ljust(40).encode() + b" " * 8
    out += header_record("NAMESTR", f"000000{len(variables):04d}" + "0" * 20)
    position, descriptors = 0, b""
    for number, (variable, text, numeric, length) in enumerate(variables, start=1):
        descriptors += namestr(number, variable, text, numeric, length, position)
        position += length
    out += padded(descriptors) + header_record("OBS")
    return out + padded(b"".join(b"".join(row) for row in rows))


def library(*members):
    stamp = b"01JAN26:00:00:00"
    first = b"SAS     SAS     SASLIB  9.4     X64_10PR" + b" " * 24 + stamp
    return header_record("LIBRARY") + first + stamp.ljust(RECORD) + b"".join(members)


def expectation(name, label, variables):
    return {"name": name, "label": label, "variables": variables}


def write(stem, data, expected):
    with open(stem + ".xpt", "wb") as file:
        file.write(data)
    with open(stem + ".json", "w") as file:
        json.dump(expected, file, indent=2, ensure_ascii=False)
        file.write("\n")


def expected_number(raw):
    if raw[0] in b"._ABCDEFGHIJKLMNOPQRSTUVWXYZ" and not any(raw[1:]):
        return {"missing": chr(raw[0])}
    return ibm_value(raw).hex()


def short_numerics():
    """Numerics of lengths 2-8 (SAS's LENGTH statement keeps the first bytes of the IBM float),
    and raw 8-byte IBM floats whose fraction has more bits than a double keeps."""
    values = [0.0, 1.0, -1.0, 0.1, -2.5, 1 / 3, 3.141592653589793, 123456789.0, 1e-70, -1e70]
    lengths = range(2, 9)
    rows = [[ibm_bytes(value)[:length] for length in lengths] for value in values]
    rows += [[missing_bytes(tag, length) for length in lengths] for tag in ".ZA_"]
    columns = [(f"N{length}", f"Numeric of {length} bytes", True, length) for length in lengths]
    raw = [bytes.fromhex(text) for text in [
        "41FFFFFFFFFFFFFF",  # 16 - 2^-52: rounds up to 16
        "4120000000000001",  # 2 + 2^-52: a tie, to even (2)
        "4120000000000003",  # 2 + 3 * 2^-52: a tie, to even (2 + 2^-50)
        "C120000000000003",  # negative of the above
        "4100010000000000",  # an unnormalized fraction
        "8000000000000000",  # negative zero
        "7FFFFFFFFFFFFFFF",  # the largest IBM number, about 7.237e75
        "0010000000000000",  # the smallest normalized, 16^-65
        "0000000000000001",  # the smallest unnormalized, 2^-312
        "2E00000000000001",  # '.' with a nonzero fraction: a number, not missing
        "4110000000000000",  # 1
        "5A00000000000000",  # .Z
        "2E00000000000000",  # .
        "5F00000000000000",  # ._
    ]]
    assert len(raw) == len(rows)
    rows = [row + [raw[index]] for index, row in enumerate(rows)]
    columns.append(("RAW", "Raw IBM bytes", True, 8))
    variables = [{"name": name, "label": label, "numbers": [expected_number(row[i]) for row in rows]}
                 for i, (name, label, _, _) in enumerate(columns)]
    write("short-numerics", library(member("SHORT", "Short numerics", columns, rows)),
          expectation("SHORT", "Short numerics", variables))


def text(value, length):
    return value.encode("utf-8").ljust(length)


def several_members():
    """Two members. The first ends with blank observations that are data: they start before the
    last record. The second's 30 bytes of observations are padded with 50 blanks, room for five
    more blank observations, which are padding."""
    first_columns = [("ID", "Identifier", False, 40)]
    first_rows = [[text("a", 40)], [text("", 40)], [text("", 40)]]  # 120 bytes: rows 2 and 3 are data
    second_columns = [("X", "Number", True, 8), ("C", "Code", False, 2)]
    second_rows = [[ibm_bytes(float(n)), text(code, 2)] for n, code in [(1, "A"), (2, ""), (3, "CC")]]
    data = library(member("FIRST", "First member", first_columns, first_rows),
                   member("SECOND", "Second member", second_columns, second_rows))
    expected = [
        expectation("FIRST", "First member", [{"name": "ID", "label": "Identifier", "texts": ["a", None, None]}]),
        expectation("SECOND", "Second member", [
            {"name": "X", "label": "Number", "numbers": [1.0.hex(), 2.0.hex(), 3.0.hex()]},
            {"name": "C", "label": "Code", "texts": ["A", None, "CC"]}]),
    ]
    write("two-members", data, expected)


def pyreadstat_values():
    frame = pandas.DataFrame({
        "USUBJID": ["01-701-1015", "01-701-1023", "", "01-701-1047"],
        "AGE": [63.0, 64.0, float("nan"), 85.0],
        "WEIGHT": [54.4, -0.001, 1e-60, 1.5e60],
        "TRTSDT": [datetime.date(2014, 1, 2), datetime.date(2012, 8, 5), None, datetime.date(1960, 1, 1)],
    })
    labels = ["Unique Subject Identifier", "Age", "Weight (kg)", "Date of First Exposure to Treatment"]
    pyreadstat.write_xport(frame, "pyreadstat-values.xpt", file_format_version=5, table_name="ADSL",
                           file_label="Subject-Level Analysis Dataset", column_labels=labels,
                           variable_format={"TRTSDT": "DATE9."})
    def number(value):
        return {"missing": "."} if value != value else float(value).hex()
    days = [(day - datetime.date(1960, 1, 1)).days if day else float("nan") for day in frame.TRTSDT]
    variables = [
        {"name": "USUBJID", "label": labels[0], "texts": [value or None for value in frame.USUBJID]},
        {"name": "AGE", "label": labels[1], "numbers": [number(value) for value in frame.AGE]},
        {"name": "WEIGHT", "label": labels[2], "numbers": [number(value) for value in frame.WEIGHT]},
        {"name": "TRTSDT", "label": labels[3], "format": "DATE9.", "numbers": [number(value) for value in days]},
    ]
    with open("pyreadstat-values.json", "w") as file:
        json.dump(expectation("ADSL", "Subject-Level Analysis Dataset", variables), file, indent=2)
        file.write("\n")


short_numerics()
several_members()
pyreadstat_values()
