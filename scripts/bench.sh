#!/usr/bin/env bash
# Province-scale benchmarks and load test, in one command; prints a table (also written to bench/results/).
#
#   scripts/bench.sh                      generate (or reuse) the province, service benchmarks, pages, 60 s of load
#   scripts/bench.sh --load 600           the 10-minute mixed load of the record
#   scripts/bench.sh --load 180 --pg-outage-at 60 --pg-outage-for 30 --restart-app-at 130
#                                         the failure run: PostgreSQL stopped 30 s in the middle, the app killed
#                                         (SIGKILL) and started again later, every write counted afterwards
#   options: --only-load (skip the benchmarks and pages)  --skip-load  --no-build  --iterations N (BenchmarkDotNet, default 15)
#            --page-seconds N (wrk, default 15)  --connections N (default 32)
#   environment: BENCH_PG_DIR (default .data/bench-pg), BENCH_PG_PORT (5434), BENCH_APP_PORT (5090),
#                BENCH_SCENARIOS (comma-separated service scenarios, default all; see bench/DangVien.Benchmarks/Scenarios.cs)
#
# Needs what scripts/run.sh needs, plus wrk (installed from Debian's packages when missing, as root).
# The cluster keeps running afterwards with the province in it (a second run reuses it);
# stop it with scripts/pg.sh stop .data/bench-pg. The app started here is stopped at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
pg_dir=${BENCH_PG_DIR:-$root/.data/bench-pg}
pg_port=${BENCH_PG_PORT:-5434}
app_port=${BENCH_APP_PORT:-5090}
load_seconds=60
outage_at=""
outage_for=30
restart_at=""
only_load=false
no_build=false
skip_load=false
iterations=15
page_seconds=15
connections=32
while [ $# -gt 0 ]; do
  case "$1" in
    --load) load_seconds=$2; shift 2 ;;
    --pg-outage-at) outage_at=$2; shift 2 ;;
    --pg-outage-for) outage_for=$2; shift 2 ;;
    --restart-app-at) restart_at=$2; shift 2 ;;
    --only-load) only_load=true; shift ;;
    --no-build) no_build=true; shift ;;
    --skip-load) skip_load=true; shift ;;
    --iterations) iterations=$2; shift 2 ;;
    --page-seconds) page_seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

results=$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$results"
echo "results in $results"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
db="Host=127.0.0.1;Port=$pg_port;Username=dangvien;Database=province"
psql_db() { "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U dangvien -d province -v ON_ERROR_STOP=1 "$@"; }
load_now() { cut -d' ' -f1-3 /proc/loadavg; }

if ! command -v wrk >/dev/null; then
  echo "wrk is missing: installing Debian's wrk..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y wrk; fi
fi

# --- the machine ---------------------------------------------------------------------------------
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "memory: $(free -m | awk '/Mem:/ {print $2}') MB"
  echo "postgres: $("$bin/postgres" --version)"
  echo "dotnet: $(dotnet --version)"
  echo "load at start: $(load_now)"
} | tee "$results/machine.txt"

# --- the database: a generated province, made once ---------------------------------------------
scripts/pg.sh start "$pg_dir" "$pg_port"
if ! "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U dangvien -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='province'" | grep -q 1; then
  "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U dangvien province
fi
if [ "$no_build" = false ]; then
  echo "building (Release)..."
  dotnet build DangVien.sln -c Release -v q -nologo | grep -E "error|Warn|Elapsed" || true
fi
web=src/DangVien.Web/bin/Release/net10.0/DangVien.Web.dll
generated="reused"
if [ "$(psql_db -tAc "SELECT to_regclass('org_units') IS NOT NULL AND EXISTS (SELECT 1 FROM org_units)" 2>/dev/null)" != "t" ]; then
  echo "generating the province (load $(load_now))..."
  generated=$(ConnectionStrings__DangVien="$db" dotnet "$web" generate --size province | tail -n 1)
fi
echo "generator: $generated" | tee -a "$results/machine.txt"
psql_db -tAc "SELECT 'data: ' || (SELECT count(*) FROM org_units) || ' units, ' || (SELECT count(*) FROM members) || ' members, ' || (SELECT count(*) FROM candidates) || ' candidates, ' || (SELECT count(*) FROM stage_entries) || ' history entries'" | tee -a "$results/machine.txt"

