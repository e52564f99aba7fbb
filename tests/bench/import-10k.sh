#!/usr/bin/env bash
# Member import benchmark (not a test): 10,000 rows of .xlsx imported over HTTP, as the Ban Tổ chức does it.
#   1. seeds ROWS (default 10,000) demo members into a fresh SQLite database and starts the app;
#   2. exports them all as .xlsx from the roster (/Members?handler=Export&State=all) — a realistic file with
#      every column of the record, Vietnamese text, real dates and the cells' codes;
#   3. stops the app, deletes every member (sqlite3), starts it again;
#   4. uploads the file (/Members/Import), opens the preview (every row read and judged), confirms the import
#      and polls its progress until it has ended;
# and prints the seconds of each step, the file's size, the members created and the server's peak memory.
# Target: 10,000 rows imported in under 30 s.
#
# Usage: tests/bench/import-10k.sh        env: ROWS=10000 PORT=5392 KEEP=0 ARTIFACTS=…
# Loopback only; about a minute plus the build.
set -euo pipefail

ROWS=${ROWS:-10000}
PORT=${PORT:-5392}
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bench_tools sqlite3 curl
bench_build
bench_seed "$ROWS"
bench_start
bench_sign_in

FILE="$WORK/dang-vien.xlsx"
say "exporting the roster as $FILE"
started=$(date +%s.%N)
curl -fsS -b "$JAR" -o "$FILE" "$BASE/Members?handler=Export&format=xlsx&State=all"
EXPORT_SECONDS=$(seconds_since "$started")

say "removing every member, so that the file's rows are new again"
bench_stop
sqlite3 "$DB" "DELETE FROM MemberNameTokens; DELETE FROM Members;"
bench_start
bench_sign_in

say "uploading"
token=$(bench_form_token "$BASE/Members/Import")
started=$(date +%s.%N)
location=$(curl -sS -o /dev/null -w '%{redirect_url}' -b "$JAR" -c "$JAR" \
    -F "__RequestVerificationToken=$token" -F "Upload=@$FILE;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
    "$BASE/Members/Import")
UPLOAD_SECONDS=$(seconds_since "$started")
[[ "$location" == *"/Members/Import/Preview/"* ]] || { echo "upload refused (redirect: '$location')" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }

say "preview"
started=$(date +%s.%N)
curl -fsS -b "$JAR" -c "$JAR" -o "$WORK/preview.html" "$location"
PREVIEW_SECONDS=$(seconds_since "$started")
count() { sed -n "s/.*id=\"$1\">\([0-9.]*\)<.*/\1/p" "$WORK/preview.html" | head -1 | tr -d .; }
NEW=$(count count-new); ERRORS=$(count count-error-rows); EXISTING=$(count count-existing)
say "preview: $NEW new, $ERRORS rows with errors, $EXISTING already on the roll"
grep -q 'id="form-commit"' "$WORK/preview.html" || { echo "the preview offers no import (see $WORK/preview.html with KEEP=1)" >&2; exit 1; }
commit_token=$(sed -n '/id="form-commit"/,/<\/form>/ s/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' "$WORK/preview.html" | head -1)

say "importing"
started=$(date +%s.%N)
progress=$(curl -sS -o /dev/null -w '%{redirect_url}' -b "$JAR" -c "$JAR" \
    --data-urlencode "__RequestVerificationToken=$commit_token" "$location?handler=Commit")
[[ "$progress" == *"/Members/Import/Progress/"* ]] || { echo "commit refused (redirect: '$progress')" >&2; exit 1; }
state=""
for _ in $(seq 1 1200); do
    status=$(curl -fsS -b "$JAR" "$progress?handler=Status")
    if [[ "$status" == *'"finished":true'* ]]; then state=$(sed -n 's/.*"state":"\([A-Za-z]*\)".*/\1/p' <<<"$status"); break; fi
    sleep 0.1
done
COMMIT_SECONDS=$(seconds_since "$started")
[[ "$state" == Succeeded ]] || { echo "import ended as '$state': $status" >&2; exit 1; }
CREATED=$(sqlite3 "$DB" "SELECT COUNT(*) FROM Members;")
AUDITED=$(sqlite3 "$DB" "SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Member' AND Action = 'Tạo mới';")

echo
echo "PartyRoster member import benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPU, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'file: %s rows of .xlsx, %s KB (exported from the roster in %s s)\n' "$NEW" "$(( $(stat -c %s "$FILE") / 1024 ))" "$EXPORT_SECONDS"
printf '%-44s %8s\n' step seconds
printf '%-44s %8s\n' "upload (store, check the format)" "$UPLOAD_SECONDS"
printf '%-44s %8s\n' "preview (read and judge every row)" "$PREVIEW_SECONDS"
printf '%-44s %8s\n' "import (judge again, write, audit, commit)" "$COMMIT_SECONDS"
TOTAL=$(awk -v a="$UPLOAD_SECONDS" -v b="$PREVIEW_SECONDS" -v c="$COMMIT_SECONDS" 'BEGIN { printf "%.1f", a + b + c }')
printf '%-44s %8s\n' "total" "$TOTAL"
echo "members created: $CREATED; audit entries \"Tạo mới\" for members: $AUDITED; server peak RSS: $(peak_mb) MB"
if awk -v t="$TOTAL" 'BEGIN { exit !(t < 30) }'; then
    echo "target: $NEW rows imported in under 30 s: met ($TOTAL s)"
else
    echo "target: $NEW rows imported in under 30 s: NOT met ($TOTAL s)"
fi
