#!/usr/bin/env bash
# Dumps one PostgreSQL database to $BACKUP_DIR/<db>-<UTC time>.dump (pg_dump's custom format) and
# keeps the newest $KEEP dumps. Connection settings come from libpq's environment: PGHOST, PGPORT,
# PGUSER, PGPASSWORD (or ~/.pgpass) and PGDATABASE. Prints the new dump's path.
set -euo pipefail
cd "$(dirname "$0")"
db=${PGDATABASE:?set PGDATABASE to the database to back up}
dir=${BACKUP_DIR:-dumps}
keep=${KEEP:-7}
mkdir -p "$dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
partial="$dir/.$db-$stamp.dump.partial"
trap 'rm -f "$partial"' EXIT
pg_dump --format=custom --no-owner --file="$partial" "$db"
# Renamed only when complete, so a freshness check never counts a half-written dump.
mv "$partial" "$dir/$db-$stamp.dump"
ls -1t "$dir/$db"-*.dump | tail -n +$((keep + 1)) | while read -r old; do rm -f -- "$old"; done
echo "$dir/$db-$stamp.dump"
