#!/usr/bin/env bash
# A local PostgreSQL cluster from the machine's own binaries (Debian's postgresql-15).
#
#   scripts/pg.sh start DATA_DIR PORT   initdb when DATA_DIR is new, start the server unless it is
#                                       already running, make sure the 'dangvien' database exists
#   scripts/pg.sh stop DATA_DIR         stop the server (the data stays)
#   scripts/pg.sh url DATA_DIR PORT     print the Npgsql connection string
#
# The server listens on 127.0.0.1 only, with trust authentication for the local superuser
# 'dangvien': a development and test cluster, never a production one. initdb refuses to run as
# root, so as root the cluster runs as the 'postgres' system user, which must be able to reach
# DATA_DIR (every parent folder needs the x bit for others).
set -euo pipefail

cmd=${1:-}
dir=${2:-}
port=${3:-5433}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop|url DATA_DIR [PORT]" >&2; exit 2; }

find_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$b" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL is not installed: installing Debian's postgresql package..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib) >&2
    b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$b" ] || { echo "PostgreSQL binaries not found under /usr/lib/postgresql (install postgresql)." >&2; exit 1; }
  echo "$b"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  url)
    echo "Host=127.0.0.1;Port=$port;Username=dangvien;Database=dangvien"
    ;;
  start)
    bin=$(find_bin)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then
      chown postgres:postgres "$dir"
      if ! runuser -u postgres -- test -w "$dir"; then
        echo "The postgres user cannot reach $dir (a parent folder lacks the x bit for others)." >&2
        exit 3
      fi
    fi
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir" -U dangvien --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
        || { cat "$dir.initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      running_port=$(sed -n 4p "$dir/postmaster.pid" 2>/dev/null || true)
      if [ -n "$running_port" ] && [ "$running_port" != "$port" ]; then
        echo "The cluster in $dir is already running on port $running_port, not $port." >&2
        exit 4
      fi
    else
      as_owner "$bin/pg_ctl" -D "$dir" -w -t 30 -l "$dir/server.log" \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c synchronous_commit=${PG_SYNC_COMMIT:-on} -c full_page_writes=${PG_FSYNC:-on}" start >/dev/null \
        || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    fi
    if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U dangvien -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='dangvien'" | grep -q 1; then
      "$bin/createdb" -h 127.0.0.1 -p "$port" -U dangvien dangvien
    fi
    ;;
  stop)
    bin=$(find_bin)
    if [ -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop|url DATA_DIR [PORT]" >&2; exit 2
    ;;
esac
