#!/usr/bin/env bash
# Dues report benchmark (not a test): seeds MEMBERS (default 200,000) members with a year of dues into a fresh
# SQLite database, starts the app on 127.0.0.1, signs in as the Ban Tổ chức (whole đảng bộ) and times
# /Reports/dues for last year and this year (every cell of the tree: DuesSnapshot's three queries, one grouped SUM,
# the owed months judged in memory), its .xlsx export, the whole tree's /Dues/Arrears?year= and the home page
# (which draws the dues chart from the same figures: first view computed, then kept in memory). Prints seconds per request and the server's memory.
#
# Usage: tests/bench/dues-report.sh        env: MEMBERS=200000 PORT=5394 KEEP=0 ARTIFACTS=…
set -euo pipefail

MEMBERS=${MEMBERS:-200000}
PORT=${PORT:-5394}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bench_tools sqlite3 curl
bench_build
bench_seed "$MEMBERS"
bench_start
bench_sign_in

YEAR=$(date -u -d '+7 hours' +%Y)
LAST=$((YEAR - 1))
curl -fsS -b "$JAR" -o /dev/null "$BASE/Reports"
IDLE_RSS=$(rss_mb)

timed() {
    local label=$1 url=$2 figures
    figures=$(curl -fsS -b "$JAR" -o "$WORK/page.out" -w '%{http_code} %{time_total} %{size_download}' "$BASE$url")
    printf '| %s | `%s` | %s | %s |\n' "$label" "$url" "$figures" "$(peak_mb)"
}

echo
echo "Dues report benchmark: $(sqlite3 "$WORK/data/partyroster.db" "SELECT COUNT(*) FROM Members") members," \
     "$(sqlite3 "$WORK/data/partyroster.db" "SELECT COUNT(*) FROM DuesBases") bases," \
     "$(sqlite3 "$WORK/data/partyroster.db" "SELECT COUNT(*) FROM DuesPayments") payments (seeded in ${SEED_SECONDS}s); idle RSS ${IDLE_RSS} MiB"
echo
echo "| request | url | status, seconds, bytes | peak RSS MiB |"
echo "|---|---|---|---|"
timed "report, last year (first)" "/Reports/dues?Year=$LAST"
timed "report, last year" "/Reports/dues?Year=$LAST"
timed "report, this year" "/Reports/dues?Year=$YEAR"
timed "report .xlsx" "/Reports/dues?Year=$LAST&handler=Xlsx"
timed "arrears, whole tree, last year" "/Dues/Arrears?year=$LAST"
timed "home page, first view (every chart computed)" "/"
timed "home page, next view (figures kept, Dashboard:RefreshMinutes)" "/"
timed "home page, \"Tính lại ngay\"" "/?refresh=true"
