#!/usr/bin/python3
"""Reference values for Steward's drift engine, computed with SciPy 1.10 and numpy 1.24.

Run with Debian's python (numpy 1.24, scipy 1.10.1):

    /usr/bin/python3 tests/Steward.Stats.Tests/Reference/drift_reference.py            # print values
    /usr/bin/python3 tests/Steward.Stats.Tests/Reference/drift_reference.py --write    # also rewrite the CSVs

It prints C# lines that tests/Steward.Stats.Tests/Drift/*ReferenceTests.cs hold as constants.
How each expected value is produced:

* KS statistic and p-value: scipy.stats.ks_2samp(reference, current) with its defaults
  (alternative='two-sided', method='auto': exact when both samples have <= 10,000 values,
  asymptotic otherwise).
* Kolmogorov distribution: scipy.stats.kstwo.sf(d, n); one-sided: scipy.special.smirnov(n, d).
* Wasserstein: scipy.stats.wasserstein_distance(reference, current); normed as Evidently's
  "wasserstein" stattest: divided by max(numpy.std(reference), 0.001).
* PSI by hand, following Evidently's psi stattest and get_binned_data: shares of each bin,
  a zero share replaced by (smallest non-zero share)/1e6 if that is <= 0.0001 else by 0.0001,
  then sum((r - c) * ln(r / c)). The bins are Steward's: cut at the reference's quantiles i/k
  (numpy.quantile, linear), duplicates removed, outer bins open, v in bin searchsorted(edges, v, 'right').
* Jensen-Shannon: scipy.spatial.distance.jensenshannon(r, c) over the same (unsmoothed) shares,
  natural logarithm (base=None).
* Chi-square: as Evidently's chisquare stattest: scipy.stats.chisquare(f_obs=current counts,
  f_exp=reference counts * n_current / n_reference) over the union of categories (sorted).

Samples: the small ones are CSV files beside this script (one column "value"), drawn once with
numpy.random.default_rng(seed) and written with 17 significant digits. The large ones are not
stored: both this script and the C# tests generate them with SplitMix64 (see `generated`), whose
integer arithmetic and IEEE double operations give identical values in both languages.
"""
import math
import os
import sys
import warnings

import numpy as np
from scipy import special, stats
from scipy.spatial.distance import jensenshannon

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "drift")
MASK = (1 << 64) - 1


# ---------------------------------------------------------------- deterministic samples

def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def generated(seed, n, loc, scale):
    """n values loc + scale * (sum of 12 uniforms - 6), uniforms (z >> 11) * 2^-53; exact IEEE steps."""
    rng = splitmix64(seed)
    out = np.empty(n)
    for i in range(n):
        s = 0.0
        for _ in range(12):
            s += (next(rng) >> 11) * 2.0 ** -53
        out[i] = loc + scale * (s - 6.0)
    return out


def write_sample(name, values):
    with open(os.path.join(SAMPLES, name + ".csv"), "w") as f:
        f.write("value\n")
        for v in values:
            f.write(v if isinstance(v, str) else "%.17g" % v)
            f.write("\n")


def read_sample(name, numeric=True):
    with open(os.path.join(SAMPLES, name + ".csv")) as f:
        lines = f.read().splitlines()[1:]
    return np.array([float(x) for x in lines]) if numeric else np.array(lines, dtype=object)


def make_csv_samples():
    rng = np.random.default_rng(20261124)
    write_sample("exact_unequal_reference", rng.normal(0.0, 1.0, 80))
    write_sample("exact_unequal_current", rng.normal(0.5, 1.0, 60))
    write_sample("exact_same_reference", rng.normal(10.0, 2.0, 200))
    write_sample("exact_same_current", rng.normal(10.0, 2.0, 150))
    write_sample("exact_equal_reference", rng.normal(0.0, 1.0, 50))
    write_sample("exact_equal_current", rng.normal(0.8, 1.0, 50))
    write_sample("exact_ties_reference", rng.poisson(4.0, 120).astype(float))
    write_sample("exact_ties_current", rng.poisson(5.0, 90).astype(float))
    cats = np.array(["bronze", "gold", "platinum", "silver"])
    write_sample("categories_reference", rng.choice(cats, 500, p=[0.4, 0.3, 0.1, 0.2]))
    write_sample("categories_current", rng.choice(cats, 400, p=[0.3, 0.3, 0.15, 0.25]))
    write_sample("categories_new_current", rng.choice(np.append(cats, "diamond"), 400, p=[0.35, 0.3, 0.1, 0.2, 0.05]))
    write_sample("categories_lost_current", rng.choice(cats[:3], 400, p=[0.5, 0.35, 0.15]))


