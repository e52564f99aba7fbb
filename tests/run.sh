#!/usr/bin/env bash
# THE test command for PartyRoster (developers and CI).
#
#   tests/run.sh                      # every test
#   tests/run.sh --filter Name~Login  # extra arguments go to `dotnet test`
#
# On a fresh Debian 12 machine it installs chromium, postgresql and fonts-dejavu-core
# when missing, starts a throwaway PostgreSQL on 127.0.0.1 (removed again on exit),
# runs `dotnet test PartyRoster.sln`, copies browser-test screenshots to docs/screenshots/
# and prints, as its very last line, `N passed, N failed, N skipped`.
# The exit status is that of `dotnet test` (non-zero when anything failed or did not build).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

OUT_DIR="$ROOT/tests/.out"
LOG="$OUT_DIR/dotnet-test.log"
SCREENSHOT_SRC="$ROOT/tests/PartyRoster.Web.Tests/bin/Release/net10.0/screenshots"
SCREENSHOT_DST="$ROOT/docs/screenshots"
APT_PACKAGES=(chromium postgresql fonts-dejavu-core)

PG_BIN=""
PG_DIR=""
PG_PORT=""

log() { printf '[run.sh] %s\n' "$*" >&2; }

# Fail with a clear message. The closing summary line is still printed last so CI
# sees a failed run instead of nothing.
die() {
    printf '[run.sh] ERROR: %s\n' "$*" >&2
    cleanup
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
}

# ---------------------------------------------------------------- prerequisites

