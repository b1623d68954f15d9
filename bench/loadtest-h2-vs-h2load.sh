#!/usr/bin/env bash
# Compares `golive loadtest --streams M` with h2load over HTTP/2 and TLS 1.3 against nginx on
# loopback: C connections with M streams each (h2load -c C -m M; golive --users C*M --streams M, so
# that C connections carry M requests in flight each), keep-alive.
# nginx is pinned to core 0 and each tool to core 1 (taskset); the tools run interleaved, ROUNDS
# times each, and the table shows medians, with the CPU seconds other processes used meanwhile.
#
# usage: bench/loadtest-h2-vs-h2load.sh [ROUNDS] [SECONDS] [CONNECTIONSxSTREAMS...]
#        (defaults: 3 8 10x10 50x10)
#        VARIANTS="name=-Dopt ..." runs golive once per variant, each with its JVM option (in
#        GOLIVE_JAVA_OPTS), interleaved with h2load: an A/B of an engine setting on the same machine,
#        e.g. VARIANTS="pause=-Dgolive.load.coalesceMicros=20 nopause=-Dgolive.load.coalesceMicros=0"
# needs: nginx, h2load, openssl, taskset, python3: apt-get install -y nginx nghttp2-client openssl
set -euo pipefail
rounds=${1:-3}
seconds=${2:-8}
cases=("${@:3}")
[ ${#cases[@]} -eq 0 ] && cases=(10x10 50x10)
read -r -a variants <<<"${VARIANTS:-golive=}"
tools=(h2load)
declare -A opts # a variant's JVM option by its name
for v in "${variants[@]}"; do
  tools+=("${v%%=*}")
  opts[${v%%=*}]=${v#*=}
done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in nginx h2load openssl taskset python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y nginx nghttp2-client openssl)" >&2; exit 2; }
done
[ "$(nproc --all)" -ge 2 ] || { echo "bench: needs 2 cores" >&2; exit 2; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
  -days 2 -subj /CN=localhost -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" 2>/dev/null
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
mkdir -p "$work/tmp"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
$user_line
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 10000000;
  http2_max_concurrent_streams 1000;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  ssl_certificate $work/cert.pem;
  ssl_certificate_key $work/key.pem;
  ssl_protocols TLSv1.3;
  server { listen 127.0.0.1:$port ssl http2; location / { return 200 "ok\n"; } }
}
CONF
taskset -c 0 nginx -p "$work" -c "$work/nginx.conf" >"$work/nginx.out" 2>&1 &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; [ -n "${KEEP:-}" ] && echo "bench: outputs in $work" >&2 || rm -rf "$work"' EXIT
url=https://127.0.0.1:$port/
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

"$root/golive" --version >/dev/null # builds the jar first when needed
echo "nginx (HTTP/2, TLS 1.3) on core 0 at $url; tools on core 1; $rounds rounds of ${seconds}s; ${cases[*]}" >&2

machine_ticks() { awk '/^cpu /{print $2 + $3 + $4}' /proc/stat; }
nginx_ticks() {
  local total=0 p
  for p in $(pgrep -P "$nginx_pid") "$nginx_pid"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
run() {
  local name=$1 machine nginx tool
  shift
  machine=$(machine_ticks) nginx=$(nginx_ticks)
  /usr/bin/time -f '%U %S %M' -o "$work/$name.time" taskset -c 1 "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  tool=$(awk '{print int(($1 + $2) * 100)}' "$work/$name.time" | tail -1)
  echo $(( $(machine_ticks) - machine - ($(nginx_ticks) - nginx) - tool )) >"$work/$name.noise"
}

for k in "${cases[@]}"; do
  c=${k%x*} m=${k#*x}
  for r in $(seq "$rounds"); do
    # The order alternates, so that neither tool always runs on the machine the other just warmed.
    order=("${tools[@]}")
    ((r % 2)) || order=($(printf '%s\n' "${tools[@]}" | tac))
    for tool in "${order[@]}"; do
      if [ "$tool" = h2load ]; then
        run "h2load-$k.$r" h2load -t1 -c"$c" -m"$m" -D"$seconds" "$url"
      else
        GOLIVE_JAVA_OPTS="${opts[$tool]}" run "$tool-$k.$r" "$root/golive" loadtest "$url" --users $((c * m)) --streams "$m" \
          --duration "${seconds}s" --insecure --json
      fi
    done
    echo "$k: round $r done" >&2
  done
done

python3 - "$work" "$rounds" "${tools[*]}" "${cases[@]}" <<'PY'
import json, re, statistics, sys
work, rounds, tools, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4:]

def cpu(name):
    user, system, _ = open(f"{work}/{name}.time").read().split()[-3:]
    return float(user) + float(system)

def noise(name):
    return int(open(f"{work}/{name}.noise").read()) / 100

def h2load(name):
    text = open(f"{work}/{name}.out").read()
    rate = float(re.search(r"finished in [\d.]+s, ([\d.]+) req/s", text).group(1))
    m = re.search(r"requests: \d+ total, \d+ started, \d+ done, \d+ succeeded, (\d+) failed, (\d+) errored, (\d+) timeout", text)
    return rate, float("nan"), float("nan"), sum(map(int, m.groups()))

def golive(name):
    j = json.loads(open(f"{work}/{name}.out").read())
    lat = j["latencyMs"]
    return j["rate"], lat["p50"] or float("nan"), lat["p99"] or float("nan"), j["errors"]

print("\nHTTP/2 over TLS 1.3, keep-alive")
print("| tool | connections x streams | req/s (median) | p50 ms | p99 ms | errors | tool CPU s | other CPU s (noise) | req/s of each round |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
med = {}
for k in cases:
    for tool in tools:
        parse = h2load if tool == "h2load" else golive
        runs = [parse(f"{tool}-{k}.{r}") + (cpu(f"{tool}-{k}.{r}"), noise(f"{tool}-{k}.{r}")) for r in range(1, rounds + 1)]
        m = [statistics.median(col) for col in zip(*runs)]
        med[(tool, k)] = m[0]
        print(f"| {tool} | {k} | {m[0]:,.0f} | {m[1]:.2f} | {m[2]:.2f} | {m[3]:.0f} | {m[4]:.1f} | {m[5]:.1f} |"
              f" {' '.join(f'{x[0]:,.0f}' for x in runs)} |")
for k in cases:
    for tool in tools[1:]:
        # Each round's pair ran back to back: its ratio is the least touched by the machine's drift.
        pairs = sorted(golive(f"{tool}-{k}.{r}")[0] / h2load(f"h2load-{k}.{r}")[0] for r in range(1, rounds + 1))
        print(f"{tool} / h2load at {k} = {med[(tool, k)] / med[('h2load', k)]:.2f} (ratio of medians);"
              f" per round {statistics.median(pairs):.2f} median, {pairs[0]:.2f}-{pairs[-1]:.2f}"
              f" ({' '.join(f'{x:.2f}' for x in pairs)})")
PY
