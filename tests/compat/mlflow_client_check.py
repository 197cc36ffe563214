#!/usr/bin/env python3
"""Compatibility check: drive a tracking server with the official MLflow 2.x Python client.

Runs what an MLflow user does with the client (fluent API, MlflowClient, proxied
artifacts through ``mlflow-artifacts:``, model registry) against the server named by
MLFLOW_TRACKING_URI and asserts on every answer. Written against MLflow 2.12.2.

Usage:
    MLFLOW_TRACKING_URI=http://127.0.0.1:5000 \\
    PYTHONPATH=/opt/mlflow-client/src /usr/bin/python3 tests/compat/mlflow_client_check.py

Optional environment:
    COMPAT_TRACE=1      print every HTTP request the client makes (method, path, status)
    COMPAT_FAIL_FAST=1  stop at the first failed check instead of going on with the next area
    COMPAT_AREAS=a,b    run only these areas (names as printed after "==")

Against a server that requires credentials, give them as any MLflow user does:
MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD. Then set
COMPAT_EXPECT_USER to the user they belong to, which runs the "identity" area: runs record
that user (not the one the client claims), a wrong token is refused with UNAUTHENTICATED, the
"steward.domain" tag puts an experiment in COMPAT_DOMAIN, and COMPAT_FORBIDDEN_DOMAIN (a
domain the user does not belong to) is refused with PERMISSION_DENIED.

Output: one "PASS: ..." line per check, "SKIP: ..." for checks that cannot run here,
"FAIL: ..." plus a traceback for a failure, then a closing line "N passed, N failed"
(", N skipped"). The exit code is non-zero when anything failed.

The areas are independent (each makes its own experiment / runs / models with a uuid
suffix), so the script can run many times against one server, and a failure in one area
does not hide the results of the others.

The server must serve artifacts itself (runs get an ``mlflow-artifacts:/...`` artifact_uri,
like ``mlflow server --serve-artifacts``); nothing needs an ML library.
"""

import atexit
import filecmp
import json
import math
import os
import shutil
import sys
import tempfile
import time
import traceback
import uuid
import warnings

