# Sourced by backup.sh and restore.sh: turns the app's connection string (ConnectionStrings__DangVien, Npgsql's
# "Key=Value;…" form) into libpq's PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, and finds the client programs.
# Without a connection string the PG* variables already set are used as they are.

pg_from_connection_string() {
  local cs=$1 part key value
  local IFS=';'
  for part in $cs; do
    [[ $part == *=* ]] || continue
    key=$(printf '%s' "${part%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')
    value=${part#*=}
    value=${value#"${value%%[![:space:]]*}"}
    value=${value%"${value##*[![:space:]]}"}
    value=${value#\"}; value=${value%\"}; value=${value#\'}; value=${value%\'}
    case "$key" in
      host|server) export PGHOST=$value ;;
      port) export PGPORT=$value ;;
      database|db) export PGDATABASE=$value ;;
      username|userid|user|uid) export PGUSER=$value ;;
      password|pwd|psw) export PGPASSWORD=$value ;;
    esac
  done
}

# The directory of pg_dump/pg_restore/psql: PG_BIN when set, else the newest /usr/lib/postgresql/*/bin, else PATH.
pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$b" ]; then echo "$b"; return; fi
  b=$(command -v pg_dump || true)
  [ -n "$b" ] || { echo "pg_dump not found: install PostgreSQL's client programs or set PG_BIN." >&2; exit 1; }
  dirname "$b"
}

if [ -n "${ConnectionStrings__DangVien:-}" ]; then
  pg_from_connection_string "$ConnectionStrings__DangVien"
fi
