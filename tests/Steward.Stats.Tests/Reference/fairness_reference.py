#!/usr/bin/python3
"""Expected values for Steward's fairness tests, computed independently of Steward.

Run with Debian's python (numpy 1.24, pandas 1.5, scikit-learn 1.2):

    /usr/bin/python3 tests/Steward.Stats.Tests/Reference/fairness_reference.py

It implements Fairlearn's definitions (fairlearn/metrics: MetricFrame.difference/ratio with
method="between_groups" and "to_overall", demographic_parity_*, equalized_odds_* with
agg="worst_case", equal_opportunity_*) with pandas group-bys, cross-checks every defined rate
against scikit-learn's confusion_matrix(normalize="true") and precision_score (what Fairlearn
itself calls), and prints the values the tests hold as constants. Steward differs from
Fairlearn/scikit-learn only where a rate's denominator is 0: scikit-learn turns 0/0 into 0, Steward
reports it as undefined (NaN here, null in JSON) and leaves it out of max/min, as pandas skips NaN;
those places are printed with both values.

It also writes fairness_synthetic.csv (fixed seed) beside itself, the synthetic data the tests read.
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.metrics import confusion_matrix, precision_score

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
COMPAS = os.path.join(ROOT, "datasets", "compas", "compas-scores-two-years.csv")
SYNTHETIC = os.path.join(HERE, "fairness_synthetic.csv")

RATES = ["selection_rate", "tpr", "fpr", "fnr", "tnr", "precision", "accuracy"]


def div(num, den):
    return num / den if den != 0 else np.nan


def group_table(df, sensitive, label, pred):
    """Per-group counts and rates. Several features: the full product of observed values, as MetricFrame reindexes."""
    rows = []
    grouped = df.groupby(sensitive if len(sensitive) > 1 else sensitive[0], dropna=False, sort=True)
    if len(sensitive) > 1:
        levels = [sorted(df[c].dropna().unique().tolist()) + ([np.nan] if df[c].isna().any() else []) for c in sensitive]
        keys = list(pd.MultiIndex.from_product(levels))
    else:
        vals = sorted(df[sensitive[0]].dropna().unique().tolist()) + ([np.nan] if df[sensitive[0]].isna().any() else [])
        keys = [(v,) for v in vals]
    present = {}
    for key, g in grouped:
        key = key if isinstance(key, tuple) else (key,)
        present[tuple("<NA>" if (isinstance(k, float) and np.isnan(k)) else k for k in key)] = g
    for key in keys:
        norm = tuple("<NA>" if (isinstance(k, float) and np.isnan(k)) else k for k in key)
        g = present.get(norm)
        y = g[label].to_numpy() if g is not None else np.array([], dtype=int)
        p = g[pred].to_numpy() if g is not None else np.array([], dtype=int)
        tp = int(((y == 1) & (p == 1)).sum()); fp = int(((y == 0) & (p == 1)).sum())
        tn = int(((y == 0) & (p == 0)).sum()); fn = int(((y == 1) & (p == 0)).sum())
        n = len(y)
        rows.append(dict(group=norm, count=n, tp=tp, fp=fp, tn=tn, fn=fn,
                         selection_rate=div(tp + fp, n), tpr=div(tp, tp + fn), fpr=div(fp, fp + tn),
                         fnr=div(fn, tp + fn), tnr=div(tn, fp + tn), precision=div(tp, tp + fp),
                         accuracy=div(tp + tn, n)))
        if n > 0:
            check_against_sklearn(y, p, rows[-1])
    return pd.DataFrame(rows)


def check_against_sklearn(y, p, row):
    """Fairlearn's own path: confusion_matrix(labels=[0, 1], normalize='true'), precision_score."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tnr, fpr, fnr, tpr = confusion_matrix(y, p, labels=[0, 1], normalize="true").ravel()
        prec = precision_score(y, p, zero_division=0)
    for name, sk in [("tpr", tpr), ("fpr", fpr), ("fnr", fnr), ("tnr", tnr), ("precision", prec)]:
        ours = row[name]
        if np.isnan(ours):
            assert sk == 0.0, (name, sk)  # scikit-learn's 0/0 -> 0
        else:
            assert abs(ours - sk) < 1e-12, (name, ours, sk)


def overall_rates(df, label, pred):
    t = group_table(df.assign(_all="all"), ["_all"], label, pred)
    return t.iloc[0]