# Fail fast instead of the client's default 5 retries with exponential backoff (minutes per
# failing request against a server answering 5xx). Override by setting them yourself.
os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "1")
os.environ.setdefault("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "1")
os.environ.setdefault("MLFLOW_HTTP_REQUEST_TIMEOUT", "30")

# Keep the output to one line per check: the client warns about deprecated stages,
# dataset source guessing, integer schema columns, missing git, ...
warnings.filterwarnings("ignore")

import mlflow  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from mlflow.entities import ViewType  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402

try:
    import pandas as pd  # noqa: E402
except ImportError:  # pandas is optional: only the dataset check needs it
    pd = None


# --------------------------------------------------------------------------------------
# Tiny check runner
# --------------------------------------------------------------------------------------


class _AreaAborted(Exception):
    """Raised inside an area after a failed check: the rest of the area depends on it."""


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0

    def check(self, description):
        return _Check(self, description)

    def skip(self, description, reason):
        self.skipped += 1
        print(f"SKIP: {description} ({reason})", flush=True)

    def run_area(self, name, func):
        areas = os.environ.get("COMPAT_AREAS")
        if areas and name != "preflight" and name not in [a.strip() for a in areas.split(",")]:
            return
        print(f"== {name}", flush=True)
        try:
            func()
        except _AreaAborted:
            print(f"   ({name}: remaining checks of this area not run)", flush=True)
        except Exception:
            # An error outside any `with checks.check(...)` block.
            self.failed += 1
            print(f"FAIL: {name}: error outside a check", flush=True)
            traceback.print_exc(file=sys.stdout)
        if self.failed and os.environ.get("COMPAT_FAIL_FAST"):
            self.finish()

    def finish(self):
        line = f"{self.passed} passed, {self.failed} failed"
        if self.skipped:
            line += f", {self.skipped} skipped"
        print(line, flush=True)
        sys.exit(1 if self.failed else 0)


class _Check:
    def __init__(self, checks, description):
        self.checks = checks
        self.description = description

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.checks.passed += 1
            print(f"PASS: {self.description}", flush=True)
            return False
        if exc_type is _AreaAborted:
            return False
        self.checks.failed += 1
        print(f"FAIL: {self.description}: {exc_type.__name__}: {exc}", flush=True)
        traceback.print_exception(exc_type, exc, tb, file=sys.stdout)
        raise _AreaAborted() from exc


checks = Checks()
check = checks.check


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def uid():
    return uuid.uuid4().hex[:10]


def expect_mlflow_error(error_code, func, *args, **kwargs):
    """Call func and assert it raises MlflowException with the given error code."""
    try:
        func(*args, **kwargs)
    except MlflowException as e:
        assert e.error_code == error_code, f"expected error_code {error_code}, got {e.error_code}: {e}"
        return e
    raise AssertionError(f"expected MlflowException {error_code}, but the call succeeded")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def tree(root):
    """Relative paths of all files under root, sorted."""
    out = []
    for dirpath, _, files in os.walk(root):
        for name in files:
            out.append(os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/"))
    return sorted(out)


def same_tree(a, b, ignore=()):
    files_a = [p for p in tree(a) if p not in ignore]
    files_b = [p for p in tree(b) if p not in ignore]
    if files_a != files_b:
        return False
    return all(filecmp.cmp(os.path.join(a, p), os.path.join(b, p), shallow=False) for p in files_a)


def install_trace():
    """With COMPAT_TRACE=1, print every HTTP request the client makes."""
    import requests

    original = requests.Session.request

    def traced(self, method, url, *args, **kwargs):
        response = original(self, method, url, *args, **kwargs)
        params = kwargs.get("params")
        query = f" params={params}" if params else ""
        print(f"   http {method} {url}{query} -> {response.status_code}", flush=True)
        return response

    requests.Session.request = traced


WORK = tempfile.mkdtemp(prefix="mlflow-compat-")
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
client = None  # set in main()


# --------------------------------------------------------------------------------------
# Fluent tracking API
# --------------------------------------------------------------------------------------


def make_local_artifacts():
    """Files the run logs: one text file and a directory with a subdirectory."""
    hello = os.path.join(WORK, "hello.txt")
    write(hello, "hello from the compat check\n")
    data_dir = os.path.join(WORK, "data_src")
    write(os.path.join(data_dir, "a.txt"), "alpha\n")
    write(os.path.join(data_dir, "b.csv"), "x,y\n1,2\n3,4\n")
    write(os.path.join(data_dir, "sub", "c.txt"), "gamma " * 100 + "\n")
    model_dir = os.path.join(WORK, "model_src")
    write(
        os.path.join(model_dir, "MLmodel"),
        "artifact_path: model\nflavors:\n  python_function:\n    loader_module: compat\n",
    )
    write(os.path.join(model_dir, "weights.bin"), "0123456789" * 50)
    return hello, data_dir, model_dir


def tracking_fluent():
    """Fluent API: experiment, run with params/metrics/tags/artifacts/datasets; then reads."""
    exp_name = f"compat-exp-{uid()}"
    hello, data_dir, model_dir = make_local_artifacts()

    with check("mlflow.set_experiment creates a missing experiment"):
        assert client.get_experiment_by_name(exp_name) is None, "experiment exists before creation"
        exp = mlflow.set_experiment(exp_name)
        assert exp.name == exp_name, exp
        assert exp.experiment_id, "no experiment id"
        assert exp.lifecycle_stage == "active", exp.lifecycle_stage
        assert exp.artifact_location, "experiment has no artifact_location"
        again = mlflow.set_experiment(exp_name)
        assert again.experiment_id == exp.experiment_id, "set_experiment did not reuse the experiment"

    with check("start_run(run_name=...) context: RUNNING inside; log_*/set_tag* calls accepted"):
        with mlflow.start_run(run_name="compat-main") as active:
            run_id = active.info.run_id
            assert active.info.experiment_id == exp.experiment_id, active.info
            assert active.info.run_name == "compat-main", active.info.run_name
            inside = client.get_run(run_id)
            assert inside.info.status == "RUNNING", inside.info.status
            assert inside.info.artifact_uri, "run has no artifact_uri"

            mlflow.log_param("lr", 0.1)
            mlflow.log_params({"batch_size": 32, "optimizer": "adam", "lr": 0.1})  # same lr: fine
            # Steps logged out of order: the latest value is the one with the greatest step,
            # not the most recently logged one.
            mlflow.log_metric("acc", 0.6, step=0)
            mlflow.log_metric("acc", 0.7, step=2)
            mlflow.log_metric("acc", 0.9, step=1)
            for step in range(5):
                mlflow.log_metric("loss", 1.0 / (step + 1), step=step)
            mlflow.log_metrics({"f1": 0.55, "precision": 0.5}, step=3)
            mlflow.log_metric("nan_metric", float("nan"))
            mlflow.set_tag("team", "compat")
            mlflow.set_tags({"stage": "check", "numeric_tag": 7})
            mlflow.log_artifact(hello)
            mlflow.log_artifacts(data_dir, artifact_path="data")
            mlflow.log_artifacts(model_dir, artifact_path="model")
            mlflow.log_dict({"layers": [64, 32], "dropout": 0.1}, "config/model.json")
            mlflow.log_text("some notes\nsecond line\n", "notes/readme.txt")

    run = client.get_run(run_id)

    with check("run is FINISHED with end_time after the context exits"):
        assert run.info.status == "FINISHED", run.info.status
        assert run.info.end_time and run.info.end_time >= run.info.start_time, run.info
        assert run.info.lifecycle_stage == "active", run.info.lifecycle_stage

    with check("get_run: params (log_param + log_params) are strings"):
        expected = {"lr": "0.1", "batch_size": "32", "optimizer": "adam"}
        assert run.data.params == expected, run.data.params

    with check("get_run: latest metric is the one with the greatest step"):
        m = run.data.metrics
        assert m["acc"] == 0.7, f"acc latest {m['acc']} (want 0.7, the value at step 2)"
        assert m["loss"] == 0.2, m["loss"]
        assert m["f1"] == 0.55 and m["precision"] == 0.5, m

    with check("get_run: NaN metric reads back as NaN"):
        assert math.isnan(run.data.metrics["nan_metric"]), run.data.metrics["nan_metric"]
        hist = client.get_metric_history(run_id, "nan_metric")
        assert len(hist) == 1 and math.isnan(hist[0].value), hist

    with check("get_run: tags (set_tag, set_tags) and system tags"):
        t = run.data.tags
        assert t.get("team") == "compat", t
        assert t.get("stage") == "check", t
        assert t.get("numeric_tag") == "7", t
        assert t.get("mlflow.runName") == "compat-main", t
        assert "mlflow.user" in t and "mlflow.source.type" in t, t

    with check("fluent log_artifact / log_artifacts / log_dict / log_text all landed"):
        root = sorted(f.path for f in client.list_artifacts(run_id))
        assert root == ["config", "data", "hello.txt", "model", "notes"], root
        assert [f.path for f in client.list_artifacts(run_id, "model")] == ["model/MLmodel", "model/weights.bin"]

    with check("get_metric_history: every point of a stepped metric, in order"):
        hist = client.get_metric_history(run_id, "loss")
        assert [(h.step, h.value) for h in hist] == [(s, 1.0 / (s + 1)) for s in range(5)], [
            (h.step, h.value) for h in hist
        ]
        assert all(h.key == "loss" and h.timestamp > 0 for h in hist), hist

    with check("get_metric_history: out-of-order steps all kept"):
        hist = client.get_metric_history(run_id, "acc")
        points = sorted((h.step, h.value) for h in hist)
        assert points == [(0, 0.6), (1, 0.9), (2, 0.7)], points
        assert client.get_metric_history(run_id, "no_such_metric") == [], "missing metric history"

    with check("log_metrics: batch metrics carry the given step"):
        hist = client.get_metric_history(run_id, "f1")
        assert [(h.step, h.value) for h in hist] == [(3, 0.55)], hist

    with check("param immutability: a different value raises INVALID_PARAMETER_VALUE"):
        with mlflow.start_run(run_id=run_id):
            expect_mlflow_error("INVALID_PARAMETER_VALUE", mlflow.log_param, "lr", 0.2)
            expect_mlflow_error("INVALID_PARAMETER_VALUE", mlflow.log_params, {"lr": "0.3"})
            mlflow.log_param("lr", "0.1")  # the same value again is accepted
        assert client.get_run(run_id).data.params["lr"] == "0.1", "param value changed"

    with check("a run whose body raises ends FAILED"):
        try:
            with mlflow.start_run(run_name="compat-failing") as failing:
                raise RuntimeError("boom")
        except RuntimeError:
            pass
        assert client.get_run(failing.info.run_id).info.status == "FAILED"

    if pd is None:
        checks.skip("mlflow.log_input with a pandas dataset", "pandas not installed")
    else:
        with check("mlflow.log_input: dataset from_pandas shows in run.inputs"):
            df = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [0, 1, 0]})
            # Unique dataset name: the official server reuses an existing dataset row with the
            # same (name, digest) even from another experiment, which would mask what we log.
            ds_name = f"compat-ds-{uid()}"
            dataset = mlflow.data.from_pandas(
                df, source="https://example.invalid/compat.csv", name=ds_name, targets="y"
            )
            with mlflow.start_run(run_id=run_id):
                mlflow.log_input(dataset, context="training", tags={"split": "train"})
            inputs = client.get_run(run_id).inputs.dataset_inputs
            assert len(inputs) == 1, inputs
            ds = inputs[0].dataset
            assert ds.name == ds_name, ds
            assert ds.digest == dataset.digest, (ds.digest, dataset.digest)
            # source_type / source are whatever the client resolved the source string to
            # (2.12.2 picks "local" for this URL); the server stores them verbatim.
            assert ds.source_type == dataset.source._get_source_type(), ds.source_type
            assert json.loads(ds.source) == dataset.source.to_dict(), ds.source
            assert json.loads(ds.schema)["mlflow_colspec"], ds.schema
            assert json.loads(ds.profile)["num_rows"] == 3, ds.profile
            tags = {t.key: t.value for t in inputs[0].tags}
            assert tags == {"mlflow.data.context": "training", "split": "train"}, tags


