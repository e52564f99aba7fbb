#!/usr/bin/env bash
# Shared by the benchmarks (sourced, not run): tools, Release build, a seeded SQLite database in a temporary
# folder, the app started on 127.0.0.1 with the Production settings, and a signed-in cookie. Loopback only.
#
# After sourcing: say, bench_tools, bench_build, bench_seed, bench_start, bench_stop, bench_sign_in,
# rss_mb, peak_mb; variables ROOT, WORK, BIN, DB, BASE, SERVER_PID, JAR, COOKIE, SEED_SECONDS.
# Settings: PORT, KEEP (1 keeps the temporary folder), ARTIFACTS (build output).

PORT=${PORT:-5391}    # each benchmark script sets its own default, so two can run side by side
KEEP=${KEEP:-0}
EMAIL=${EMAIL:-bantochuc@demo.vn}     # Ban Tổ chức: sees the whole đảng bộ (DemoSeeder.Accounts)
PASSWORD='DangVien@2026'              # DemoSeeder.DemoPassword
BASE="http://127.0.0.1:$PORT"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# One build folder per checkout: two checkouts benchmarking at once must not overwrite each other's build.
ARTIFACTS=${ARTIFACTS:-/tmp/partyroster-bench-artifacts-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)}
WORK=$(mktemp -d /tmp/partyroster-bench.XXXXXX)
SERVER_PID=""

say() { printf '==> %s\n' "$*" >&2; }

bench_stop() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

bench_cleanup() {
    bench_stop
    if [[ "$KEEP" == 1 ]]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap bench_cleanup EXIT

# bench_tools TOOL…: installs the missing ones with apt-get.
bench_tools() {
    local missing=() tool
    for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
    ((${#missing[@]})) || return 0
    say "installing ${missing[*]} (apt-get)"
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Release build into $ARTIFACTS; the app reads appsettings.json from its content root, so it runs from $BIN.
# Production settings (no developer exception page, no demo seed on start). HTTPS redirection is on in
# Production but has no HTTPS port to go to, so plain HTTP on loopback is served as is.
bench_build() {
    say "building Release into $ARTIFACTS"
    dotnet build "$ROOT/src/PartyRoster.Web" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q >/dev/null
    BIN="$ARTIFACTS/bin/PartyRoster.Web/release"
    [[ -f "$BIN/PartyRoster.Web.dll" ]] || { echo "build output not found: $BIN/PartyRoster.Web.dll" >&2; exit 1; }
    export Storage__DataDirectory="$WORK/data"
    export ASPNETCORE_ENVIRONMENT=Production
    export Database__Provider=Sqlite
    export Demo__Seed=false
    DB="$WORK/data/partyroster.db"
}

# bench_seed N: the deterministic demo data scaled to N members, into a fresh database.
bench_seed() {
    say "seeding $1 members into $DB"
    local started
    started=$(date +%s.%N)
    (cd "$BIN" && dotnet PartyRoster.Web.dll seed-demo --members "$1") >"$WORK/seed.log" 2>&1 \
        || { cat "$WORK/seed.log" >&2; exit 1; }
    SEED_SECONDS=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
    say "$(head -1 "$WORK/seed.log")"
}

bench_start() {
    # Another server on the port would answer every request below and make the figures someone else's.
    if curl -fsS -o /dev/null --max-time 2 "$BASE/health" 2>/dev/null; then
        echo "something already answers on $BASE: choose another PORT" >&2; exit 1
    fi
    say "starting the server on $BASE"
    (cd "$BIN" && exec env ASPNETCORE_URLS="$BASE" dotnet PartyRoster.Web.dll) >>"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 120); do
        curl -fsS -o /dev/null "$BASE/health" 2>/dev/null && break
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
        sleep 0.5
    done
    curl -fsS -o /dev/null "$BASE/health" || { echo "server did not become healthy" >&2; cat "$WORK/server.log" >&2; exit 1; }
}

# bench_form_token URL: the antiforgery token of the first form on the page (with the session's cookies).
bench_form_token() {
    curl -fsS -c "$JAR" -b "$JAR" "$1" -o "$WORK/form.html"
    sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$WORK/form.html" | head -1
}

# Signs in through the real login form; cookies in $JAR, and as one header value in $COOKIE (for wrk).
bench_sign_in() {
    JAR="$WORK/cookies.txt"
    rm -f "$JAR"
    local token status
    token=$(bench_form_token "$BASE/Account/Login")
    [[ -n "$token" ]] || { echo "no antiforgery token on the login page" >&2; exit 1; }
    status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" \
        --data-urlencode "Input.Email=$EMAIL" --data-urlencode "Input.Password=$PASSWORD" \
        --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")
    [[ "$status" == 302 ]] || { echo "sign-in as $EMAIL failed (HTTP $status)" >&2; exit 1; }
    # Every cookie of the jar ("#HttpOnly_" lines are cookies too; other "#" lines are comments).
    COOKIE=$(awk -F'\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR")
}

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
peak_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"; }
seconds_since() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN { printf "%.1f", a - b }'; }
