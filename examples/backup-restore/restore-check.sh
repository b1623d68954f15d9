#!/usr/bin/env bash
# The restore drill: restores the newest dump of $PGDATABASE into a scratch database, checks that
# $CHECK_TABLE holds as many rows there as in the source, and drops the scratch database again.
# Exit 0 only when the restore worked and the counts match. Same environment as backup.sh.
set -euo pipefail
cd "$(dirname "$0")"
db=${PGDATABASE:?set PGDATABASE to the database whose dump is restored}
table=${CHECK_TABLE:?set CHECK_TABLE to a table whose rows must survive the restore}
dir=${BACKUP_DIR:-dumps}
dump=$(ls -1t "$dir/$db"-*.dump 2>/dev/null | head -n 1 || true)
if [ -z "$dump" ]; then
  echo "restore-check: no dump of $db in $dir" >&2
  exit 2
fi
scratch="golive_restore_check_$$"
trap 'dropdb --if-exists "$scratch"' EXIT
createdb "$scratch"
start=$(date +%s)
pg_restore --no-owner --exit-on-error --dbname="$scratch" "$dump"
seconds=$(( $(date +%s) - start ))
# The expected count: the rows the source holds now (a quiet table, or a copy that is not written to).
expected=${EXPECT_ROWS:-$(psql -X -A -t -v ON_ERROR_STOP=1 -d "$db" -c "SELECT count(*) FROM $table")}
restored=$(psql -X -A -t -v ON_ERROR_STOP=1 -d "$scratch" -c "SELECT count(*) FROM $table")
echo "restored $dump in ${seconds}s: $table has $restored rows (expected $expected)"
if [ "$restored" != "$expected" ]; then
  echo "restore-check: $table has $restored rows after the restore, expected $expected" >&2
  exit 1
fi