# --------------------------------------------------------------------------------------
# Artifacts through the server's mlflow-artifacts proxy
# --------------------------------------------------------------------------------------


def artifacts():
    exp = mlflow.set_experiment(f"compat-art-{uid()}")
    hello, data_dir, model_dir = make_local_artifacts()
    with mlflow.start_run(run_name="compat-artifacts") as active:
        run_id = active.info.run_id
        mlflow.log_artifact(hello)
        mlflow.log_artifacts(data_dir, artifact_path="data")
        mlflow.log_dict({"layers": [64, 32], "dropout": 0.1}, "config/model.json")
        mlflow.log_text("some notes\nsecond line\n", "notes/readme.txt")
    run = client.get_run(run_id)

    with check("run artifact_uri is served by the tracking server (mlflow-artifacts:)"):
        assert run.info.artifact_uri.startswith("mlflow-artifacts:"), run.info.artifact_uri
        assert exp.artifact_location.startswith("mlflow-artifacts:"), exp.artifact_location

    with check("list_artifacts at the root: files and directories"):
        listing = {f.path: f for f in client.list_artifacts(run_id)}
        assert set(listing) == {"hello.txt", "data", "config", "notes"}, sorted(listing)
        assert not listing["hello.txt"].is_dir, listing["hello.txt"]
        assert listing["hello.txt"].file_size == os.path.getsize(hello), listing["hello.txt"]
        assert listing["data"].is_dir and listing["config"].is_dir, listing

    with check("list_artifacts of a subdirectory gives paths relative to the run root"):
        listing = {f.path: f for f in client.list_artifacts(run_id, "data")}
        assert set(listing) == {"data/a.txt", "data/b.csv", "data/sub"}, sorted(listing)
        assert listing["data/sub"].is_dir, listing["data/sub"]
        assert listing["data/b.csv"].file_size == os.path.getsize(os.path.join(data_dir, "b.csv"))
        deeper = [f.path for f in client.list_artifacts(run_id, "data/sub")]
        assert deeper == ["data/sub/c.txt"], deeper

    with check("download_artifacts of one file: same content"):
        dst = tempfile.mkdtemp(dir=WORK)
        local = client.download_artifacts(run_id, "hello.txt", dst)
        assert read(local) == read(hello), read(local)

    with check("download_artifacts of a directory (recursive): same tree and content"):
        dst = tempfile.mkdtemp(dir=WORK)
        local = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="data", dst_path=dst)
        assert same_tree(local, data_dir), (tree(local), tree(data_dir))

    with check("download of the whole run by its mlflow-artifacts: URI"):
        dst = tempfile.mkdtemp(dir=WORK)
        local = mlflow.artifacts.download_artifacts(artifact_uri=run.info.artifact_uri, dst_path=dst)
        assert tree(local) == sorted(
            ["hello.txt", "data/a.txt", "data/b.csv", "data/sub/c.txt", "config/model.json",
             "notes/readme.txt"]
        ), tree(local)

    with check("log_dict / log_text read back with load_dict / load_text"):
        base = run.info.artifact_uri
        assert mlflow.artifacts.load_dict(f"{base}/config/model.json") == {
            "layers": [64, 32],
            "dropout": 0.1,
        }
        assert mlflow.artifacts.load_text(f"{base}/notes/readme.txt") == "some notes\nsecond line\n"

    with check("runs:/ URI download"):
        dst = tempfile.mkdtemp(dir=WORK)
        local = mlflow.artifacts.download_artifacts(f"runs:/{run_id}/notes/readme.txt", dst_path=dst)
        assert read(local) == "some notes\nsecond line\n", read(local)


