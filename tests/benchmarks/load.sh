#!/usr/bin/env bash
# Load test through a real client (boto3), on a store of your choice:
#   tests/benchmarks/load.sh [sqlite|postgres] [load.py options, e.g. --workers 8 --count 2000]
# Builds the emulator (Release), starts it as a separate process on a free 127.0.0.1 port on a new database, runs
# tests/benchmarks/load.py against it, then stops it and removes what it created.
#   sqlite    a new file in a temporary directory
#   postgres  the server in CONTROLPLANE_TEST_POSTGRES (a connection string, used as it is; the run acts as a fresh
#             random account so it touches no other data), else a throwaway PostgreSQL with stock settings started
#             from the machine's binaries (CONTROLPLANE_TEST_POSTGRES_BIN or /usr/lib/postgresql/<newest>/bin;
#             under root it runs as the postgres user)
# The emulator logs as shipped (each request at Information, to a file here); LOAD_QUIET=1 logs warnings only.
# Against an emulator that is already running, call load.py directly: load.py --endpoint http://127.0.0.1:4566
set -euo pipefail

store="${1:-sqlite}"
[[ $# -gt 0 ]] && shift
case "$store" in sqlite|postgres) ;; *) echo "usage: $0 [sqlite|postgres] [load.py options]" >&2; exit 2 ;; esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d /tmp/controlplane-load-XXXXXX)"
chmod 755 "$work"
emulator_pid=""
pg_data=""
as_postgres=()
[[ $EUID -eq 0 ]] && as_postgres=(runuser -u postgres --)

cleanup() {
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
    "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$pg_data" -m fast -w >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "# building the emulator (Release)" >&2
dotnet build -c Release "$repo/src/ControlPlane.Api" --nologo -v q >/dev/null
dll="$repo/src/ControlPlane.Api/bin/Release/net10.0/ControlPlane.Api.dll"

env_vars=("ControlPlane__Store=$store")
if [[ "$store" == sqlite ]]; then
  env_vars+=("ConnectionStrings__Sqlite=Data Source=$work/controlplane.db")
elif [[ -n "${CONTROLPLANE_TEST_POSTGRES:-}" ]]; then
  env_vars+=("ConnectionStrings__Postgres=$CONTROLPLANE_TEST_POSTGRES")
else
  pg_bin="${CONTROLPLANE_TEST_POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
  [[ -x "$pg_bin/initdb" ]] || { echo "no PostgreSQL binaries found: set CONTROLPLANE_TEST_POSTGRES or CONTROLPLANE_TEST_POSTGRES_BIN" >&2; exit 1; }
  pg_data="$work/pgdata"
  [[ $EUID -eq 0 ]] && chown postgres: "$work"
  "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
  pg_port="$(free_port)"
  "${as_postgres[@]}" "$pg_bin/pg_ctl" start -D "$pg_data" -l "$work/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$work" >/dev/null
  env_vars+=("ConnectionStrings__Postgres=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres")
  echo "# PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (stock settings: fsync on)" >&2
fi
[[ "${LOAD_QUIET:-0}" == 1 ]] && env_vars+=("Logging__LogLevel__ControlPlane=Warning")

port="$(free_port)"
url="http://127.0.0.1:$port"
(cd "$(dirname "$dll")" && exec env "${env_vars[@]}" dotnet "$dll" --urls "$url") >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 1 600); do
  curl -sf "$url/_controlplane/health" >/dev/null 2>&1 && break
  kill -0 "$emulator_pid" 2>/dev/null || { echo "the emulator exited:" >&2; cat "$work/emulator.log" >&2; exit 1; }
  sleep 0.1
done
curl -sf "$url/_controlplane/health" >/dev/null || { echo "the emulator did not start within 60 s" >&2; exit 1; }
echo "# emulator on $url ($store)" >&2

python3 "$repo/tests/benchmarks/load.py" --endpoint "$url" --label "$store" "$@"
