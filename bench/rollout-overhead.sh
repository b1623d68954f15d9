#!/usr/bin/env bash
# The launch-day guard's own cost between readings: `golive rollout` holds at 10% with one `http`
# metric read every second (interval: 1s) against a local web server, for SECONDS; the script samples
# the guard's CPU time and resident memory from /proc and prints CPU as a share of one core, and the
# resident size at the end and at its peak. The JVM's start-up is left out: sampling starts once
# the guard has written its first reading.
#
# usage: bench/rollout-overhead.sh [SECONDS]     (default 600: the 10-minute run of issue 11)
# needs: python3 (the stand-in web server)
set -euo pipefail
seconds=${1:-600}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work" >/dev/null 2>&1 &
web=$!
cleanup() {
  kill "$web" 2>/dev/null || true
  if [ -n "${guard:-}" ]; then
    kill "$guard" 2>/dev/null || true
    wait "$guard" 2>/dev/null || true # it writes its state as it stops
  fi
  rm -rf "$work" || true
}
trap cleanup EXIT

printf '# Bench launch\n\n## Pre-launch\n- [x] Ready\n\n## Rollback\n- If latency > 5s: AUTO ROLLBACK\n' >"$work/LAUNCH.md"
cat >"$work/golive.yaml" <<YAML
name: bench
checklist: LAUNCH.md
rollout:
  steps: [10%, hold 24h, 100%]
  interval: 1s
  traffic: { command: [sh, -c, "echo {weight} > weight.txt"] }
  rollback: { command: [sh, -c, "echo rolled back > rollback.txt"] }
  metrics:
    latency: { http: { url: "http://127.0.0.1:$port/" }, measure: latencyMs }
YAML
"$root/golive" --version >/dev/null # builds the jar first if needed, outside the measurement
(cd "$work" && exec "$root/golive" rollout golive.yaml 2>"$work/guard.log") &
launcher=$!
events="$work/.golive/bench.rollout.events.jsonl"
guard=$launcher # the subshell execs the launcher, which execs java: one process
# wait for the first reading
for _ in $(seq 1 600); do
  grep -qE '"type" ?: ?"reading"' "$events" 2>/dev/null && break
  sleep 0.1
done
grep -qE '"type" ?: ?"reading"' "$events" || { echo "bench: the guard wrote no reading" >&2; cat "$work/guard.log" >&2; exit 1; }
sleep 5 # JIT warm-up of the reading path

ticks() { awk '{print $14 + $15}' "/proc/$guard/stat"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$guard/status"; }
hz=$(getconf CLK_TCK)
t0=$(ticks)
start=$(date +%s.%N)
peak=0
end=$(( $(date +%s) + seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
  r=$(rss_kb)
  [ "$r" -gt "$peak" ] && peak=$r
  sleep 1
done
t1=$(ticks)
stop=$(date +%s.%N)
rss=$(rss_kb)
readings=$(grep -cE '"type" ?: ?"reading"' "$events")
python3 - "$t0" "$t1" "$hz" "$start" "$stop" "$rss" "$peak" "$readings" <<'PY'
import sys
t0, t1, hz = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
start, stop = float(sys.argv[4]), float(sys.argv[5])
rss, peak, readings = int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
wall = stop - start
cpu = (t1 - t0) / hz
print(f"guard over {wall:.0f} s at interval 1s: CPU {cpu:.2f} s = {100 * cpu / wall:.2f}% of one core, "
      f"resident {rss / 1024:.0f} MB at the end (peak {peak / 1024:.0f} MB), {readings} readings in the state file")
PY