have_chromium() { command -v chromium >/dev/null 2>&1; }
have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }
have_font() {
    [[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] && return 0
    command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi dejavu
}

install_prerequisites() {
    local missing=()
    have_chromium || missing+=("chromium")
    have_postgres || missing+=("postgresql")
    have_font || missing+=("fonts-dejavu-core")
    [[ ${#missing[@]} -eq 0 ]] && return 0

    log "missing: ${missing[*]}; installing ${APT_PACKAGES[*]} with apt-get"
    local -a as_root=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            # No password prompt without a terminal (CI has no stdin).
            if [[ -t 0 ]]; then as_root=(sudo); else as_root=(sudo -n); fi
        else
            die "not root and sudo is not available: install ${APT_PACKAGES[*]} (apt-get) or run tests/run.sh as root"
        fi
    fi
    # Wait for another apt/dpkg run instead of failing on its lock.
    local -a apt_opts=(-o DPkg::Lock::Timeout=600)
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update </dev/null ||
        die "apt-get update failed"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y "${APT_PACKAGES[@]}" </dev/null ||
        die "apt-get install ${APT_PACKAGES[*]} failed"

    have_chromium || die "chromium is still missing after apt-get install; browser tests cannot run"
    have_postgres || die "PostgreSQL (initdb) is still missing after apt-get install; PostgreSQL tests cannot run"
    have_font || die "the DejaVu font is still missing after apt-get install"
}

# ---------------------------------------------------------------- throwaway PostgreSQL

# Run a command line as the PostgreSQL user: `postgres` when we are root (the server
# refuses to run as root), ourselves otherwise.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        su -s /bin/sh postgres -c "$1"
    else
        sh -c "$1"
    fi
}

port_in_use() {
    local p="$1"
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${p}\$"
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
    fi
}

start_postgres() {
    local version initdb
    initdb="$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)"
    PG_BIN="${initdb%/initdb}"
    version="${PG_BIN#/usr/lib/postgresql/}"; version="${version%/bin}"
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] || die "no initdb/pg_ctl in $PG_BIN"

    PG_DIR="$(mktemp -d /tmp/pgtest.XXXXXX)"
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "user 'postgres' does not exist (is the postgresql package installed?)"
        chown postgres:postgres "$PG_DIR"
    fi

    local locale_opts=""
    if locale -a 2>/dev/null | grep -Eqix 'c\.utf-?8'; then
        locale_opts="--locale=C.UTF-8 --encoding=UTF8"
    fi
    as_pg "cd '$PG_DIR' && '$PG_BIN/initdb' -D '$PG_DIR/data' -A trust -U postgres --no-sync $locale_opts" \
        >"$PG_DIR/initdb.log" 2>&1 ||
        { cat "$PG_DIR/initdb.log" >&2; die "initdb failed (see output above)"; }

    # Try 55432 first; take another port when it is busy (also if someone grabs it
    # between the check and the start).
    local p attempts=0
    for p in 55432 $(seq 55433 55532) $(shuf -i 40000-50000 -n 20 2>/dev/null || true); do
        port_in_use "$p" && continue
        attempts=$((attempts + 1))
        if as_pg "cd '$PG_DIR' && '$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/server.log' -w -t 60 \
                -o \"-k '$PG_DIR' -h 127.0.0.1 -p $p -c fsync=off -c max_connections=200\" start" \
                >/dev/null 2>&1; then
            PG_PORT="$p"
            break
        fi
        [[ $attempts -ge 5 ]] && break
    done
    if [[ -z "$PG_PORT" ]]; then
        [[ -f "$PG_DIR/server.log" ]] && tail -n 30 "$PG_DIR/server.log" >&2
        die "could not start the throwaway PostgreSQL on 127.0.0.1 (see server log above)"
    fi

    as_pg "'$PG_BIN/createdb' -h 127.0.0.1 -p $PG_PORT -U postgres partyroster_test" >/dev/null 2>&1 ||
        die "PostgreSQL started on port $PG_PORT but createdb partyroster_test failed"
    log "throwaway PostgreSQL $version running on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

stop_postgres() {
    if [[ -n "$PG_DIR" && -d "$PG_DIR" ]]; then
        if [[ -n "$PG_BIN" && -f "$PG_DIR/data/postmaster.pid" ]]; then
            as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast -w stop" >/dev/null 2>&1 ||
                as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m immediate -w stop" >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
    PG_DIR=""
}

# Idempotent: called explicitly before the summary line and again by the EXIT trap.
cleanup() {
    stop_postgres
}

# ---------------------------------------------------------------- results

# Sum VSTest's per-assembly lines, e.g.
#   Passed!  - Failed:     0, Passed:     8, Skipped:     0, Total:     8, Duration: 6 s - X.dll (net10.0)
#   Failed!  - Failed:     1, Passed:     7, Skipped:     0, Total:     8, Duration: 6 s - X.dll (net10.0)
# and print `N passed, N failed, N skipped`; prints nothing when no such line exists.
# A line repeated for the same assembly is counted once.
summarize() {
    sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\r$//' "$1" | awk '
        /(Passed|Failed)!  *- *Failed: *[0-9]+, *Passed: *[0-9]+, *Skipped: *[0-9]+/ {
            f = $0; sub(/.*Failed: */, "", f); sub(/[^0-9].*/, "", f)
            p = $0; sub(/.*Passed: */, "", p); sub(/[^0-9].*/, "", p)
            s = $0; sub(/.*Skipped: */, "", s); sub(/[^0-9].*/, "", s)
            key = $0; sub(/^.*Duration:[^-]*- */, "", key)
            if (!(key in seen)) order[++n] = key
            seen[key] = 1; F[key] = f; P[key] = p; S[key] = s
        }
        END {
            if (n == 0) exit
            for (i = 1; i <= n; i++) { k = order[i]; tp += P[k]; tf += F[k]; ts += S[k] }
            printf "%d passed, %d failed, %d skipped\n", tp, tf, ts
        }'
}

copy_screenshots() {
    local shots=()
    shopt -s nullglob
    shots=("$SCREENSHOT_SRC"/*.png)
    shopt -u nullglob
    if [[ ${#shots[@]} -gt 0 ]]; then
        mkdir -p "$SCREENSHOT_DST"
        cp -f "${shots[@]}" "$SCREENSHOT_DST/"
        log "copied ${#shots[@]} screenshot(s) to docs/screenshots/"
    fi
}

# ---------------------------------------------------------------- main

on_signal() {
    trap - INT TERM
    log "interrupted"
    cleanup
    echo "0 passed, 1 failed, 0 skipped"
    exit "$1"
}

main() {
    trap cleanup EXIT
    trap 'on_signal 130' INT
    trap 'on_signal 143' TERM

    command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"
    install_prerequisites
    start_postgres

    export PARTYROSTER_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=partyroster_test"
    export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
    [[ -x "$CHROMIUM_PATH" ]] || die "chromium not executable at $CHROMIUM_PATH"
    "$CHROMIUM_PATH" --headless --no-sandbox --version >/dev/null 2>&1 ||
        die "chromium at $CHROMIUM_PATH does not start (\`$CHROMIUM_PATH --version\` failed)"

    # Plain console output (no MSBuild terminal logger) so the VSTest summary lines are in the log.
    export MSBUILDTERMINALLOGGER=off DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

    mkdir -p "$OUT_DIR"
    log "dotnet test PartyRoster.sln -c Release $* (log: ${LOG#"$ROOT"/})"
    local rc
    set +e
    # Default (minimal) verbosity: VSTest then prints one "Passed!/Failed!  - Failed: N, Passed: N, ..." line
    # per assembly, which summarize() adds up (normal verbosity prints a different summary block).
    dotnet test PartyRoster.sln -c Release --nologo "$@" </dev/null 2>&1 |
        tee "$LOG"
    rc=${PIPESTATUS[0]}
    set -e

    copy_screenshots
    cleanup

    local summary
    summary="$(summarize "$LOG")"
    if [[ -z "$summary" ]]; then
        log "no test results found in the output (build error?); dotnet test exited with $rc"
        echo "0 passed, 1 failed, 0 skipped"
        [[ $rc -ne 0 ]] && exit "$rc"
        exit 1
    fi
    # A run whose failures were counted must not exit 0 either.
    if [[ $rc -eq 0 && "$summary" != *", 0 failed,"* ]]; then rc=1; fi
    echo "$summary"
    exit "$rc"
}

# Allow `source tests/run.sh` to reuse the functions (e.g. to test summarize) without running.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
