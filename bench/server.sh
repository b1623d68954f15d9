#!/usr/bin/env bash
# Benchmark of the golive server on the embedded database: start-up time of `golive serve`, then
# 20 launches of 300 items each and GET /api/launches/{id} offered at 1000 requests/s from 1000
# connections for 30 s (hey -z 30s -c 1000 -q 1): p95, errors, and the server's peak resident memory.
# Needs hey (apt-get install hey) and curl. Usage: bench/server.sh [DURATION]   (default 30s)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}
port=${GOLIVE_BENCH_PORT:-18931}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
data=$work/data
export GOLIVE_JAVA_OPTS=${GOLIVE_JAVA_OPTS:--Xmx256m}

./golive --version >/dev/null   # build the jar (and the class-data archive) first
GOLIVE_USER_PASSWORD=bench-password-123 ./golive user add bench --role editor --data "$data" >/dev/null
token=$(./golive token create bench --data "$data" | tail -n 1)

start=$(date +%s%N)
GOLIVE_API_RATE_LIMIT=0 GOLIVE_ADMIN_PASSWORD=bench-admin-123 \
  ./golive serve --port "$port" --data "$data" >"$work/server.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.05; done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "start-up: ${ready} ms until /actuator/health answers ($(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$work/server.log"))"

# A checklist of 300 items in 6 sections, and a spec for it.
{
  echo "# Bench launch"
  for s in 1 2 3 4 5 6; do
    echo; echo "## Pre-Launch part $s (T-$s days)"
    for i in $(seq 1 50); do echo "- [ ] Item $s-$i: verify component $i of part $s (p95 < 500ms)"; done
  done
  echo; echo "## Sign-Off"; echo "| Role | Name | Signature |"; echo "|---|---|---|"; echo "| CTO | | |"
} >"$work/LAUNCH.md"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
md = open(work + "/LAUNCH.md").read()
spec = "name: bench\nlaunch: 2030-01-01T09:00:00Z\nchecklist: LAUNCH.md\n"
json.dump({"spec": spec, "checklists": {"LAUNCH.md": md}}, open(work + "/launch.json", "w"))
PY
for n in $(seq 1 20); do
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary @"$work/launch.json" "http://127.0.0.1:$port/api/launches"
done
id=10
bytes=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/launches/$id" | wc -c)
echo "launches: 20 x 300 items; GET /api/launches/$id is $bytes bytes"

hey -n 5000 -c 50 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/launches/$id" >/dev/null  # warm-up

peak=0
( while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    echo "$rss"; sleep 0.5
  done ) >"$work/rss.txt" &
sampler=$!
# The java process is a child of the launcher's exec, so $pid is the JVM itself.
hey -z "$duration" -c 1000 -q 1 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/launches/$id" >"$work/hey.txt"
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/rss.txt" | tail -n 1)
grep -E 'Requests/sec|Average|95%|99%|\[[0-9]+\]|Error' "$work/hey.txt" | sed 's/^ */  /'
echo "  peak RSS of the server: $(( peak / 1024 )) MB"