# --- the app: Release, Production settings, http on 127.0.0.1 -----------------------------------
app_pid=""
sampler_pid=""
# Every simulated user signs in from 127.0.0.1: the per-address and per-name sign-in limits would refuse them.
export SignInLimits__AttemptsPerAddress=1000000 SignInLimits__AttemptsPerUserName=1000000
wait_for_health() {
  for _ in $(seq 1 120); do
    if curl -sf -o /dev/null "http://127.0.0.1:$app_port/health"; then return 0; fi
    sleep 0.5
  done
  echo "the app did not answer /health; see $results/app.log" >&2
  return 1
}
# The bench users copy the demo users' password hash (bench/sql/users.sql). The demo users are created by
# --seed-demo, which the app allows only in Development (DemoGuard): once, on a database without them, a short
# Development start on 127.0.0.1 creates them and is stopped; the measured app never runs with the demo switched on.
seed_demo_users() {
  if [ "$(psql_db -tAc "SELECT count(*) FROM asp_net_users WHERE user_name = 'bithu'" 2>/dev/null || echo 0)" = 1 ]; then return 0; fi
  echo "creating the demo users (a short start in Development with --seed-demo)..."
  ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__DangVien="$db" Urls="http://127.0.0.1:$app_port" \
    dotnet "$web" --migrate --seed-demo >>"$results/app-seed.log" 2>&1 &
  app_pid=$!
  wait_for_health || { echo "see $results/app-seed.log" >&2; return 1; }
  stop_app
  app_pid=""
  if [ "$(psql_db -tAc "SELECT count(*) FROM asp_net_users WHERE user_name = 'bithu'")" != 1 ]; then
    echo "the demo users were not created; see $results/app-seed.log" >&2
    return 1
  fi
}
start_app() {
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__DangVien="$db" Urls="http://127.0.0.1:$app_port" \
    dotnet "$web" --migrate >>"$results/app.log" 2>&1 &
  app_pid=$!
  echo "$app_pid" >"$results/app.pid"
  wait_for_health
}
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
}
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  stop_app
  # The app restarted by the failure run is not this shell's child: stop it by the pid it wrote.
  if [ -f "$results/app.pid" ] && [ "$(cat "$results/app.pid")" != "$app_pid" ]; then kill "$(cat "$results/app.pid")" 2>/dev/null || true; fi
}
trap cleanup EXIT
if curl -s -o /dev/null "http://127.0.0.1:$app_port/health"; then
  echo "something already answers on port $app_port (an app left from an earlier run?): stop it or set BENCH_APP_PORT" >&2
  exit 1
fi
seed_demo_users
start_app
# The demo users exist now; the bench users copy their password.
psql_db -q -f bench/sql/users.sql >"$results/users.txt"

# Resident memory of the app once a second (the pid changes when the failure run restarts the app).
( while true; do
    pid=$(cat "$results/app.pid" 2>/dev/null || true)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    echo "$(date +%s) $rss $(cut -d' ' -f1 /proc/loadavg)" >>"$results/memory.txt"
    sleep 1
  done ) &
sampler_pid=$!
mem_max() { awk -v from="$1" -v to="$2" '$1 >= from && $1 <= to && $2 > max {max = $2} END {printf "%.0f", max / 1024}' "$results/memory.txt"; }

sign_in() { # user -> Cookie header value
  local jar="$results/$1.jar" page token
  page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$app_port/account/login")
  token=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=DangVien2026" "http://127.0.0.1:$app_port/account/login"
  awk '!/^#/ || /^#HttpOnly_/ {if (NF >= 7) printf "%s=%s; ", $6, $7}' "$jar"
}

year=$(TZ=Asia/Ho_Chi_Minh date +%Y)
province_unit=$(psql_db -tAc "SELECT org_unit_id FROM role_assignments WHERE user_id = 'bench-bench_province'")
commune_unit=$(psql_db -tAc "SELECT org_unit_id FROM role_assignments WHERE user_id = 'bench-bench_commune'")
export DANGVIEN_BENCH_CONNECTION="$db" DANGVIEN_BENCH_ITERATIONS="$iterations"
table=$results/table.tsv
printf 'what\tmedian ms\tp95 ms\treq/s\tbare SQL median ms\tratio\ttarget\tload\n' >"$table"

