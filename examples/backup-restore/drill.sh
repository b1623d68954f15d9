#!/usr/bin/env bash
# A backup and restore drill in one: take a dump now (backup.sh), then restore it and count the rows
# (restore-check.sh). golive's command check times the whole drill against the RTO.
set -euo pipefail
cd "$(dirname "$0")"
./backup.sh
./restore-check.sh