# --------------------------------------------------------------------------------------
# MlflowClient: search, experiments, run lifecycle
# --------------------------------------------------------------------------------------


def search_and_lifecycle():
    exp_name = f"compat-search-{uid()}"
    exp_id = client.create_experiment(exp_name, tags={"purpose": "compat"})

    def make_run(name, lr, acc):
        run = client.create_run(exp_id, run_name=name)
        client.log_param(run.info.run_id, "lr", lr)
        client.log_metric(run.info.run_id, "acc", acc)
        client.set_terminated(run.info.run_id)
        return run.info.run_id

    runs = {
        "hi": make_run("hi", "0.1", 0.95),
        "mid": make_run("mid", "0.1", 0.8),
        "main": make_run("main", "0.1", 0.7),
        "lo": make_run("lo", "0.1", 0.3),  # fails acc > 0.5
        "other": make_run("other", "0.2", 0.85),  # fails lr = '0.1'
    }
    wanted = [runs["hi"], runs["mid"], runs["main"]]
    flt = "metrics.acc > 0.5 and params.lr = '0.1'"

    with check("create_experiment / get_experiment: tags, stage"):
        exp = client.get_experiment(exp_id)
        assert exp.name == exp_name and exp.lifecycle_stage == "active", exp
        assert exp.tags.get("purpose") == "compat", exp.tags

    with check("create_run / set_terminated through MlflowClient"):
        r = client.get_run(runs["hi"])
        assert r.info.status == "FINISHED" and r.info.run_name == "hi", r.info
        assert r.data.tags.get("mlflow.runName") == "hi", r.data.tags

    with check(f'search_runs filter "{flt}" order_by metrics.acc DESC'):
        found = client.search_runs([exp_id], flt, order_by=["metrics.acc DESC"])
        assert [r.info.run_id for r in found] == wanted, [r.data.metrics for r in found]
        assert found.token is None, found.token

    with check("search_runs with max_results + page_token pages through all results"):
        page1 = client.search_runs([exp_id], flt, max_results=2, order_by=["metrics.acc DESC"])
        assert [r.info.run_id for r in page1] == wanted[:2], [r.data.metrics for r in page1]
        assert page1.token, "no next page token"
        page2 = client.search_runs(
            [exp_id], flt, max_results=2, order_by=["metrics.acc DESC"], page_token=page1.token
        )
        assert [r.info.run_id for r in page2] == wanted[2:], [r.data.metrics for r in page2]
        assert not page2.token, f"unexpected token on the last page: {page2.token}"

    with check("search_runs by attribute and tag, ascending order"):
        found = client.search_runs([exp_id], "attributes.run_name = 'other'")
        assert [r.info.run_id for r in found] == [runs["other"]], found
        found = client.search_runs([exp_id], "tags.mlflow.runName LIKE 'm%'", order_by=["metrics.acc ASC"])
        assert [r.info.run_id for r in found] == [runs["main"], runs["mid"]], found

    if pd is None:
        with check("mlflow.search_runs(output_format='list')"):
            result = mlflow.search_runs([exp_id], flt, order_by=["metrics.acc DESC"], output_format="list")
            assert [r.info.run_id for r in result] == wanted, result
    else:
        with check("mlflow.search_runs returns a DataFrame"):
            result = mlflow.search_runs([exp_id], flt, order_by=["metrics.acc DESC"])
            assert list(result["run_id"]) == wanted, result
            assert list(result["metrics.acc"]) == [0.95, 0.8, 0.7], result["metrics.acc"]

    with check("search_experiments by name filter"):
        found = client.search_experiments(filter_string=f"name = '{exp_name}'")
        assert [e.experiment_id for e in found] == [exp_id], found
        found = client.search_experiments(filter_string="name LIKE 'compat-search-%'", max_results=1000)
        assert exp_id in [e.experiment_id for e in found], "LIKE search missed the experiment"

    with check("search_experiments paging with max_results"):
        page = client.search_experiments(max_results=1)
        assert len(page) == 1, len(page)
        assert page.token, "no next page token with max_results=1 (there are >= 2 experiments)"
        nxt = client.search_experiments(max_results=1, page_token=page.token)
        assert len(nxt) == 1 and nxt[0].experiment_id != page[0].experiment_id, (page, nxt)

    with check("get_experiment_by_name: existing -> experiment, missing -> None"):
        assert client.get_experiment_by_name(exp_name).experiment_id == exp_id
        assert client.get_experiment_by_name(f"compat-missing-{uid()}") is None

    with check("rename_experiment"):
        new_name = f"{exp_name}-renamed"
        client.rename_experiment(exp_id, new_name)
        assert client.get_experiment(exp_id).name == new_name
        assert client.get_experiment_by_name(new_name).experiment_id == exp_id
        assert client.get_experiment_by_name(exp_name) is None, "old name still resolves"

    with check("delete_run / restore_run and search view types"):
        client.delete_run(runs["lo"])
        assert client.get_run(runs["lo"]).info.lifecycle_stage == "deleted"
        active = [r.info.run_id for r in client.search_runs([exp_id])]
        assert runs["lo"] not in active and len(active) == 4, active
        deleted = [r.info.run_id for r in client.search_runs([exp_id], run_view_type=ViewType.DELETED_ONLY)]
        assert deleted == [runs["lo"]], deleted
        client.restore_run(runs["lo"])
        assert client.get_run(runs["lo"]).info.lifecycle_stage == "active"
        assert len(client.search_runs([exp_id], run_view_type=ViewType.ALL)) == 5

    with check("delete_experiment / restore_experiment"):
        client.delete_experiment(exp_id)
        assert client.get_experiment(exp_id).lifecycle_stage == "deleted"
        active = [e.experiment_id for e in client.search_experiments(max_results=1000)]
        assert exp_id not in active, "deleted experiment listed as active"
        deleted = [
            e.experiment_id
            for e in client.search_experiments(view_type=ViewType.DELETED_ONLY, max_results=1000)
        ]
        assert exp_id in deleted, "deleted experiment missing from DELETED_ONLY"
        client.restore_experiment(exp_id)
        assert client.get_experiment(exp_id).lifecycle_stage == "active"

    with check("get_run of a missing run raises RESOURCE_DOES_NOT_EXIST"):
        expect_mlflow_error("RESOURCE_DOES_NOT_EXIST", client.get_run, uuid.uuid4().hex)

    with check("creating an experiment with an existing name raises RESOURCE_ALREADY_EXISTS"):
        expect_mlflow_error("RESOURCE_ALREADY_EXISTS", client.create_experiment, f"{exp_name}-renamed")


