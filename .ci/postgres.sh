#!/usr/bin/env bash
# Installs (when missing) and starts Debian's PostgreSQL, and creates the test role and database.
# Prints the connection URL on its last line. Idempotent: safe to run on a machine that has both.
set -euo pipefail
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing Debian's postgresql (server tests and the contract suite run on it)…" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  $SUDO pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  $SUDO pg_ctlcluster "$version" main start
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -c "$(printf '%q ' "$@")"; else sudo -u postgres "$@"; fi
}
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtc \
  "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pipeline_connect') THEN CREATE ROLE pipeline_connect LOGIN CREATEDB PASSWORD 'pipeline_connect'; END IF; END \$\$;" >/dev/null
if ! as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'pipeline_connect_test'" | grep -q 1; then
  as_postgres createdb -p "$port" -O pipeline_connect pipeline_connect_test
fi
echo "postgresql://pipeline_connect:pipeline_connect@127.0.0.1:${port}/pipeline_connect_test"
