#!/usr/bin/env bash
# Makes the official MLflow 2.12.2 Python client usable for tests/compat/mlflow_client_check.py.
#
# - Installs the client's dependencies from Debian (python3-* packages for /usr/bin/python3;
#   PyPI is not reachable from this project's machines).
# - Does NOT download MLflow: it only checks that an MLflow source tree is present at
#   $MLFLOW_SOURCE (default /opt/mlflow-client/src), i.e. $MLFLOW_SOURCE/mlflow/__init__.py.
#   The tree is `git archive v2.12.2 mlflow` of MLflow's repository (no build step is needed
#   for the client: it is pure Python plus the checked-in *_pb2.py protobuf modules).
#
# Idempotent: packages already installed are skipped (no apt-get call at all when nothing is
# missing). Run as root, or with sudo available.
#
# Usage:
#   scripts/setup-mlflow-client.sh              # client dependencies only
#   scripts/setup-mlflow-client.sh --with-server
#       also the Debian packages the official MLflow server needs (flask, sqlalchemy,
#       alembic, gunicorn) to run it as a reference; the server additionally imports the
#       pure-Python `querystring_parser` module, which Debian does not package: put it on
#       PYTHONPATH yourself (see /opt/mlflow-client/README.txt).
#
# Then:
#   MLFLOW_TRACKING_URI=http://127.0.0.1:5000 PYTHONPATH="$MLFLOW_SOURCE" \
#     /usr/bin/python3 tests/compat/mlflow_client_check.py
set -euo pipefail

MLFLOW_SOURCE="${MLFLOW_SOURCE:-/opt/mlflow-client/src}"
EXPECTED_VERSION="2.12.2"
PYTHON=/usr/bin/python3   # Debian's python: the python3-* packages install for it only

with_server=0
for arg in "$@"; do
  case "$arg" in
    --with-server) with_server=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

# What `import mlflow` and the tracking / registry / artifact client paths import.
client_packages=(
  python3-protobuf            # google.protobuf (mlflow/protos/*_pb2.py)
  python3-requests            # REST client
  python3-packaging
  python3-yaml
  python3-click
  python3-sqlparse            # search filter parsing (client side validation)
  python3-tz
  python3-entrypoints         # plugin registries
  python3-importlib-metadata
  python3-numpy               # mlflow.data, metrics
  python3-pandas              # mlflow.data.from_pandas, mlflow.search_runs DataFrame
  python3-scipy               # dataset schema inference imports scipy.sparse; without it the
                              # logged dataset silently has an empty schema
)
server_packages=(
  python3-flask
  python3-sqlalchemy
  python3-alembic
  python3-gunicorn
)

packages=("${client_packages[@]}")
if [ "$with_server" = 1 ]; then
  packages+=("${server_packages[@]}")
fi

if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Debian packages already installed"
fi

if [ ! -f "$MLFLOW_SOURCE/mlflow/__init__.py" ]; then
  cat >&2 <<EOF
MLflow source not found at $MLFLOW_SOURCE (expected $MLFLOW_SOURCE/mlflow/__init__.py).
This script does not download it. Export MLflow v$EXPECTED_VERSION's "mlflow" directory there,
e.g. from a clone of MLflow's repository:
  mkdir -p $MLFLOW_SOURCE && git archive v$EXPECTED_VERSION mlflow | tar -x -C $MLFLOW_SOURCE
or point MLFLOW_SOURCE at an existing copy.
EOF
  exit 1
fi

version="$(PYTHONPATH="$MLFLOW_SOURCE" "$PYTHON" -c \
  'import warnings; warnings.filterwarnings("ignore"); import mlflow; from mlflow import MlflowClient; print(mlflow.__version__)')"
if [ "$version" != "$EXPECTED_VERSION" ]; then
  echo "warning: MLflow at $MLFLOW_SOURCE is $version, the check was written for $EXPECTED_VERSION" >&2
fi
echo "MLflow $version client importable: PYTHONPATH=$MLFLOW_SOURCE $PYTHON"