# --------------------------------------------------------------------------------------
# Model registry
# --------------------------------------------------------------------------------------


def registry():
    name = f"compat-model-{uid()}"
    _, _, model_dir = make_local_artifacts()
    mlflow.set_experiment(f"compat-reg-{uid()}")
    with mlflow.start_run(run_name="compat-model-run") as active:
        run_id = active.info.run_id
        mlflow.log_artifacts(model_dir, artifact_path="model")
    artifact_uri = client.get_run(run_id).info.artifact_uri

    with check("create_registered_model with tags and description"):
        rm = client.create_registered_model(name, tags={"team": "compat"}, description="compat model")
        assert rm.name == name, rm
        rm = client.get_registered_model(name)
        assert rm.description == "compat model" and rm.tags == {"team": "compat"}, rm
        assert rm.latest_versions == [], rm.latest_versions

    with check("create_registered_model with an existing name raises RESOURCE_ALREADY_EXISTS"):
        expect_mlflow_error("RESOURCE_ALREADY_EXISTS", client.create_registered_model, name)

    with check('mlflow.register_model("runs:/<id>/model") -> version 1, READY'):
        mv1 = mlflow.register_model(f"runs:/{run_id}/model", name)
        assert str(mv1.version) == "1", mv1.version
        assert mv1.status == "READY", mv1.status
        assert mv1.run_id == run_id, mv1.run_id
        # The client resolves runs:/ to the run's artifact location before calling the server.
        assert mv1.source == f"{artifact_uri}/model", mv1.source
        assert mv1.current_stage == "None", mv1.current_stage

    with check("create_model_version -> version 2"):
        mv2 = client.create_model_version(name, f"{artifact_uri}/model", run_id, tags={"kind": "direct"})
        assert str(mv2.version) == "2", mv2.version
        assert mv2.tags == {"kind": "direct"}, mv2.tags
        assert client.get_model_version(name, "2").status == "READY"

    with check("update_model_version description; update_registered_model description"):
        client.update_model_version(name, "1", description="first version")
        assert client.get_model_version(name, "1").description == "first version"
        client.update_registered_model(name, description="updated")
        assert client.get_registered_model(name).description == "updated"

    with check("set / delete model version tag and registered model tag"):
        client.set_model_version_tag(name, "1", "validated", "yes")
        assert client.get_model_version(name, "1").tags == {"validated": "yes"}
        client.delete_model_version_tag(name, "1", "validated")
        assert client.get_model_version(name, "1").tags == {}
        client.set_registered_model_tag(name, "owner", "compat")
        client.delete_registered_model_tag(name, "team")
        assert client.get_registered_model(name).tags == {"owner": "compat"}

    with check("transition stages: Staging, Production; archive_existing_versions archives v1"):
        mv = client.transition_model_version_stage(name, "1", "Staging")
        assert mv.current_stage == "Staging", mv.current_stage
        client.transition_model_version_stage(name, "1", "Production")
        client.transition_model_version_stage(name, "2", "Staging")
        mv = client.transition_model_version_stage(name, "2", "Production", archive_existing_versions=True)
        assert mv.current_stage == "Production", mv.current_stage
        assert client.get_model_version(name, "1").current_stage == "Archived"
        assert client.get_model_version(name, "2").current_stage == "Production"

    with check("get_latest_versions: per stage, and filtered by stage"):
        latest = {mv.current_stage: str(mv.version) for mv in client.get_latest_versions(name)}
        assert latest == {"Archived": "1", "Production": "2"}, latest
        prod = client.get_latest_versions(name, stages=["Production"])
        assert [str(mv.version) for mv in prod] == ["2"], prod
        assert client.get_latest_versions(name, stages=["Staging"]) == []

    with check("set_registered_model_alias / get_model_version_by_alias"):
        client.set_registered_model_alias(name, "champion", "2")
        mv = client.get_model_version_by_alias(name, "champion")
        assert str(mv.version) == "2", mv.version
        assert "champion" in mv.aliases, mv.aliases
        assert client.get_registered_model(name).aliases == {"champion": "2"}

    with check("download models:/name@alias and models:/name/Production"):
        for uri in (f"models:/{name}@champion", f"models:/{name}/Production", f"models:/{name}/latest"):
            local = mlflow.artifacts.download_artifacts(uri, dst_path=tempfile.mkdtemp(dir=WORK))
            assert same_tree(local, model_dir, ignore={"registered_model_meta"}), (uri, tree(local))

    with check("delete_registered_model_alias"):
        client.delete_registered_model_alias(name, "champion")
        assert client.get_registered_model(name).aliases == {}
        # The official server answers INVALID_PARAMETER_VALUE (not RESOURCE_DOES_NOT_EXIST)
        # for an alias that does not exist.
        expect_mlflow_error("INVALID_PARAMETER_VALUE", client.get_model_version_by_alias, name, "champion")

    with check("search_registered_models with filter \"name LIKE 'compat%'\""):
        found = client.search_registered_models(filter_string="name LIKE 'compat%'", max_results=1000)
        assert name in [m.name for m in found], "model missing from LIKE search"
        found = client.search_registered_models(filter_string=f"name = '{name}'")
        assert [m.name for m in found] == [name], found
        latest = {str(v.version) for v in found[0].latest_versions}
        assert latest == {"1", "2"}, latest

    with check("search_model_versions(\"name='...'\")"):
        found = client.search_model_versions(f"name='{name}'")
        assert sorted(str(v.version) for v in found) == ["1", "2"], found
        found = client.search_model_versions(f"run_id='{run_id}'")
        assert {v.name for v in found} == {name}, found

    new_name = f"{name}-renamed"
    with check("rename_registered_model moves the versions"):
        client.rename_registered_model(name, new_name)  # MlflowClient returns None here
        assert client.get_registered_model(new_name).name == new_name
        expect_mlflow_error("RESOURCE_DOES_NOT_EXIST", client.get_registered_model, name)
        assert client.get_model_version(new_name, "1").name == new_name
        assert sorted(str(v.version) for v in client.search_model_versions(f"name='{new_name}'")) == [
            "1",
            "2",
        ]

    with check('mlflow.artifacts.download_artifacts("models:/<name>/1")'):
        dst = tempfile.mkdtemp(dir=WORK)
        local = mlflow.artifacts.download_artifacts(f"models:/{new_name}/1", dst_path=dst)
        assert same_tree(local, model_dir, ignore={"registered_model_meta"}), tree(local)
        assert read(os.path.join(local, "MLmodel")) == read(os.path.join(model_dir, "MLmodel"))
        assert client.get_model_version_download_uri(new_name, "1") == f"{artifact_uri}/model"

    with check("delete_model_version"):
        client.delete_model_version(new_name, "1")
        expect_mlflow_error("RESOURCE_DOES_NOT_EXIST", client.get_model_version, new_name, "1")
        remaining = [str(v.version) for v in client.search_model_versions(f"name='{new_name}'")]
        assert remaining == ["2"], remaining

    with check("delete_registered_model; get of a missing model raises RESOURCE_DOES_NOT_EXIST"):
        client.delete_registered_model(new_name)
        expect_mlflow_error("RESOURCE_DOES_NOT_EXIST", client.get_registered_model, new_name)
        assert client.search_registered_models(filter_string=f"name = '{new_name}'") == []


