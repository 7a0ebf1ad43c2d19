#!/usr/bin/env bash
# Backs up the DangVien database with pg_dump in its custom format (-Fc: compressed, restored with restore.sh).
#
#   scripts/backup.sh [--dir DIR | --output FILE]
#
# The database is the app's: ConnectionStrings__DangVien (Npgsql's "Host=…;Port=…;Database=…;Username=…;Password=…"),
# or, when that is not set, the standard PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD (or ~/.pgpass).
# The file is DIR/dangvien-<database>-<UTC date and time>.dump (DIR: the current folder); an existing file is never
# overwritten. The file holds personal data: it is readable by its owner only. Prints the file's path.
set -euo pipefail
umask 077
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=pgenv.sh
. "$here/pgenv.sh"

dir=.
file=
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=${2:?--dir needs a folder}; shift 2 ;;
    --output) file=${2:?--output needs a file name}; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: $0 [--dir DIR | --output FILE])" >&2; exit 2 ;;
  esac
done

[ -n "${PGDATABASE:-}" ] || { echo "No database named: set ConnectionStrings__DangVien or PGDATABASE." >&2; exit 2; }
if [ -z "$file" ]; then
  mkdir -p "$dir"
  file="$dir/dangvien-$PGDATABASE-$(date -u +%Y%m%d-%H%M%S).dump"
fi
if [ -e "$file" ]; then
  echo "$file exists already: a backup is never overwritten." >&2
  exit 1
fi

bin=$(pg_bin)
partial="$file.partial.$$"
trap 'rm -f "$partial"' EXIT
"$bin/pg_dump" --format=custom --no-password --file="$partial" "$PGDATABASE"
# mv -n leaves the partial file in place when a file of that name appeared meanwhile.
mv -n "$partial" "$file"
if [ -e "$partial" ]; then
  echo "$file appeared during the backup: it was not overwritten." >&2
  exit 1
fi
echo "$file"
