#!/usr/bin/env python3
"""Study folders at the plan limits, for timing render and figures at them (README, "Bounds").

The bundled example's 53 participants, their lab values stretched to the plan's limits: every
participant measured at every visit (200 visits: months 0-199) of every parameter (64: the four
of the example and 60 more, each copying one of them), 20 subgroups (AGEDX cut at 8, 9, ... 27),
20 logistic covariates (CPEPF.BASE, MSCDOSE and 18 numeric adsl columns added), 200 infusion
months; one case per limit, the pairs of the three that multiply the report, and all three.

    python3 bench/plan-limits.py /tmp/limits
    for s in /tmp/limits/*/; do /usr/bin/time -f "$s %e s %M KB" .build/release/trialreport render --data $s --out /tmp/out-$(basename $s) --quiet; done
"""
import csv, os, shutil, sys

EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "uc-msc-t1d")
BASE_PARAMETERS = ["CPEPF", "CPEPP", "HBA1C", "INSDOSE"]

def read(name):
    with open(os.path.join(EXAMPLE, name)) as f:
        return list(csv.reader(f))

adsl, adlb = read("adsl.csv"), read("adlb.csv")
series = {}  # (USUBJID, PARAMCD) -> [(AVAL, AVALU)] in visit order
for usubjid, paramcd, _, aval, unit in adlb[1:]:
    series.setdefault((usubjid, paramcd), []).append((aval, unit))
units = {paramcd: unit for _, paramcd, _, _, unit in adlb[1:]}

def study(folder, visits, parameters, subgroups, covariates, infusions):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for name in ("adae.csv", "adii.csv"):
        shutil.copy(os.path.join(EXAMPLE, name), folder)
    extra = [c for c in covariates if c.startswith("X")]
    with open(os.path.join(folder, "adsl.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(adsl[0] + extra)
        for i, row in enumerate(adsl[1:]):
            row = list(row)
            row[adsl[0].index("LASTMO")] = str(max(visits))
            out.writerow(row + [str((i * 7 + j * 13) % 17 + 0.5) for j in range(len(extra))])
    with open(os.path.join(folder, "adlb.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(adlb[0])
        for row in adsl[1:]:
            for k, parameter in enumerate(parameters):
                values = series.get((row[0], BASE_PARAMETERS[k % 4]))
                for j, visit in enumerate(visits):
                    aval, unit = values[j % len(values)]
                    if aval:
                        out.writerow([row[0], parameter, visit, f"{float(aval) * (1 + 0.01 * ((j * 3 + k) % 11)):.2f}", unit])
    plan = ["visits: [" + ", ".join(map(str, visits)) + "]", f"primaryVisit: {visits[-1]}",
            "infusionMonths: [" + ", ".join(map(str, infusions)) + "]", "parameters:"]
    plan += [f'  {p}: {{unit: "{units[BASE_PARAMETERS[k % 4]]}"}}' for k, p in enumerate(parameters)]
    remission = parameters[:8] if len(parameters) > 4 else ["CPEPF", "CPEPP"]
    plan += ["remission:", "  parameters: [" + ", ".join(remission) + "]", "subgroups:"]
    plan += [f"  - {{name: S{i}, variable: AGEDX, cut: {8 + i}, labels: [high{i}, low{i}]}}" for i in range(subgroups)]
    plan += ["logistic:", "  method: firth", "  covariates: [" + ", ".join(covariates) + "]", "  oddsRatioPer: {}"]
    with open(os.path.join(folder, "study.yaml"), "w") as f:
        f.write("\n".join(plan) + "\n")

root = sys.argv[1] if len(sys.argv) > 1 else "/tmp/limits"
P64 = BASE_PARAMETERS + [f"P{i}" for i in range(60)]
V5, V200 = [0, 3, 6, 9, 12], list(range(200))
C2 = ["CPEPF.BASE", "MSCDOSE"]
C20 = C2 + [f"X{i}" for i in range(18)]
cases = {
    "visits200": (V200, BASE_PARAMETERS, 1, C2, V200),
    "subgroups20": (V5, BASE_PARAMETERS, 20, C2, [0, 3]),
    "parameters64": (V5, P64, 1, C2, [0, 3]),
    "covariates20": (V5, BASE_PARAMETERS, 1, C20, [0, 3]),
    "visits200-parameters64": (V200, P64, 1, C2, [0, 3]),
    "visits200-subgroups20": (V200, BASE_PARAMETERS, 20, C2, [0, 3]),
    "parameters64-subgroups20": (V5, P64, 20, C2, [0, 3]),
    "all": (V200, P64, 20, C20, V200),
}
for name, case in cases.items():
    study(os.path.join(root, name), *case)