def difference(values, overall, method):
    v = pd.Series(values, dtype=float)
    if method == "between_groups":
        return v.max() - v.min()          # pandas skips NaN
    return (v - overall).abs().max()


def ratio(values, overall, method):
    v = pd.Series(values, dtype=float)
    if method == "between_groups":
        return v.min() / v.max() if v.max() != 0 else np.nan
    r = v / overall
    r = r.apply(lambda x: 1 / x if x > 1 else x)
    return r.min()


def disparities(table, overall, method):
    sr, tpr, fpr = table.selection_rate, table.tpr, table.fpr
    tpr_d, fpr_d = difference(tpr, overall.tpr, method), difference(fpr, overall.fpr, method)
    tpr_r, fpr_r = ratio(tpr, overall.tpr, method), ratio(fpr, overall.fpr, method)
    return dict(
        demographicParityDifference=difference(sr, overall.selection_rate, method),
        demographicParityRatio=ratio(sr, overall.selection_rate, method),
        equalizedOddsDifference=max(tpr_d, fpr_d) if not (np.isnan(tpr_d) or np.isnan(fpr_d)) else np.nan,
        equalizedOddsRatio=min(tpr_r, fpr_r) if not (np.isnan(tpr_r) or np.isnan(fpr_r)) else np.nan,
        equalOpportunityDifference=tpr_d,
        equalOpportunityRatio=tpr_r,
    )


def impact(table, reference=None):
    """Selection rate / the reference group's; default reference: highest selection rate, ties to the larger group."""
    t = table[table["count"] > 0]
    if reference is None:
        best = t.sort_values(["selection_rate", "count"], ascending=[False, False], kind="stable").iloc[0]
        reference = best.group
    ref_rate = table.loc[table.group == reference, "selection_rate"].iloc[0]
    ratios = [div(r, ref_rate) if ref_rate > 0 else np.nan for r in table.selection_rate]
    return reference, ratios


def cs(x):
    """A double as C# source: 17 significant digits, NaN as double.NaN."""
    if isinstance(x, (float, np.floating)) and np.isnan(x):
        return "double.NaN"
    return repr(float(x))


def print_table(title, table):
    print(f"// {title}: group, count, TP, FP, TN, FN, selectionRate, TPR, FPR, FNR, TNR, precision, accuracy")
    for _, r in table.iterrows():
        name = ", ".join("null" if k == "<NA>" else f'"{k}"' for k in r.group)
        print(f"    ([{name}], {r['count']}, {r.tp}, {r.fp}, {r.tn}, {r.fn}, " + ", ".join(cs(r[k]) for k in RATES) + "),")


def print_disparities(title, d):
    print(f"// {title}")
    for k, v in d.items():
        print(f"    {k} = {cs(v)}")


def print_impact(title, table, reference, ratios):
    print(f"// {title}: reference {reference}")
    for g, r in zip(table.group, ratios):
        print(f"    {g} -> {cs(r)}")


def compas():
    df = pd.read_csv(COMPAS)  # pandas renames the repeated decile_score/priors_count columns to *.1
    df["pred"] = (df["decile_score"] >= 5).astype(int)
    print(f"// COMPAS: {len(df)} rows, label two_year_recid, prediction decile_score >= 5")

    by_race = group_table(df, ["race"], "two_year_recid", "pred")
    overall = overall_rates(df, "two_year_recid", "pred")
    print_table("COMPAS by race", by_race)
    print("// overall:", ", ".join(f"{k}={cs(overall[k])}" for k in RATES))
    print_disparities("COMPAS by race, between_groups", disparities(by_race, overall, "between_groups"))
    print_disparities("COMPAS by race, to_overall", disparities(by_race, overall, "to_overall"))
    print_impact("COMPAS by race, disparate impact (default reference)", by_race, *impact(by_race))
    print_impact("COMPAS by race, disparate impact (reference Caucasian)", by_race, *impact(by_race, ("Caucasian",)))

    print("// ProPublica 'Machine Bias': FPR / FNR in percent")
    for race in ["African-American", "Caucasian"]:
        r = by_race[by_race.group == (race,)].iloc[0]
        print(f"    {race}: FPR {100 * r.fpr:.2f}%  FNR {100 * r.fnr:.2f}%   (exact {cs(100 * r.fpr)} / {cs(100 * r.fnr)})")

    by_race_sex = group_table(df, ["race", "sex"], "two_year_recid", "pred")
    print_table("COMPAS by race x sex", by_race_sex)
    print_disparities("COMPAS by race x sex, between_groups", disparities(by_race_sex, overall, "between_groups"))
    print_impact("COMPAS by race x sex, disparate impact (default reference)", by_race_sex, *impact(by_race_sex))

    cohort = df[df.days_b_screening_arrest.between(-30, 30)]
    print(f"// ProPublica cohort (-30 <= days_b_screening_arrest <= 30, NULL dropped): {len(cohort)} rows")
    for race, n in cohort.race.value_counts().sort_index().items():
        print(f"    {race}: {n}")


