#!/usr/bin/env bash
# Builds DangVien and runs every test project against a real, throw-away PostgreSQL cluster.
# Set DANGVIEN_TEST_CONNECTION to use an existing server instead (a superuser connection: each test
# creates its own database). Ends with one line: "tests: N passed, M failed".
#   --fast   leaves out the tests marked [Trait("Category", "Browser")] or "Performance": the inner loop.
set -euo pipefail
filter=()
fast=false
for arg in "$@"; do
  case "$arg" in
    --fast) fast=true; filter=(--filter "Category!=Browser&Category!=Performance") ;;
    *) echo "usage: scripts/test.sh [--fast]" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# Browser tests drive Debian's Chromium (never a downloaded browser build).
if ! $fast && [ -z "${DANGVIEN_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "The browser tests need Chromium: apt-get install chromium (or set DANGVIEN_CHROMIUM)." >&2
    exit 1
  fi
fi

# The PDF exports draw with DejaVu Sans (Vietnamese glyphs), and their tests read the PDFs back with pdftotext.
missing=()
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} for the PDF exports and their tests..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "The PDF export tests need: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

dotnet build DangVien.sln -c Release -nologo -clp:ErrorsOnly

if [ -z "${DANGVIEN_TEST_CONNECTION:-}" ]; then
  tmp=$(mktemp -d /tmp/dangvien-test-pg.XXXXXX)
  chmod 755 "$tmp"
  port=$(( 20000 + RANDOM % 30000 ))
  # A throw-away cluster: durability settings off for speed.
  PG_FSYNC=off PG_SYNC_COMMIT=off scripts/pg.sh start "$tmp/data" "$port"
  trap 'scripts/pg.sh stop "$tmp/data"; rm -rf "$tmp"' EXIT
  export DANGVIEN_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Username=dangvien;Database=postgres"
fi

status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo ${filter[@]+"${filter[@]}"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$counters")
  f=$(sed -nE 's/.* failed="([0-9]+)".*/\1/p' <<<"$counters")
  passed=$(( passed + ${p:-0} ))
  failed=$(( failed + ${f:-0} ))
done
echo "tests: $passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
