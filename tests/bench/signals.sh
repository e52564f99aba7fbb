#!/usr/bin/env bash
# Signal evaluation benchmark (not a test): seeds MEMBERS (default 200,000) members with a year of monthly
# meetings and attendance (and the dues, ratings and transfers the demo seed writes) into a fresh SQLite
# database, then runs `evaluate-signals` twice — the first run raises every signal, the second is the
# steady daily run that confirms them — and prints each run's wall time and the process's peak RSS.
# Target: under 60 s for 200,000 members, in bounded memory.
#
# Usage: tests/bench/signals.sh        env: MEMBERS=200000 KEEP=0 ARTIFACTS=/tmp/partyroster-bench-artifacts
set -euo pipefail

MEMBERS=${MEMBERS:-200000}
KEEP=${KEEP:-0}
ARTIFACTS=${ARTIFACTS:-/tmp/partyroster-bench-artifacts}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d /tmp/partyroster-signals.XXXXXX)

say() { printf '==> %s\n' "$*" >&2; }
cleanup() { if [[ "$KEEP" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

command -v /usr/bin/time >/dev/null 2>&1 || [[ -x /usr/bin/time ]] || {
    say "installing time (apt-get)"; SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null; }

say "building Release into $ARTIFACTS"
dotnet build "$ROOT/src/PartyRoster.Web" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >/dev/null
BIN="$ARTIFACTS/bin/PartyRoster.Web/release"

export Storage__DataDirectory="$WORK/data" ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite Demo__Seed=false
DB="$WORK/data/partyroster.db"

say "seeding $MEMBERS members"
started=$(date +%s.%N)
(cd "$BIN" && dotnet PartyRoster.Web.dll seed-demo --members "$MEMBERS") >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; exit 1; }
SEED_SECONDS=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')

counts() { sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM Members), (SELECT COUNT(*) FROM Meetings), (SELECT COUNT(*) FROM MeetingAttendance)" 2>/dev/null | tr '|' ' '; }
read -r N_MEMBERS N_MEETINGS N_LINES <<<"$(counts)"
extra() { sqlite3 "$DB" "SELECT COUNT(*) FROM $1" 2>/dev/null || echo "–"; }

run() {
    local label=$1
    (cd "$BIN" && /usr/bin/time -f '%e %M' -o "$WORK/time.txt" dotnet PartyRoster.Web.dll evaluate-signals) >"$WORK/$label.log" 2>&1 \
        || { cat "$WORK/$label.log" >&2; exit 1; }
    read -r secs rss_kb <"$WORK/time.txt"
    printf '| %s | %s | %s | %s |\n' "$label" "$secs" "$((rss_kb / 1024))" "$(grep -v '^\[' "$WORK/$label.log" | tail -1)"
}

echo
echo "Signals benchmark: $N_MEMBERS members, $N_MEETINGS meetings, $N_LINES attendance lines," \
     "$(extra DuesPayments) dues payments, $(extra AnnualRatings) ratings, $(extra Transfers) transfers (seeded in ${SEED_SECONDS}s)"
echo
echo "| run | wall s | peak RSS MiB | result |"
echo "|---|---|---|---|"
run "first (raises)"
run "second (daily)"
echo
echo "Open signals by kind: $(sqlite3 "$DB" "SELECT Kind || ' ' || COUNT(*) FROM Signals WHERE ResolvedOn IS NULL GROUP BY Kind ORDER BY Kind" | paste -sd, - | sed 's/,/, /g')"