def write_synthetic():
    """4,000 rows: region (5 values, Islands with no positive label), sex (F/M, 3% missing, no West x F)."""
    rng = np.random.default_rng(20240601)
    n = 4000
    region = rng.choice(["North", "South", "East", "West"], size=n, p=[0.4, 0.3, 0.2, 0.1])
    sex = rng.choice(["F", "M"], size=n)
    sex = np.where(region == "West", "M", sex)
    missing = rng.random(n) < 0.03
    shift = pd.Series(region).map({"North": 0.0, "South": -0.08, "East": 0.05, "West": -0.15}).to_numpy()
    score = np.clip(rng.normal(0.5 + shift, 0.2), 0, 1).round(4)
    outcome = (rng.random(n) < np.clip(score + rng.normal(0, 0.15, n), 0, 1)).astype(int)
    islands = 12
    df = pd.DataFrame({
        "region": list(region) + ["Islands"] * islands,
        "sex": [None if m else s for s, m in zip(sex, missing)] + ["F", "M"] * (islands // 2),
        "score": list(score) + list(rng.uniform(0.3, 0.7, islands).round(4)),
        "outcome": list(outcome) + [0] * islands,
    })
    df["outcome_text"] = np.where(df.outcome == 1, "yes", "no")
    df["approved"] = (df.score >= 0.5).astype(int)
    df.to_csv(SYNTHETIC, index=False)
    return pd.read_csv(SYNTHETIC)


def synthetic():
    df = write_synthetic()
    print(f"// synthetic: {len(df)} rows written to {os.path.basename(SYNTHETIC)}")
    overall = overall_rates(df, "outcome", "approved")
    by_region = group_table(df, ["region"], "outcome", "approved")
    print_table("synthetic by region, prediction approved (score >= 0.5)", by_region)
    print_disparities("synthetic by region, between_groups (NaN skipped)", disparities(by_region, overall, "between_groups"))
    print_disparities("synthetic by region, to_overall (NaN skipped)", disparities(by_region, overall, "to_overall"))
    print_impact("synthetic by region, disparate impact (reference South)", by_region, *impact(by_region, ("South",)))
    # What Fairlearn reports instead: scikit-learn makes Islands' TPR 0/0 = 0.
    tpr_sklearn = by_region.tpr.fillna(0.0)
    print(f"// Fairlearn's equal_opportunity_difference here would be {cs(tpr_sklearn.max() - tpr_sklearn.min())} (Islands TPR 0/0 -> 0)")

    df["pred60"] = (df.score >= 0.6).astype(int)
    overall60 = overall_rates(df, "outcome", "pred60")
    by_region_sex = group_table(df, ["region", "sex"], "outcome", "pred60")
    print_table("synthetic by region x sex, prediction score >= 0.6 (missing sex is its own value, last)", by_region_sex)
    print_disparities("synthetic by region x sex, score >= 0.6, between_groups", disparities(by_region_sex, overall60, "between_groups"))
    print("// overall (score >= 0.6):", ", ".join(f"{k}={cs(overall60[k])}" for k in RATES))


def percentiles():
    values = np.array([0.31, 0.12, 0.55, 0.47, 0.12, 0.9, 0.05, 0.66, 0.38, 0.21])
    print("// numpy.quantile (linear) of", list(values))
    for q in [0.0, 0.025, 0.5, 0.975, 1.0, (1 - 0.9) / 2, (1 + 0.9) / 2]:
        print(f"    q={q!r}: {cs(np.quantile(values, q))}")


if __name__ == "__main__":
    pd.set_option("display.width", 200)
    compas()
    synthetic()
    percentiles()
    sys.exit(0)