if [ "$only_load" = false ]; then
  # --- service layer: BenchmarkDotNet, each call against its own SQL replayed bare ------------
  echo "service benchmarks (BenchmarkDotNet, $iterations iterations, load $(load_now))..."
  DANGVIEN_BENCH_SCENARIOS=${BENCH_SCENARIOS:-dashboard-cell,dashboard-commune,dashboard-province,dashboard-cell-computed,dashboard-commune-computed,dashboard-province-computed,list-commune-filtered,list-commune-overdue,list-province-overdue,alerts-province,report-province} \
    dotnet bench/DangVien.Benchmarks/bin/Release/net10.0/DangVien.Benchmarks.dll bdn --out "$results/bdn.tsv" >"$results/bdn.log" 2>&1 \
    || { echo "BenchmarkDotNet failed, see $results/bdn.log" >&2; tail -n 30 "$results/bdn.log" >&2; }
  # The ten-year trend takes seconds per call: a few iterations only.
  if [ -z "${BENCH_SCENARIOS:-}" ]; then
    DANGVIEN_BENCH_SCENARIOS=trend-province-10y DANGVIEN_BENCH_ITERATIONS=3 \
      dotnet bench/DangVien.Benchmarks/bin/Release/net10.0/DangVien.Benchmarks.dll bdn --out "$results/bdn-trend.tsv" >"$results/bdn-trend.log" 2>&1 \
      && tail -n +2 "$results/bdn-trend.tsv" >>"$results/bdn.tsv" \
      || { echo "BenchmarkDotNet (trend) failed, see $results/bdn-trend.log" >&2; }
  fi
  bdn_load=$(load_now)
  sql_median() { awk -F'\t' -v s="$1" '$1 == s && $2 == "Sql" {print $3}' "$results/bdn.tsv"; }
  target_of() {
    case "$1" in
      dashboard-cell|dashboard-cell-computed) echo "median < 30, p95 < 100" ;;
      dashboard-commune|dashboard-commune-computed|list-commune-*) echo "p95 < 150" ;;
      report-province) echo "< 1000" ;;
      trend-province-10y) echo "< 2000 (trend)" ;;
      *) echo "fast" ;;
    esac
  }
  while IFS=$'\t' read -r scenario method median p95 _; do
    [ "$method" = "Service" ] || continue
    sql=$(sql_median "$scenario")
    ratio=$(awk -v a="$median" -v b="$sql" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "-"}')
    printf 'service %s\t%s\t%s\t-\t%s\t%s\t%s\t%s\n' "$scenario" "$median" "$p95" "$sql" "$ratio" "$(target_of "$scenario")" "$bdn_load" >>"$table"
  done <"$results/bdn.tsv"

  # Requests per second of the cell dashboard's service call and of its bare SQL, 32 at once.
  dotnet bench/DangVien.Benchmarks/bin/Release/net10.0/DangVien.Benchmarks.dll throughput dashboard-cell "$connections" 10 >"$results/throughput.txt" 2>&1 || true
  sql_rps=$(grep -o 'sql_rps=[0-9]*' "$results/throughput.txt" | cut -d= -f2 || echo "")
  service_rps=$(grep -o 'service_rps=[0-9]*' "$results/throughput.txt" | cut -d= -f2 || echo "")
  printf 'service dashboard-cell, %s at once\t-\t-\t%s\t%s req/s\t%s\t-\t%s\n' "$connections" "$service_rps" "$sql_rps" \
    "$(awk -v a="$service_rps" -v b="$sql_rps" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')" "$(load_now)" >>"$table"

  # --- pages: wrk through the running app, signed in ------------------------------------------
  # A fresh sign-in for every page: wrk sends the same cookie throughout, and a cookie older than the security-stamp
  # interval (1 minute) would make every request check the stamp again (three queries), which a browser, taking the
  # renewed cookie, does once a minute.
  page() { # name user path connections target sql-scenario
    local from to line rps ratio sql cookie
    cookie=$(sign_in "$2")
    from=$(date +%s)
    line=$(wrk -t "$([ "$4" -gt 1 ] && echo 2 || echo 1)" -c "$4" -d "${page_seconds}s" --timeout 10s -s bench/wrk/page.lua \
      -H "Cookie: $cookie" "http://127.0.0.1:$app_port$3" | grep '^WRK' || echo "WRK	0	0	0	0	0	-1")
    to=$(date +%s)
    IFS=$'\t' read -r _ requests p50 p95 _ rps errors <<<"$line"
    sql=$(sql_median "$6")
    ratio=$(awk -v a="$p50" -v b="$sql" 'BEGIN {if (b > 0) printf "%.1f", a / b; else print "-"}')
    printf 'page %s (%s conn)\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$4" "$p50" "$p95" "$rps" "$sql" "$ratio" "$5" "$(load_now)" >>"$table"
    echo "$1 c=$4: $requests requests, $errors errors (non-200 or socket), max RSS $(mem_max "$from" "$to") MB" | tee -a "$results/pages.txt"
  }
  echo "pages (wrk, ${page_seconds} s each)..."
  page "dashboard, cell secretary" bench_cell "/" 1 "p95 < 20 (issue 19)" dashboard-cell
  page "dashboard, cell secretary" bench_cell "/" "$connections" ">= 1000 req/s (issue 19)" dashboard-cell
  page "dashboard, commune (50 cells)" bench_commune "/" 1 "p95 < 150" dashboard-commune
  page "dashboard, commune (50 cells)" bench_commune "/" "$connections" "-" dashboard-commune
  page "candidates, commune, stage+year" bench_commune "/candidates?unit=$commune_unit&stage=Source&year=$((year - 1))&sort=StageSince" 1 "p95 < 150" list-commune-filtered
  page "candidates, commune, overdue" bench_commune "/candidates?unit=$commune_unit&overdue=true" 1 "p95 < 150" list-commune-overdue
  page "dashboard, province board" bench_province "/" 1 "fast" dashboard-province
  page "candidates, province, overdue" bench_province "/candidates?unit=$province_unit&overdue=true" 1 "fast" list-province-overdue
  page "yearly report, province" bench_province "/reports?unit=$province_unit&year=$((year - 1))" 1 "< 1000" report-province
  page "ten-year trend, province" bench_province "/reports/trend?unit=$province_unit&from=$((year - 10))&to=$((year - 1))" 1 "< 2000" trend-province-10y