# ---------------------------------------------------------------- definitions

def quantile_bins(reference, current, k):
    edges = np.unique(np.quantile(np.sort(reference), np.arange(1, k) / k))
    r = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1) / len(reference)
    c = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1) / len(current)
    return r, c


def evidently_fill(shares):
    shares = shares.copy()
    smallest = min(shares[shares != 0])
    np.place(shares, shares == 0, smallest / 10**6 if smallest <= 0.0001 else 0.0001)
    return shares


def psi(r, c):
    r, c = evidently_fill(r), evidently_fill(c)
    return np.sum((r - c) * np.log(r / c))


def category_shares(reference, current):
    keys = sorted(set(reference) | set(current))
    rc = np.array([np.sum(reference == k) for k in keys])
    cc = np.array([np.sum(current == k) for k in keys])
    return keys, rc, cc


def g(x):
    return "double.NaN" if isinstance(x, float) and math.isnan(x) else (
        "double.PositiveInfinity" if x == math.inf else "%.17g" % x)


# ---------------------------------------------------------------- cases

def numeric_case(name, reference, current, bins=10):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a fallback from exact to asymptotic would warn
        ks = stats.ks_2samp(reference, current)
    exact = max(len(reference), len(current)) <= 10000
    w = stats.wasserstein_distance(reference, current)
    wn = w / max(float(np.std(reference)), 0.001)
    r, c = quantile_bins(reference, current, bins)
    print(f'        new("{name}", {len(reference)}, {len(current)}, exact: {str(exact).lower()}, '
          f'statistic: {g(ks.statistic)}, pValue: {g(ks.pvalue)}, wasserstein: {g(w)}, wassersteinNormed: {g(wn)}, '
          f'psi: {g(psi(r, c))}, jensenShannon: {g(jensenshannon(r, c))}),')


def categorical_case(name, reference, current):
    keys, rc, cc = category_shares(reference, current)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi = stats.chisquare(cc, rc * (cc.sum() / rc.sum()))
    r, c = rc / rc.sum(), cc / cc.sum()
    print(f'        new("{name}", [{", ".join(chr(34) + k + chr(34) for k in keys)}], statistic: {g(chi.statistic)}, '
          f'pValue: {g(chi.pvalue)}, psi: {g(psi(r, c))}, jensenShannon: {g(jensenshannon(r, c))}),')


