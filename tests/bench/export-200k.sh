#!/usr/bin/env bash
# Roster export benchmark (not a test): seeds MEMBERS (default 200,000) members into a fresh SQLite database,
# starts the app on 127.0.0.1, signs in as the Ban Tổ chức and downloads the whole roster (every roll state)
# from /Members?handler=Export as .xlsx and as .csv, one after the other. Prints for each: seconds to the first
# byte and to the last, bytes, rows, and the server's memory — its resident size before, and its peak (VmHWM
# in /proc/<pid>/status) after each download. The export streams: the first bytes leave at once and the peak
# stays near the idle size instead of growing with the roster.
#
# Usage: tests/bench/export-200k.sh        env: MEMBERS=200000 PORT=5393 KEEP=0 ARTIFACTS=…
# Loopback only; a few minutes, most of them seeding.
set -euo pipefail

MEMBERS=${MEMBERS:-200000}
PORT=${PORT:-5393}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bench_tools sqlite3 curl unzip
bench_build
bench_seed "$MEMBERS"
bench_start
bench_sign_in

# One roster page first, so the figures below are the export's, not the first request's.
curl -fsS -b "$JAR" -o /dev/null "$BASE/Members"
IDLE_RSS=$(rss_mb)
IDLE_PEAK=$(peak_mb)

declare -a ROWS
export_as() {
    local format=$1 file="$WORK/roster.$1" figures rows
    say "exporting .$format"
    figures=$(curl -fsS -b "$JAR" -o "$file" -w '%{time_starttransfer} %{time_total} %{size_download}' \
        "$BASE/Members?handler=Export&format=$format&State=all")
    if [[ "$format" == xlsx ]]; then
        rows=$(unzip -p "$file" xl/worksheets/sheet1.xml | grep -o '<x:row ' | wc -l)
    else
        rows=$(wc -l <"$file")
    fi
    ROWS+=("$format $figures $((rows - 1)) $(peak_mb)")
}
export_as xlsx
export_as csv

echo
echo "PartyRoster roster export benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'members: %s (seeded in %s s); server before the exports: %s MB resident, %s MB peak\n' "$MEMBERS" "$SEED_SECONDS" "$IDLE_RSS" "$IDLE_PEAK"
echo
printf '%-6s %14s %10s %12s %9s %16s\n' format 'first byte s' 'total s' 'MB' rows 'peak RSS after'
for row in "${ROWS[@]}"; do
    read -r format first total bytes rows peak <<<"$row"
    printf '%-6s %14.2f %10.1f %12.1f %9s %13s MB\n' "$format" "$first" "$total" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')" "$rows" "$peak"
done
audited=$(sqlite3 "$DB" "SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'MemberExport';")
echo "audit entries \"Xuất danh sách\": $audited"