fi

# --- mixed load with writes, optionally with PostgreSQL away and the app killed -------------------
if [ "$skip_load" = false ]; then
  echo "mixed load: $connections connections, $load_seconds s (load $(load_now))..."
  load_from=$(date +%s)
  if [ -n "$outage_at" ]; then
    ( sleep "$outage_at"
      echo "$(date +%s) stopping PostgreSQL for $outage_for s" >>"$results/events.txt"
      scripts/pg.sh stop "$pg_dir"
      curl -s -w ' %{http_code}\n' "http://127.0.0.1:$app_port/health" >>"$results/events.txt" || true
      sleep "$outage_for"
      scripts/pg.sh start "$pg_dir" "$pg_port"
      echo "$(date +%s) PostgreSQL started again" >>"$results/events.txt" ) &
  fi
  if [ -n "$restart_at" ]; then
    ( sleep "$restart_at"
      pid=$(cat "$results/app.pid")
      echo "$(date +%s) killing the app (SIGKILL, pid $pid) in the middle of the traffic" >>"$results/events.txt"
      kill -KILL "$pid"
      sleep 2
      ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__DangVien="$db" Urls="http://127.0.0.1:$app_port" \
        dotnet "$web" >>"$results/app.log" 2>&1 &
      echo $! >"$results/app.pid"
      echo "$(date +%s) app started again (pid $!)" >>"$results/events.txt"
      wait ) &
    restart_pid=$!
  fi
  tolerate=()
  [ -n "$restart_at" ] && tolerate=(--tolerate-disconnects)
  set +e
  dotnet bench/DangVien.Load/bin/Release/net10.0/DangVien.Load.dll --base "http://127.0.0.1:$app_port" --connection "$db" \
    --seconds "$load_seconds" --connections "$connections" --summary "$results/load.txt" "${tolerate[@]}" | tee "$results/load.log"
  load_status=${PIPESTATUS[0]}
  set -e
  load_to=$(date +%s)
  requests_line=$(grep '^requests' "$results/load.txt" 2>/dev/null | cut -f2- || true)
  printf 'mixed load %s s, %s conn\t-\t-\t%s\t-\t-\tzero 5xx, nothing lost\t%s\n' "$load_seconds" "$connections" \
    "$(echo "$requests_line" | awk '{print $2}')" "$(load_now)" >>"$table"
  first_minute=$(mem_max "$load_from" $((load_from + 60)))
  last_minute=$(mem_max $((load_to - 60)) "$load_to")
  echo "memory under load: max $(mem_max "$load_from" "$load_to") MB; first minute max $first_minute MB, last minute max $last_minute MB" | tee -a "$results/load.txt"
  if [ -n "$restart_at" ]; then
    # The restarted app is not this shell's child: stop it by its pid.
    kill "$(cat "$results/app.pid")" 2>/dev/null || true
    wait "$restart_pid" 2>/dev/null || true
  fi
  [ -f "$results/events.txt" ] && cat "$results/events.txt"
fi

# --- the table ------------------------------------------------------------------------------------
echo
echo "import of 10,000 rows: measured by the import work" >>"$results/pages.txt"
column -t -s $'\t' "$table" | tee "$results/table.txt"
echo
cat "$results/machine.txt"
[ -f "$results/pages.txt" ] && cat "$results/pages.txt"
[ "$skip_load" = false ] && cat "$results/load.txt"
echo "memory of the app over the whole run: max $(awk '$2 > max {max = $2} END {printf "%.0f", max / 1024}' "$results/memory.txt") MB"
[ "$skip_load" = true ] || exit "$load_status"
