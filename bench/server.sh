#!/usr/bin/env bash
# Benchmark of the golive server on the embedded database: start-up time of `golive serve`, then
# 20 launches of 300 items each and GET /api/launches/{id} offered at 1000 requests/s from 1000
# connections for DURATION, three times with `golive loadtest` (cold, warm, warm with gzip) and once
# with `hey -z 30s -c 1000 -q 1` (the issue's command; for scale, the same hey command against nginx
# serving the same body): p95, errors, and the server's peak resident memory.
# Needs hey, curl, python3 and, for the nginx line, nginx (apt-get install hey nginx). Usage: bench/server.sh [DURATION]   (default 30s)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30s}
port=${GOLIVE_BENCH_PORT:-18931}
work=$(mktemp -d)
sampler=''
trap 'kill "$sampler" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
data=$work/data
# The launcher's defaults for the server (-Xmx256m, C1) unless GOLIVE_JAVA_OPTS says otherwise.

./golive --version >/dev/null   # build the jar (and the class-data archive) first
GOLIVE_USER_PASSWORD=bench-password-123 ./golive user add bench --role editor --data "$data" >/dev/null
token=$(./golive token create bench --data "$data" | tail -n 1)

serve() {  # LABEL: starts the server and reports how long until /actuator/health answers
  local start; start=$(date +%s%N)
  GOLIVE_API_RATE_LIMIT=0 GOLIVE_ADMIN_PASSWORD=bench-admin-123 \
    ./golive serve --port "$port" --data "$data" >"$work/server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do sleep 0.05; done
  echo "start-up, $1: $(( ($(date +%s%N) - start) / 1000000 )) ms until /actuator/health answers" \
    "($(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$work/server.log"))"
}
# The first start without the server's class-data archive writes it when the server stops.
[ -f target/golive-server.jsa ] || { serve "first (no class-data archive yet)"; kill "$pid"; wait "$pid" || true; }
serve "with the class-data archive"

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

url="http://127.0.0.1:$port/api/launches/$id"
auth="Authorization: Bearer $token"

# Peak resident memory of the server over everything below (the launcher execs java: $pid is the JVM).
( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null; sleep 0.5; done ) \
  >"$work/rss.txt" &
sampler=$!

# golive loadtest's open model spaces the 1000 requests of each second evenly over 1000 connections.
load() {  # LABEL [EXTRA HEADER]...
  local label=$1; shift
  ./golive loadtest "$url" -H "$auth" "$@" --rate 1000/s --connections 1000 --duration "$duration" --json \
    >"$work/load.json" 2>/dev/null || true
  python3 - "$label" "$work/load.json" <<'PY2'
import json, sys
r = json.load(open(sys.argv[2]))
lat = r["latencyMs"]
print(f"  {sys.argv[1]:<36} {r['requests']:>6} requests {r['rate']:>7.1f}/s  errors {r['errors']}"
      f"  p50 {lat['p50']:.2f} ms  p95 {lat['p95']:.2f} ms  p99 {lat['p99']:.2f} ms  max {lat['max']:.1f} ms")
PY2
}
echo "golive loadtest --rate 1000/s --connections 1000 --duration $duration:"
load "cold (first run, JIT warming up)"
load "warm, identity (184 KB a response)"
load "warm, Accept-Encoding: gzip" -H "Accept-Encoding: gzip"

# hey -q 1 gives each of its 1000 workers its own 1-second ticker, all started together: every
# second the 1000 requests arrive as one burst, so p95 measures how fast a burst of 1000 drains.
echo "hey -z $duration -c 1000 -q 1 (Go's client asks for gzip):"
hey -z "$duration" -c 1000 -q 1 -H "$auth" "$url" >"$work/hey.txt"
grep -E 'Requests/sec|Average|95%|99%|\[[0-9]+\]|Error' "$work/hey.txt" | sed 's/^ */  /'
kill "$sampler" 2>/dev/null || true
echo "peak RSS of the server: $(( $(sort -n "$work/rss.txt" | tail -n 1) / 1024 )) MB"

# The same hey command against nginx serving the same bytes pre-compressed, for scale.
if command -v nginx >/dev/null; then
  mkdir -p "$work/www"
  curl -sf -H "$auth" "$url" >"$work/www/launch.json"
  gzip -k "$work/www/launch.json"
  cat >"$work/nginx.conf" <<EOF
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.err; daemon on;
events { worker_connections 4096; }
http { access_log off; gzip_static on; types { application/json json; }
       server { listen 127.0.0.1:$((port + 1)); root $work/www; } }
EOF
  nginx -c "$work/nginx.conf"
  echo "same hey command against nginx (1 worker) serving the same body pre-compressed:"
  hey -z "$duration" -c 1000 -q 1 "http://127.0.0.1:$((port + 1))/launch.json" \
    | grep -E 'Requests/sec|95%|99%' | sed 's/^ */  /'
  nginx -c "$work/nginx.conf" -s stop
fi
