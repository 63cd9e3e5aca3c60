"""Cross-checks firth_profile.json (R: brglm2 + profile penalized likelihood) with the PyPI package
firthlogist 0.5.0, an independent implementation of logistf's estimates, profile-likelihood CIs
and penalized likelihood-ratio p-values. Not needed by the tests; run by hand:

    pip install --ignore-requires-python firthlogist   # it declares Python < 3.11 but runs on 3.11
    python3 firth_crosscheck.py

firthlogist's own p-values (pvals_) are NOT logistf's: for the restricted fit it zeroes the tested
column of W^(1/2)X before computing the hat matrix, whereas logistf (src/logistf.c, logistffit with
colfit) keeps the hat matrix and the penalty of the full design. So the p-values are checked instead
by maximising firthlogist's own penalized log-likelihood (_loglikelihood, full-design penalty) with
the coefficient fixed at 0, using scipy.optimize (BFGS, then Nelder-Mead polish) — an optimiser
independent of the R script's.

Prints the largest relative difference per quantity over every case and term."""
import json
import pathlib
import warnings

import numpy as np
from firthlogist import FirthLogisticRegression
from firthlogist.firthlogist import _loglikelihood
from scipy.optimize import minimize
from scipy.special import expit
from scipy.stats import chi2

warnings.filterwarnings("ignore")
# firthlogist 0.5.0 calls BaseEstimator._validate_data, which scikit-learn 1.6 removed; supply it.
FirthLogisticRegression._validate_data = lambda self, X, y, **_: (np.asarray(X, float), np.asarray(y, float))
cases = json.loads((pathlib.Path(__file__).parent / "firth_profile.json").read_text())["cases"]
largest = {}
for case in cases:
    y = np.array(case["response"])
    columns = [c["values"] for c in case["covariates"]]
    # Intercept last, as firthlogist orders it; an intercept-only model is fitted as one column of ones.
    X = np.column_stack(columns + [np.ones(len(y))])
    fit = FirthLogisticRegression(fit_intercept=False, tol=1e-12, max_iter=1000, pl_max_iter=1000)
    fit.fit(X, y)
    order = [len(columns)] + list(range(len(columns)))  # back to R's order: intercept first
    maximum = -_loglikelihood(X, y, expit(X @ fit.coef_))

    def restricted_maximum(j):
        free = [k for k in range(X.shape[1]) if k != j]
        if not free:
            return -_loglikelihood(X, y, expit(X @ np.zeros(X.shape[1])))
        def objective(g):
            value = _loglikelihood(X, y, expit(X[:, free] @ g))
            return value if np.isfinite(value) else 1e300
        start = fit.coef_[free]
        result = minimize(objective, start, method="BFGS", options={"gtol": 1e-12})
        result = minimize(objective, result.x, method="Nelder-Mead",
                          options={"xatol": 1e-12, "fatol": 1e-15, "maxiter": 20000})
        return -result.fun

    chi_square = np.array([2 * (maximum - restricted_maximum(j)) for j in range(X.shape[1])])
    python = {
        "estimate": fit.coef_[order], "standardError": fit.bse_[order],
        "ciLower": fit.ci_[order, 0], "ciUpper": fit.ci_[order, 1],
        "pValue": chi2.sf(chi_square, 1)[order],
    }
    for key, values in python.items():
        r = np.array(case[key])
        difference = np.max(np.abs(values - r) / np.abs(r))
        largest[key] = max(largest.get(key, 0.0), difference)
        print(f"{case['name']:24s} {key:14s} max relative difference {difference:.2e}")
print("firthlogist: estimates, SEs and profile CI limits; scipy on its objective: p-values")
print("largest over all cases:", {k: f"{v:.1e}" for k, v in largest.items()})
