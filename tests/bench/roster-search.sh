#!/usr/bin/env bash
# Roster search benchmark (not a test): seeds MEMBERS (default 200,000) members into a fresh SQLite
# database, starts the app on 127.0.0.1 and measures with wrk, over HTTP with a signed-in cookie:
#   /health                       the same server's ceiling (no database query, no page rendering)
#   /Members?Q=nguyen+van+an      a name search without diacritics
#   /Members?Q=zzqx               the same page with no match (what the page costs besides the search)
#   /Members?OrganizationId=<id>  the subtree listing of the largest đảng bộ cơ sở
# and prints requests/s, latency percentiles (p50/p90/p95/p99), the server's memory and the seeding time.
# Target: p95 ≤ 50 ms for the search at 200,000 members.
#
# Usage: tests/bench/roster-search.sh
#   env: MEMBERS=200000 DURATION=15s WARMUP=3s THREADS=2 CONNECTIONS=8 PORT=5391 KEEP=0
#        SEARCH_QUERY=nguyen+van+an ARTIFACTS=/tmp/partyroster-bench-artifacts-<checkout>
# Loopback only; every run lasts about (4 × (WARMUP + DURATION)) plus build and seeding.
set -euo pipefail

MEMBERS=${MEMBERS:-200000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
SEARCH_QUERY=${SEARCH_QUERY:-nguyen+van+an}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bench_tools wrk sqlite3 curl
bench_build
bench_seed "$MEMBERS"
bench_start
bench_sign_in

# --- scenarios -------------------------------------------------------------------------------------
SUBTREE_ROW=$(sqlite3 -separator '|' "$DB" "
    WITH counts AS (SELECT OrganizationId AS Id, COUNT(*) AS N FROM Members GROUP BY OrganizationId)
    SELECT p.Id, p.Code, p.Name, SUM(c.N)
    FROM Organizations p
    JOIN Organizations o ON o.Path LIKE p.Path || '%'
    JOIN counts c ON c.Id = o.Id
    WHERE p.Kind = 'GrassrootsCommittee'
    GROUP BY p.Id ORDER BY SUM(c.N) DESC, p.Id LIMIT 1;")
IFS='|' read -r SUBTREE_ID SUBTREE_CODE SUBTREE_NAME SUBTREE_MEMBERS <<<"$SUBTREE_ROW"
# Approximately what the page counts: on-roll members whose folded name contains the phrase.
SEARCH_MATCHES=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Members WHERE SearchName LIKE '%$(echo "$SEARCH_QUERY" | tr '+' ' ')%'
    AND RollState IN ('Active', 'ExemptFromActivities', 'TemporarilyAway');")

SEARCH_PATH="/Members?Q=$SEARCH_QUERY"
SUBTREE_PATH="/Members?OrganizationId=$SUBTREE_ID"

# Each page must answer 200 with the cookie (a 302 to the login page would be measured as success by wrk).
for path in "$SEARCH_PATH" "$SUBTREE_PATH"; do
    status=$(curl -sS -o "$WORK/page.html" -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$path")
    [[ "$status" == 200 ]] || { echo "GET $path answered $status" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
    say "GET $path → 200, $(wc -c <"$WORK/page.html") bytes"
done

cat >"$WORK/report.lua" <<'LUA'
-- Prints one machine-readable line; wrk's latencies are in microseconds.
done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("RESULT %.1f %.2f %.2f %.2f %.2f %.2f %d %d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status, errors))
end
LUA

declare -a ROWS
run() {
    local label=$1 path=$2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -H "Cookie: $COOKIE" "$BASE$path" >/dev/null
    local line
    line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -H "Cookie: $COOKIE" -s "$WORK/report.lua" "$BASE$path" \
        | tee -a "$WORK/wrk.log" | grep '^RESULT')
    ROWS+=("$label|${line#RESULT }|$(rss_mb)")
}

say "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up) per scenario"
run "/health (ceiling)" "/health"
run "search \"$(echo "$SEARCH_QUERY" | tr '+' ' ')\" ($SEARCH_MATCHES matches)" "$SEARCH_PATH"
# The same page with a name that matches nobody: what the page costs around the search itself.
run "search with no match (page alone)" "/Members?Q=zzqx"
run "subtree $SUBTREE_CODE ($SUBTREE_MEMBERS members)" "$SUBTREE_PATH"

# --- report ----------------------------------------------------------------------------------------
echo
echo "PartyRoster roster benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'members: %s; seeding: %s s; database: %s MB; subtree: %s %s\n' \
    "$MEMBERS" "$SEED_SECONDS" "$(du -m "$DB" | cut -f1)" "$SUBTREE_CODE" "$SUBTREE_NAME"
echo
printf '%-42s %10s %8s %8s %8s %8s %8s %6s %6s %7s\n' scenario 'req/s' 'p50 ms' 'p90 ms' 'p95 ms' 'p99 ms' 'max ms' non2xx errors 'RSS MB'
for row in "${ROWS[@]}"; do
    IFS='|' read -r label figures rss <<<"$row"
    read -r rps p50 p90 p95 p99 max status errors <<<"$figures"
    printf '%-42s %10s %8s %8s %8s %8s %8s %6s %6s %7s\n' "$label" "$rps" "$p50" "$p90" "$p95" "$p99" "$max" "$status" "$errors" "$rss"
done
echo "server peak RSS: $(peak_mb) MB"

search_p95=$(echo "${ROWS[1]}" | cut -d'|' -f2 | awk '{ print $4 }')
if awk -v p="$search_p95" 'BEGIN { exit !(p <= 50) }'; then
    echo "target p95 ≤ 50 ms for the search: met ($search_p95 ms)"
else
    echo "target p95 ≤ 50 ms for the search: NOT met ($search_p95 ms)"
fi
