#!/usr/bin/env bash
# Starts DangVien on http://localhost:5080 with the demo province.
#
# Without a configured connection string (ConnectionStrings__DangVien), it brings up a local
# PostgreSQL from the machine's binaries, keeping its data in .data/pg (git-ignored) so it survives
# restarts; the app applies the migrations and loads the demo province into an empty database.
# Ctrl-C stops the app; the database keeps running with its data (stop it: scripts/pg.sh stop .data/pg).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ -z "${ConnectionStrings__DangVien:-}" ]; then
  port=${DANGVIEN_PG_PORT:-5433}
  mkdir -p .data
  data="$root/.data/pg"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$root/.data" 2>/dev/null; then
    # The postgres user cannot reach this checkout (e.g. under /root): keep the data elsewhere.
    data="/var/tmp/dangvien-$(printf '%s' "$root" | md5sum | cut -c1-8)/pg"
    mkdir -p "$(dirname "$data")" && chmod 755 "$(dirname "$data")"
    ln -sfn "$data" "$root/.data/pg-location"
  fi
  scripts/pg.sh start "$data" "$port"
  echo "PostgreSQL: 127.0.0.1:$port, data in $data"
  export ConnectionStrings__DangVien
  ConnectionStrings__DangVien=$(scripts/pg.sh url "$data" "$port")
fi

exec dotnet run --project src/DangVien.Web -c Release --launch-profile DangVien.Web -- --migrate --seed-demo --Demo:ShowCredentials=true "$@"
