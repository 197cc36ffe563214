#!/usr/bin/env bash
# The one test command: starts a throwaway PostgreSQL server so the store contract tests run
# against both databases, installs Debian's chromium for the web UI's browser tests if it is
# missing, runs every test of the solution, and always removes the server.
#   ./scripts/test.sh                      all tests
#   ./scripts/test.sh --filter Postgres    extra arguments go to `dotnet test`
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pg_user="steward-test"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

find_pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  fi
}

ensure_postgres() {
  pg_bin="$(find_pg_bin)"
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL not found; installing Debian's postgresql package" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin="$(find_pg_bin)"
  fi
  if [ -z "$pg_bin" ]; then
    echo "PostgreSQL binaries are still missing after installation" >&2
    exit 1
  fi
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! ss -ltn 2>/dev/null | grep -q ":$port "; then echo "$port"; return; fi
  done
}

# postgres refuses to run as root: as root, the server runs as an unprivileged user.
run_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$pg_dir" && runuser -u "$pg_user" -- "$@")
  else
    "$@"
  fi
}

cleanup() {
  if [ -n "${pg_dir:-}" ] && [ -d "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
  fi
}

# The web UI's browser tests drive Debian's chromium through Playwright, which never downloads a browser.
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "chromium not found; installing Debian's chromium package" >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
}

ensure_postgres
ensure_chromium

pg_dir="$(mktemp -d -t steward-pg.XXXXXX)"
trap cleanup EXIT INT TERM
if [ "$(id -u)" -eq 0 ]; then
  if ! id -u "$pg_user" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_user"
  fi
  chown "$pg_user" "$pg_dir"
fi
run_pg mkdir -p "$pg_dir/socket"

run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }

port="$(free_port)"
# A throwaway server: durability settings off, loopback only, socket inside the temp dir.
if ! run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
  -o "-p $port -k $pg_dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null; then
  cat "$pg_dir/server.log" >&2 || true
  exit 1
fi

export STEWARD_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for tests at 127.0.0.1:$port"

# Skipped tests are listed at the end with their reasons (a test that could not run here, such
# as the MLflow client check without the client, is reported, never counted as passed).
print_skipped() {
  command -v python3 >/dev/null 2>&1 || { echo "$(cat "$results_dir"/*.trx | grep -o 'outcome="NotExecuted"' | wc -l) tests skipped (python3 lists their reasons)."; return; }
  python3 - "$results_dir" <<'PY_SKIPPED'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
skipped = []
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='NotExecuted']", ns):
        message = result.find("t:Output/t:ErrorInfo/t:Message", ns)
        skipped.append((result.get("testName"), (message.text or "").strip() if message is not None else ""))
print(f"\n{len(skipped)} tests skipped" + (":" if skipped else "."))
for name, reason in sorted(skipped):
    print(f"  {name}\n      {reason}")
PY_SKIPPED
}

cd "$repo_root"
results_dir="$(mktemp -d -t steward-test-results.XXXXXX)"
status=0
dotnet test Steward.slnx --logger trx --results-directory "$results_dir" "$@" || status=$?
print_skipped
rm -rf "$results_dir"
exit "$status"
