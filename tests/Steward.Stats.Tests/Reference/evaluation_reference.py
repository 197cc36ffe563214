#!/usr/bin/python3
"""Reference values for Steward's evaluation metrics, from scikit-learn 1.2.1 and NumPy 1.24.

Run with Debian's Python:  /usr/bin/python3 tests/Steward.Stats.Tests/Reference/evaluation_reference.py
It (re)writes the seeded CSV files beside it (same bytes every run) and prints every expected value
with repr(), which round-trips doubles. The tests in tests/Steward.Stats.Tests/Evaluation and
tests/Steward.Analytics.Tests/Evaluation hold these printed values as constants.
"""
import csv
import os
import warnings

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (accuracy_score, average_precision_score, brier_score_loss, confusion_matrix,
                             f1_score, log_loss, mean_absolute_error, mean_absolute_percentage_error,
                             mean_squared_error, precision_recall_curve, precision_recall_fscore_support,
                             precision_score, r2_score, recall_score, roc_auc_score, roc_curve)

assert sklearn.__version__ == "1.2.1", sklearn.__version__
warnings.simplefilter("ignore")  # zero-division and undefined-metric warnings are part of what is checked
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def show(name, value):
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, (np.floating, np.integer)):
        value = value.item()
    print(f"{name} = {value!r}")


def binary_report(prefix, y, s, threshold=0.5, bins=10):
    pred = (s >= threshold).astype(int)
    show(f"{prefix}.rows", len(y))
    show(f"{prefix}.positives", int(y.sum()))
    show(f"{prefix}.accuracy", accuracy_score(y, pred))
    show(f"{prefix}.precision", precision_score(y, pred))
    show(f"{prefix}.recall", recall_score(y, pred))
    show(f"{prefix}.f1", f1_score(y, pred))
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    show(f"{prefix}.confusion[tp,fp,tn,fn]", [int(tp), int(fp), int(tn), int(fn)])
    show(f"{prefix}.roc_auc", roc_auc_score(y, s))
    show(f"{prefix}.average_precision", average_precision_score(y, s))
    show(f"{prefix}.log_loss", log_loss(y, s, labels=[0, 1]))
    show(f"{prefix}.brier", brier_score_loss(y, s))
    fpr, tpr, thr = roc_curve(y, s)
    show(f"{prefix}.roc_curve.length", len(fpr))
    precision, recall, pr_thr = precision_recall_curve(y, s)
    show(f"{prefix}.pr_curve.length", len(precision))
    return fpr, tpr, thr, precision, recall, pr_thr


def calibration(prefix, y, s, bins, strategy):
    prob_true, prob_pred = calibration_curve(y, s, n_bins=bins, strategy=strategy)
    show(f"{prefix}.calibration[{strategy},{bins}].fraction_positive", prob_true)
    show(f"{prefix}.calibration[{strategy},{bins}].mean_predicted", prob_pred)


rng = np.random.default_rng(20261123)

# --- binary_small.csv: 40 rows, scores with one decimal, so many ties; curves printed whole.
y = rng.integers(0, 2, 40)
s = np.round(np.clip(0.5 + 0.25 * (2 * y - 1) + rng.normal(0, 0.25, 40), 0, 1), 1)
write_csv("binary_small.csv", ["label", "score"], [[int(a), f"{b:.1f}"] for a, b in zip(y, s)])
s = np.array([float(f"{b:.1f}") for b in s])
print("# binary_small.csv")
fpr, tpr, thr, precision, recall, pr_thr = binary_report("small", y, s)
show("small.roc_curve.fpr", fpr)
show("small.roc_curve.tpr", tpr)
show("small.roc_curve.thresholds", thr)
show("small.pr_curve.precision", precision)
show("small.pr_curve.recall", recall)
show("small.pr_curve.thresholds", pr_thr)
calibration("small", y, s, 5, "uniform")
calibration("small", y, s, 4, "quantile")

# --- binary.csv: 5,000 rows, scores with three decimals (ties), a few exactly 0 and 1 (log-loss clipping).
n = 5000
y = rng.integers(0, 2, n)
logit = -0.3 + 1.6 * (2 * y - 1) * rng.uniform(0.2, 1.0, n) + rng.normal(0, 1.2, n)
s = np.round(1 / (1 + np.exp(-logit)), 3)
s[rng.choice(n, 6, replace=False)] = 0.0
s[rng.choice(n, 6, replace=False)] = 1.0
write_csv("binary.csv", ["label", "score"], [[int(a), f"{b:.3f}"] for a, b in zip(y, s)])
s = np.array([float(f"{b:.3f}") for b in s])
print("# binary.csv")
fpr, tpr, thr, precision, recall, pr_thr = binary_report("binary", y, s)
show("binary.roc_curve.points[0,1,10,-1]", [[fpr[i], tpr[i], thr[i]] for i in (0, 1, 10, -1)])
show("binary.pr_curve.points[0,100,-2,-1]", [[precision[i], recall[i]] for i in (0, 100, -2, -1)])
pred = (s >= 0.3).astype(int)
show("binary.at_0.3[accuracy,precision,recall,f1]", [accuracy_score(y, pred), precision_score(y, pred), recall_score(y, pred), f1_score(y, pred)])
calibration("binary", y, s, 10, "uniform")
calibration("binary", y, s, 10, "quantile")
calibration("binary", y, s, 7, "quantile")

