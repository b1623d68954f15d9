#!/usr/bin/env bash
# Compares `golive loadtest` with wrk (and hey, when installed) against nginx on loopback.
# nginx is pinned to core 0 and each load tool to core 1 (taskset), so every tool gets the same CPU
# budget; the tools run interleaved, several rounds, and the table shows medians.
#
# usage: bench/loadtest-vs-wrk.sh [ROUNDS] [SECONDS] [CONNECTIONS]    (defaults: 5 10 50)
# needs: nginx, wrk, taskset, python3 (hey optional): apt-get install -y nginx wrk hey
set -euo pipefail
rounds=${1:-5}
seconds=${2:-10}
conns=${3:-50}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in nginx wrk taskset python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y nginx wrk)" >&2; exit 2; }
done
[ "$(nproc --all)" -ge 2 ] || { echo "bench: needs 2 cores" >&2; exit 2; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
mkdir -p "$work/tmp"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
$user_line
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  server { listen 127.0.0.1:$port; location / { return 200 "ok\n"; } }
}
CONF
taskset -c 0 nginx -p "$work" -c "$work/nginx.conf" >"$work/nginx.out" 2>&1 &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
url=http://127.0.0.1:$port/
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

"$root/golive" --version >/dev/null # builds the jar first when needed
echo "nginx on core 0 at $url; tools on core 1; $rounds rounds of ${seconds}s, $conns connections" >&2

# Other work on this machine (builds, tests) skews a run: wait until the CPUs are nearly idle.
busy_percent() {
  local a b
  a=($(awk '/^cpu /{print $2+$3+$4+$7+$8, $5+$6}' /proc/stat))
  sleep 1
  b=($(awk '/^cpu /{print $2+$3+$4+$7+$8, $5+$6}' /proc/stat))
  echo $(( 100 * (b[0] - a[0]) / ((b[0] - a[0]) + (b[1] - a[1]) + 1) ))
}
wait_quiet() {
  for _ in $(seq 120); do
    [ "$(busy_percent)" -lt 10 ] && return 0
  done
  echo "bench: the machine stayed busy; measuring anyway" >&2
}

# CPU ticks used so far by the whole machine (user + system) and by nginx.
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4}' /proc/stat; }
nginx_ticks() {
  local total=0 p
  for p in $(pgrep -P "$nginx_pid") "$nginx_pid"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# run NAME ROUND COMMAND...: runs a tool on core 1, keeps its output and its CPU seconds (user +
# system). Other work on the machine during the run (a build, say) skews it: when processes other
# than nginx and the tool used more than half a CPU second, the round is run again (twice at most).
run() {
  local name=$1 round=$2 attempt machine nginx tool foreign
  shift 2
  for attempt in 1 2 3; do
    wait_quiet
    machine=$(machine_ticks) nginx=$(nginx_ticks)
    /usr/bin/time -f '%U %S %M' -o "$work/$name.$round.time" taskset -c 1 "$@" >"$work/$name.$round.out" 2>"$work/$name.$round.err"
    tool=$(awk '{print int(($1 + $2) * 100)}' "$work/$name.$round.time" | tail -1)
    foreign=$(( $(machine_ticks) - machine - ($(nginx_ticks) - nginx) - tool ))
    [ "$foreign" -le 50 ] && return 0
    echo "$name round $round: other processes used $((foreign / 100)).$((foreign % 100 / 10))s of CPU; again" >&2
  done
}

for r in $(seq "$rounds"); do
  run wrk "$r" wrk -t1 -c"$conns" -d"${seconds}s" --latency "$url"
  if command -v hey >/dev/null; then
    run hey "$r" hey -z "${seconds}s" -c "$conns" "$url"
  fi
  run golive "$r" "$root/golive" loadtest "$url" --users "$conns" --duration "${seconds}s" --json
  echo "round $r done" >&2
done

# Fixed rate on the same core: the achieved rate should be within 2% of the asked one. The ramp lets
# the JIT compile the engine before the full rate starts.
fixed_rate=${FIXED_RATE:-50000}
for r in 1 2 3; do
  wait_quiet
  taskset -c 1 "$root/golive" loadtest "$url" --rate "$fixed_rate/s" --ramp 2s --duration "$((seconds + 2))s" --json \
    >"$work/fixed.$r.json" 2>/dev/null || true
done
# Memory: 1000 users within a 256 MB heap; GC logs show the heap in use after each collection.
wait_quiet
GOLIVE_JAVA_OPTS="-Xmx256m -Xlog:gc,gc+exit:file=$work/gc.log" /usr/bin/time -f '%M' -o "$work/mem.time" \
  taskset -c 1 "$root/golive" loadtest "$url" --users 1000 --duration "${seconds}s" --json >"$work/mem.json" 2>/dev/null || true

python3 - "$work" "$rounds" "$conns" "$fixed_rate" <<'PY'
import json, re, statistics, sys, os
work, rounds, conns, fixed_rate = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4])