# --------------------------------------------------------------------------------------
# Identity: a server that requires credentials (Steward)
# --------------------------------------------------------------------------------------


def native_get(path):
    """GET on Steward's native API with the same credentials the MLflow client sends."""
    import requests

    uri = os.environ["MLFLOW_TRACKING_URI"].rstrip("/")
    token = os.environ.get("MLFLOW_TRACKING_TOKEN")
    if token:
        return requests.get(uri + path, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    auth = (os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"])
    return requests.get(uri + path, auth=auth, timeout=30)


def identity():
    user = os.environ["COMPAT_EXPECT_USER"]
    mlflow.set_experiment(f"compat-identity-{uid()}")

    with check("a run records the authenticated user, not the one the client claims"):
        with mlflow.start_run(run_name="compat-identity") as active:
            run_id = active.info.run_id
            mlflow.log_metric("m", 1.0)
        run = client.get_run(run_id)
        assert run.info.user_id == user, run.info.user_id
        assert run.data.tags.get("mlflow.user") == user, run.data.tags.get("mlflow.user")
        assert client.create_run(active.info.experiment_id).info.user_id == user

    with check("a wrong token is refused with UNAUTHENTICATED"):
        saved = {k: os.environ.pop(k) for k in ("MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD", "MLFLOW_TRACKING_TOKEN") if k in os.environ}
        os.environ["MLFLOW_TRACKING_TOKEN"] = "stw_" + "x" * 43
        try:
            expect_mlflow_error("UNAUTHENTICATED", client.search_experiments)
        finally:
            del os.environ["MLFLOW_TRACKING_TOKEN"]
            os.environ.update(saved)
        client.search_experiments(max_results=1)

    domain = os.environ.get("COMPAT_DOMAIN")
    if domain:
        with check(f'the "steward.domain" tag puts an experiment in domain {domain}'):
            exp_id = client.create_experiment(f"compat-domain-{uid()}", tags={"steward.domain": domain})
            response = native_get(f"/api/v1/experiments/{exp_id}")
            assert response.status_code == 200, response.text
            assert response.json()["domain"] == domain, response.json()
    forbidden = os.environ.get("COMPAT_FORBIDDEN_DOMAIN")
    if forbidden:
        with check(f"creating an experiment in domain {forbidden} is refused with PERMISSION_DENIED"):
            expect_mlflow_error(
                "PERMISSION_DENIED", client.create_experiment, f"compat-forbidden-{uid()}", tags={"steward.domain": forbidden}
            )


# --------------------------------------------------------------------------------------
# Governance: lifecycle gates hold for MLflow clients too (Steward)
# --------------------------------------------------------------------------------------


def native_send(method, path, body):
    """A write on Steward's native API with the same credentials the MLflow client sends."""
    import requests

    uri = os.environ["MLFLOW_TRACKING_URI"].rstrip("/")
    token = os.environ.get("MLFLOW_TRACKING_TOKEN")
    kwargs = {"json": body, "timeout": 30}
    if token:
        kwargs["headers"] = {"Authorization": f"Bearer {token}"}
    elif os.environ.get("MLFLOW_TRACKING_USERNAME"):
        kwargs["auth"] = (os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"])
    return requests.request(method, uri + path, **kwargs)


def governance():
    name = f"compat-governed-{uid()}"
    mlflow.set_experiment(f"compat-gov-{uid()}")
    with mlflow.start_run(run_name="compat-governed-run") as active:
        run_id = active.info.run_id
    client.create_registered_model(name)
    client.create_model_version(name, f"{client.get_run(run_id).info.artifact_uri}/model", run_id)
    domain = os.environ.get("COMPAT_DOMAIN", "default")
    response = native_send("PUT", f"/api/v1/governance/models/{name}", {"owner": "compat", "domain": domain})
    assert response.status_code in (200, 201), response.text

    with check("a governed version cannot move to Staging while its gates are open: RESOURCE_CONFLICT naming them"):
        e = expect_mlflow_error("RESOURCE_CONFLICT", client.transition_model_version_stage, name, "1", "Staging")
        assert "business-kpi" in str(e) and "model-card" in str(e), str(e)
        assert client.get_model_version(name, "1").current_stage == "None"

    with check("nor to Production, nor take the protected alias champion"):
        e = expect_mlflow_error("RESOURCE_CONFLICT", client.transition_model_version_stage, name, "1", "Production")
        assert "production-approval" in str(e), str(e)
        expect_mlflow_error("RESOURCE_CONFLICT", client.set_registered_model_alias, name, "champion", "1")
        assert client.get_registered_model(name).aliases == {}

    with check("an unprotected alias and a move to Archived are not gated"):
        client.set_registered_model_alias(name, "candidate", "1")
        assert client.get_model_version(name, "1").aliases == ["candidate"]
        assert client.transition_model_version_stage(name, "1", "Archived").current_stage == "Archived"


# --------------------------------------------------------------------------------------


def main():
    global client
    uri = os.environ.get("MLFLOW_TRACKING_URI")
    if not uri:
        print("MLFLOW_TRACKING_URI is not set (e.g. http://127.0.0.1:5000)", file=sys.stderr)
        sys.exit(2)
    if os.environ.get("COMPAT_TRACE"):
        install_trace()
    def preflight():
        import requests

        with check(f"server reachable at {uri}"):
            try:
                requests.get(uri, timeout=10)  # any HTTP answer will do, even a 404
            except requests.exceptions.RequestException as e:
                raise AssertionError(f"cannot reach the tracking server: {e}") from None

    print(f"MLflow client {mlflow.__version__} against {uri}", flush=True)
    checks.run_area("preflight", preflight)
    if checks.failed:
        checks.finish()
    mlflow.set_tracking_uri(uri)
    client = MlflowClient()
    started = time.time()

    checks.run_area("fluent tracking", tracking_fluent)
    checks.run_area("artifacts", artifacts)
    checks.run_area("search and lifecycle", search_and_lifecycle)
    checks.run_area("model registry", registry)
    checks.run_area("governance", governance)
    if os.environ.get("COMPAT_EXPECT_USER"):
        checks.run_area("identity", identity)

    print(f"({time.time() - started:.1f}s)", flush=True)
    checks.finish()


if __name__ == "__main__":
    main()
