#!/usr/bin/env bash
# Restores a backup made by backup.sh into a database of its own name (created when it does not exist).
#
#   scripts/restore.sh FILE --database NAME [--force]
#
# The server and the user are the app's (ConnectionStrings__DangVien, or PGHOST, PGPORT, PGUSER, PGPASSWORD); the user
# needs CREATEDB when NAME does not exist. A database that already holds tables is refused unless --force, which drops
# its objects that the backup holds before restoring them. The restore is one transaction: it applies whole or not at
# all. Then point ConnectionStrings__DangVien at NAME; start the app with --migrate if the backup is from an older
# version (/health/ready answers 503 while a migration is pending).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=pgenv.sh
. "$here/pgenv.sh"

file=
target=
force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --database) target=${2:?--database needs a name}; shift 2 ;;
    --force) force=true; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) [ -z "$file" ] || { echo "one backup file only" >&2; exit 2; }; file=$1; shift ;;
  esac
done

usage="usage: $0 FILE --database NAME [--force]"
[ -n "$file" ] && [ -n "$target" ] || { echo "$usage" >&2; exit 2; }
[ -f "$file" ] || { echo "$file: no such backup file" >&2; exit 2; }
[[ $target =~ ^[A-Za-z_][A-Za-z0-9_-]{0,62}$ ]] || { echo "database name '$target': letters, digits, _ and - only" >&2; exit 2; }

bin=$(pg_bin)
"$bin/pg_restore" --list "$file" >/dev/null || { echo "$file is not a pg_dump custom-format backup" >&2; exit 2; }

psql_on() { "$bin/psql" --no-password --no-psqlrc -v ON_ERROR_STOP=1 -qtA --dbname="$1" -c "$2"; }

exists=$(psql_on postgres "SELECT count(*) FROM pg_database WHERE datname = '$target'")
clean=()
if [ "$exists" = 1 ]; then
  tables=$(psql_on "$target" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
  if [ "$tables" != 0 ]; then
    if [ "$force" != true ]; then
      echo "Database '$target' is not empty ($tables tables): refused. Restore into a new name, or add --force to replace what it holds." >&2
      exit 1
    fi
    clean=(--clean --if-exists)
  fi
else
  psql_on postgres "CREATE DATABASE \"$target\""
fi

"$bin/pg_restore" --no-password --no-owner --no-privileges --exit-on-error --single-transaction "${clean[@]}" \
  --dbname="$target" "$file"
echo "Restored $file into database '$target'."