def main():
    if "--write" in sys.argv:
        make_csv_samples()

    print("    // NumericCases (CSV samples, then generated ones: Generated(seed, n, loc, scale))")
    for name in ["exact_unequal", "exact_same", "exact_equal", "exact_ties"]:
        numeric_case(name, read_sample(name + "_reference"), read_sample(name + "_current"))
    generated_cases = [
        # name, (seed, n, loc, scale) reference, current — chosen to reach each branch of kstwo.sf
        ("exact_largest", (1, 10000, 0, 1), (2, 7000, 0.03, 1)),
        ("asymp_pelz_good", (3, 12000, 0, 1), (4, 9000, 0.01, 1)),
        ("asymp_smirnov", (5, 12000, 0, 1), (6, 9000, 0.1, 1)),
        ("asymp_small_n_durbin", (7, 20000, 0, 1), (8, 60, 0.0, 1)),
        ("asymp_small_n_pomeranz", (9, 20000, 0, 1), (10, 60, 0.25, 1)),
        ("asymp_small_n_smirnov", (11, 20000, 0, 1), (12, 60, 0.9, 1)),
        ("asymp_large_smirnov", (13, 200000, 0, 1), (14, 150000, 0.02, 1)),
    ]
    for name, (s1, n1, l1, c1), (s2, n2, l2, c2) in generated_cases:
        numeric_case(name, generated(s1, n1, l1, c1), generated(s2, n2, l2, c2))

    print("    // CategoricalCases")
    ref = read_sample("categories_reference", numeric=False)
    for name in ["categories_current", "categories_new_current", "categories_lost_current"]:
        categorical_case(name, ref, read_sample(name, numeric=False))

    print("    // TelcoCases: datasets/telco-churn/telco-customer-churn.csv, reference = Churn 'No', current = Churn 'Yes'")
    import pandas as pd
    telco = pd.read_csv(os.path.join(HERE, "..", "..", "..", "datasets", "telco-churn", "telco-customer-churn.csv"))
    stayed, churned = telco[telco.Churn == "No"], telco[telco.Churn == "Yes"]
    for column in ["tenure", "MonthlyCharges"]:
        numeric_case("telco_" + column, stayed[column].to_numpy(float), churned[column].to_numpy(float))
    # TotalCharges holds " " for 11 customers who stayed (tenure 0): pandas reads the column as text;
    # the blanks are missing (left out), the rest parsed as numbers.
    for name, part in [("stayed", stayed), ("churned", churned)]:
        print(f"    // telco_TotalCharges {name}: missing {int(pd.to_numeric(part.TotalCharges, errors='coerce').isna().sum())}")
    numeric_case("telco_TotalCharges", pd.to_numeric(stayed.TotalCharges, errors="coerce").dropna().to_numpy(float),
                 pd.to_numeric(churned.TotalCharges, errors="coerce").dropna().to_numpy(float))
    categorical_case("telco_Contract", stayed.Contract.to_numpy(object), churned.Contract.to_numpy(object))
    categorical_case("telco_Churn", stayed.Churn.to_numpy(object), churned.Churn.to_numpy(object))
    print("    // reference = gender 'Female', current = gender 'Male'")
    female, male = telco[telco.gender == "Female"], telco[telco.gender == "Male"]
    for column in ["tenure", "MonthlyCharges"]:
        numeric_case("telco_gender_" + column, female[column].to_numpy(float), male[column].to_numpy(float))

    print("    // KolmogorovCases: (n, d, kstwo.sf(d, n))")
    # Each pair reaches one branch of scipy.stats._ksstats._kolmogn (comments: the branch).
    for n, d in [(30, 0.01),  # n*d <= 0.5: 1
                 (5, 0.15), (200, 0.004),  # n*d <= 1: Ruben-Gambino, product / Stirling
                 (5, 0.9),  # n*d >= n-1: Ruben-Gambino
                 (60, 0.6),  # d >= 0.5: 2*smirnov
                 (5, 0.3), (10, 0.12), (40, 0.1), (100, 0.05),  # n <= 140, n*d^2 <= 0.754693: Durbin
                 (40, 0.2), (100, 0.15),  # n <= 140, n*d^2 <= 4: Pomeranz
                 (40, 0.35), (140, 0.2),  # n <= 140: 2*smirnov
                 (5000, 0.003), (100000, 0.0005),  # n > 140, n*d^1.5 <= 1.4: Durbin
                 (141, 0.05), (500, 0.03), (2000, 0.02), (5000, 0.01), (100000, 0.003), (100001, 0.003),
                 (500000, 0.0015),  # Pelz-Good
                 (500, 0.08), (5000, 0.03), (500000, 0.004), (1500000, 0.002),  # n*d^2 >= 2.2: 2*smirnov
                 (500000, 0.03)]:  # n*d^2 >= 370: 0
        print(f"        ({n}, {g(d)}, {g(stats.kstwo.sf(d, n))}),")

    print("    // SmirnovCases: (n, d, smirnov(n, d))")
    for n, d in [(1, 0.3), (5, 0.1), (8, 0.125), (10, 0.05),  # n = 1; x <= 1/n
                 (10, 0.95),  # x >= 1 - 1/n
                 (1000, 0.7),  # underflows
                 (100, 0.025),  # upper sum
                 (5, 0.5), (20, 0.25), (50, 0.2), (1000, 0.05), (100000, 0.005), (1000000, 0.001),  # lower sum
                 (2000000, 0.001)]:  # n > 10^6: approximation
        print(f"        ({n}, {g(d)}, {g(special.smirnov(n, d))}),")


if __name__ == "__main__":
    main()
