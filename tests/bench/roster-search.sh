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
#        SEARCH_QUERY=nguyen+van+an ARTIFACTS=/tmp/partyroster-bench-artifacts
# Loopback only; every run lasts about (4 × (WARMUP + DURATION)) plus build and seeding.
set -euo pipefail

MEMBERS=${MEMBERS:-200000}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
PORT=${PORT:-5391}
KEEP=${KEEP:-0}
SEARCH_QUERY=${SEARCH_QUERY:-nguyen+van+an}
ARTIFACTS=${ARTIFACTS:-/tmp/partyroster-bench-artifacts}
EMAIL=bantochuc@demo.vn          # Ban Tổ chức: sees the whole đảng bộ (DemoSeeder.Accounts)
PASSWORD='DangVien@2026'         # DemoSeeder.DemoPassword
BASE="http://127.0.0.1:$PORT"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d /tmp/partyroster-bench.XXXXXX)
SERVER_PID=""

say() { printf '==> %s\n' "$*" >&2; }

cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ "$KEEP" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- tools -----------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    say "installing ${missing[*]} (apt-get)"
    SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- build -----------------------------------------------------------------------------------------
say "building Release into $ARTIFACTS"
dotnet build "$ROOT/src/PartyRoster.Web" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >/dev/null
BIN="$ARTIFACTS/bin/PartyRoster.Web/release"
DLL="$BIN/PartyRoster.Web.dll"
[[ -f "$DLL" ]] || { echo "build output not found: $DLL" >&2; exit 1; }

# The app reads appsettings.json from its content root (the working directory): run it from $BIN.
# Production settings (no developer exception page, no demo seed on start). HTTPS redirection is on
# in Production but has no HTTPS port to go to, so plain HTTP on loopback is served as is.
export Storage__DataDirectory="$WORK/data"
export ASPNETCORE_ENVIRONMENT=Production
export Database__Provider=Sqlite
export Demo__Seed=false
DB="$WORK/data/partyroster.db"

# --- seed ------------------------------------------------------------------------------------------
say "seeding $MEMBERS members into $DB"
started=$(date +%s.%N)
(cd "$BIN" && dotnet PartyRoster.Web.dll seed-demo --members "$MEMBERS") >"$WORK/seed.log" 2>&1 \
    || { cat "$WORK/seed.log" >&2; exit 1; }
SEED_SECONDS=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
say "$(head -1 "$WORK/seed.log")"

# --- server ----------------------------------------------------------------------------------------
say "starting the server on $BASE"
(cd "$BIN" && exec env ASPNETCORE_URLS="$BASE" dotnet PartyRoster.Web.dll) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/health" || { echo "server did not become healthy" >&2; cat "$WORK/server.log" >&2; exit 1; }

# --- sign in (antiforgery token from the form, cookies in a jar) -------------------------------------
JAR="$WORK/cookies.txt"
curl -fsS -c "$JAR" -b "$JAR" "$BASE/Account/Login" -o "$WORK/login.html"
TOKEN=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$WORK/login.html" | head -1)
[[ -n "$TOKEN" ]] || { echo "no antiforgery token on the login page" >&2; exit 1; }
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
    --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
    --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/Account/Login")
[[ "$status" == 302 ]] || { echo "sign-in as $EMAIL failed (HTTP $status)" >&2; exit 1; }
# Every cookie of the jar ("#HttpOnly_" lines are cookies too; other "#" lines are comments).
COOKIE=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR")

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

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
peak_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }

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