# --- regression.csv: 800 rows.
n = 800
actual = np.round(rng.gamma(2.0, 50.0, n) - 20.0, 2)
predicted = np.round(actual * rng.normal(1.0, 0.1, n) + rng.normal(0, 8.0, n), 2)
write_csv("regression.csv", ["actual", "predicted"], [[f"{a:.2f}", f"{b:.2f}"] for a, b in zip(actual, predicted)])
actual = np.array([float(f"{a:.2f}") for a in actual])
predicted = np.array([float(f"{b:.2f}") for b in predicted])
print("# regression.csv")
show("regression.mae", mean_absolute_error(actual, predicted))
show("regression.rmse", mean_squared_error(actual, predicted, squared=False))
show("regression.r2", r2_score(actual, predicted))
show("regression.mape", mean_absolute_percentage_error(actual, predicted))

# --- multiclass.csv: text labels; "emu" is only ever predicted, "yak" never predicted.
n = 600
classes = np.array(["cat", "dog", "bird", "fish", "yak"])
actual = classes[rng.choice(5, n, p=[0.35, 0.25, 0.2, 0.15, 0.05])]
guess = np.array(["cat", "dog", "bird", "fish", "emu"])[rng.integers(0, 5, n)]
predicted = np.where((rng.uniform(size=n) < 0.6) & (actual != "yak"), actual, guess)
write_csv("multiclass.csv", ["actual", "predicted"], zip(actual, predicted))
print("# multiclass.csv")
labels = sorted(set(actual) | set(predicted))
show("multiclass.labels", labels)
show("multiclass.accuracy", accuracy_score(actual, predicted))
show("multiclass.macro_f1", f1_score(actual, predicted, average="macro"))
show("multiclass.micro_f1", f1_score(actual, predicted, average="micro"))
show("multiclass.weighted_f1", f1_score(actual, predicted, average="weighted"))
show("multiclass.macro_precision", precision_score(actual, predicted, average="macro"))
show("multiclass.macro_recall", recall_score(actual, predicted, average="macro"))
p, r, f, support = precision_recall_fscore_support(actual, predicted)
show("multiclass.per_class.precision", p)
show("multiclass.per_class.recall", r)
show("multiclass.per_class.f1", f)
show("multiclass.per_class.support", support)
show("multiclass.confusion", confusion_matrix(actual, predicted))

# --- multiclass_int.csv: integer labels, ordered numerically (2 before 10).
n = 300
actual = np.array([1, 2, 10, 11])[rng.integers(0, 4, n)]
predicted = np.where(rng.uniform(size=n) < 0.7, actual, np.array([1, 2, 10, 11])[rng.integers(0, 4, n)])
write_csv("multiclass_int.csv", ["actual", "predicted"], zip(actual.tolist(), predicted.tolist()))
print("# multiclass_int.csv")
show("multiclass_int.labels", sorted(set(actual.tolist()) | set(predicted.tolist())))
show("multiclass_int.macro_f1", f1_score(actual, predicted, average="macro"))
show("multiclass_int.confusion", confusion_matrix(actual, predicted))

# --- telco_scored.csv: Telco churn with a fixed logistic score of tenure and MonthlyCharges.
rows = list(csv.DictReader(open(os.path.join(REPO, "datasets", "telco-churn", "telco-customer-churn.csv"))))
tenure = np.array([float(r["tenure"]) for r in rows])
charges = np.array([float(r["MonthlyCharges"]) for r in rows])
score = np.round(1 / (1 + np.exp(-(-0.5 - 0.06 * tenure + 0.02 * (charges - 65.0)))), 4)
write_csv("telco_scored.csv", ["customerID", "Contract", "Churn", "score"],
          [[r["customerID"], r["Contract"], r["Churn"], f"{v:.4f}"] for r, v in zip(rows, score)])
score = np.array([float(f"{v:.4f}") for v in score])
churn = np.array([r["Churn"] == "Yes" for r in rows]).astype(int)
print("# telco_scored.csv (positive value Yes)")
binary_report("telco", churn, score)
calibration("telco", churn, score, 10, "uniform")
calibration("telco", churn, score, 10, "quantile")
month_to_month = np.array([r["Contract"] == "Month-to-month" for r in rows])
show("telco[Contract = 'Month-to-month'].rows", int(month_to_month.sum()))
show("telco[Contract = 'Month-to-month'].roc_auc", roc_auc_score(churn[month_to_month], score[month_to_month]))

# --- Edge cases, inline in the tests.
print("# edge cases")
show("edge.no_predicted_positive[precision,recall,f1]",
     list(precision_recall_fscore_support([1, 0, 1], [0, 0, 0], average="binary")[:3]))
show("edge.no_positive_label.average_precision", average_precision_score([0, 0, 0], [0.1, 0.5, 0.9]))
show("edge.no_positive_label.recall", recall_score([0, 0, 0], [0, 1, 1]))
try:
    roc_auc_score([1, 1, 1], [0.1, 0.5, 0.9])
    show("edge.one_class.roc_auc", "defined")
except ValueError as e:
    show("edge.one_class.roc_auc", f"ValueError: {e}")
show("edge.all_tied.roc_auc", roc_auc_score([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]))
show("edge.clipped.log_loss", log_loss([1, 0, 1], [0.0, 1.0, 1.0], labels=[0, 1]))
show("edge.one_class.log_loss", log_loss([1, 1], [0.9, 0.6], labels=[0, 1]))
show("edge.one_row.r2", r2_score([3.0], [2.0]))
show("edge.constant_exact.r2", r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]))
show("edge.constant_inexact.r2", r2_score([2.0, 2.0, 2.0], [2.0, 2.5, 2.0]))
show("edge.zero_actual.mape", mean_absolute_percentage_error([0.0, 2.0], [1.0, 1.0]))
show("edge.edge_score.calibration[uniform,10]", [a.tolist() for a in calibration_curve([0, 1, 1, 0], [0.1, 0.2, 0.7, 0.75], n_bins=10)])
show("edge.multiclass_int_vs_text.labels", [sorted({2, 10}), sorted({"2", "10"})])