def cpu(name, r):
    user, system, _ = open(f"{work}/{name}.{r}.time").read().split()[-3:]
    return float(user) + float(system)

def wrk(text):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    return rate, pct(50), pct(99)

def hey(text):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        return float(re.search(rf"{p}% in ([\d.]+) secs", text).group(1)) * 1000
    return rate, pct(50), pct(99)

def golive(text):
    j = json.loads(text)
    return j["rate"], j["latencyMs"]["p50"], j["latencyMs"]["p99"]

rows = []
for name, parse in (("wrk", wrk), ("hey", hey), ("golive", golive)):
    if not os.path.exists(f"{work}/{name}.1.out"):
        continue
    runs = [parse(open(f"{work}/{name}.{r}.out").read()) + (cpu(name, r),) for r in range(1, rounds + 1)]
    med = [statistics.median(col) for col in zip(*runs)]
    rows.append((name, med, [round(x[0]) for x in runs]))

print(f"| tool | connections | req/s (median) | p50 ms | p99 ms | CPU s | req/s of each round |")
print(f"| --- | --- | --- | --- | --- | --- | --- |")
for name, (rate, p50, p99, cpus), each in rows:
    print(f"| {name} | {conns} | {rate:,.0f} | {p50:.2f} | {p99:.2f} | {cpus:.1f} | {' '.join(f'{x:,}' for x in each)} |")
wrk_rate = next(m[0] for n, m, _ in rows if n == "wrk")
for name, med, _ in rows:
    if name != "wrk":
        print(f"\n{name} / wrk = {med[0] / wrk_rate:.2f}", end="")
print()

fixed = sorted((json.load(open(f"{work}/fixed.{r}.json")) for r in (1, 2, 3)), key=lambda j: j["requests"])
print(f"\nfixed rate {fixed_rate:,.0f}/s for {fixed[0]['durationSeconds']:.0f} s with a 2 s ramp, 3 runs:")
for j in fixed:
    planned = fixed_rate * (j["durationSeconds"] - 1)  # the ramp delivers half its share
    print(f"  {j['requests']:,} requests = {j['requests'] / planned:.4f} of the plan; latency p50 "
          f"{j['latencyMs']['p50']} ms, p99 {j['latencyMs']['p99']} ms; warnings {j['warnings'] or 'none'}")
mem = json.load(open(f"{work}/mem.json"))
rss_mb = int(open(f"{work}/mem.time").read().split()[-1]) / 1024
gc = open(f"{work}/gc.log").read()
pauses = re.findall(r"Pause.*->(\d+)M\(", gc)
at_exit = sum(int(k) for k in re.findall(r"total \d+K, used (\d+)K", gc)) / 1024
print(f"1000 users, -Xmx256m: {mem['rate']:,.0f} req/s, {mem['errors']} errors, {len(pauses)} collections"
      f" (live heap after them at most {max(map(int, pauses), default=0)} MB), heap in use at exit"
      f" {at_exit:.0f} MB, max RSS {rss_mb:.0f} MB")
PY
