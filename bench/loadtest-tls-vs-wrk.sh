#!/usr/bin/env bash
# Compares `golive loadtest` with wrk over HTTPS (TLS 1.3, HTTP/1.1) against nginx on loopback:
# keep-alive at several connection counts, then a new connection per request (--no-keepalive against
# wrk -H "Connection: close", handshakes/s, with nginx logging which handshakes resumed a session),
# then 1000 TLS users within a 256 MB heap (resident memory).
# golive runs once per TLS engine of ENGINES (default "openssl jdk": OpenSSL through netty-tcnative,
# golive's default, and the JDK's SSLEngine, chosen with -Dgolive.load.tls=jdk), side by side.
# nginx is pinned to core 0 and each tool to core 1 (taskset); the tools run interleaved, ROUNDS
# times each, and the table shows medians. Other work on the machine is not waited for (on a shared
# machine it never stops): each run records the CPU seconds other processes used meanwhile, and the
# table shows them, so that a noisy round can be told from a slow tool.
#
# usage: [ENGINES="openssl jdk"] bench/loadtest-tls-vs-wrk.sh [ROUNDS] [SECONDS] [CONNECTIONS...]
#        (defaults: 5 10 50 1000)
#        An ENGINES entry NAME=-Dopt runs golive with that JVM option instead of an engine's, e.g.
#        ENGINES="openssl pq=-Djdk.tls.namedGroups=X25519MLKEM768,x25519" for an A/B of one setting.
# needs: nginx, wrk, openssl, taskset, python3: apt-get install -y nginx wrk openssl
set -euo pipefail
rounds=${1:-5}
seconds=${2:-10}
conn_list=("${@:3}")
read -r -a engines <<<"${ENGINES:-openssl jdk}"
[ ${#conn_list[@]} -eq 0 ] && conn_list=(50 1000)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# opts NAME: the JVM option of the ENGINES entry named NAME (an engine's name, or NAME=-Dopt).
declare -A opts
for e in "${engines[@]}"; do
  [[ "$e" == *=* ]] && opts[${e%%=*}]=${e#*=} || opts[$e]=-Dgolive.load.tls=$e
done
engines=("${engines[@]%%=*}")
for tool in nginx wrk openssl taskset python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install -y nginx wrk openssl)" >&2; exit 2; }
done
[ "$(nproc --all)" -ge 2 ] || { echo "bench: needs 2 cores" >&2; exit 2; }
ulimit -n 65536 2>/dev/null || true

work=$(mktemp -d)
# Two free ports: the plain server and the one logging TLS resumption.
read -r port logged_port < <(python3 -c 'import socket
a, b = socket.socket(), socket.socket()
a.bind(("127.0.0.1", 0)); b.bind(("127.0.0.1", 0))
print(a.getsockname()[1], b.getsockname()[1])')
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
  log_format tls "\$ssl_protocol \$ssl_session_reused";
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  ssl_certificate $work/cert.pem;
  ssl_certificate_key $work/key.pem;
  ssl_protocols TLSv1.3;
  server { listen 127.0.0.1:$port ssl; location / { return 200 "ok\n"; } }
  # The same, logging each request's TLS version and whether its handshake resumed a session ("r").
  server { listen 127.0.0.1:$logged_port ssl; access_log $work/tls.log tls; location / { return 200 "ok\n"; } }
}
CONF
taskset -c 0 nginx -p "$work" -c "$work/nginx.conf" >"$work/nginx.out" 2>&1 &
nginx_pid=$!
# KEEP=1 keeps the outputs of every run in the work folder (named on standard error).
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; [ -n "${KEEP:-}" ] && echo "bench: outputs in $work" >&2 || rm -rf "$work"' EXIT
url=https://127.0.0.1:$port/
logged=https://127.0.0.1:$logged_port/
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

"$root/golive" --version >/dev/null # builds the jar first when needed
echo "nginx (TLS 1.3) on core 0 at $url; tools on core 1; $rounds rounds of ${seconds}s; connections ${conn_list[*]}" >&2

machine_ticks() { awk '/^cpu /{print $2 + $3 + $4}' /proc/stat; }
nginx_ticks() {
  local total=0 p
  for p in $(pgrep -P "$nginx_pid") "$nginx_pid"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# run NAME COMMAND...: runs a tool on core 1; keeps its output, its CPU seconds and max RSS, and the
# CPU seconds everything but nginx and the tool used meanwhile (the noise of that run).
run() {
  local name=$1 machine nginx tool
  shift
  machine=$(machine_ticks) nginx=$(nginx_ticks)
  /usr/bin/time -f '%U %S %M' -o "$work/$name.time" taskset -c 1 "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  tool=$(awk '{print int(($1 + $2) * 100)}' "$work/$name.time" | tail -1)
  echo $(( $(machine_ticks) - machine - ($(nginx_ticks) - nginx) - tool )) >"$work/$name.noise"
}

for c in "${conn_list[@]}"; do
  for r in $(seq "$rounds"); do
    run "wrk-$c.$r" wrk -t1 -c"$c" -d"${seconds}s" --latency "$url"
    for e in "${engines[@]}"; do
      GOLIVE_JAVA_OPTS="${opts[$e]}" run "golive-$e-$c.$r" "$root/golive" loadtest "$url" --users "$c" \
        --duration "${seconds}s" --insecure --json
    done
    echo "keep-alive, $c connections: round $r done" >&2
  done
done
# A new connection, and handshake, per request: 50 connections.
for r in $(seq "$rounds"); do
  : >"$work/tls.log"
  run "wrk-close.$r" wrk -t1 -c50 -d"${seconds}s" --latency -H "Connection: close" "$logged"
  cp "$work/tls.log" "$work/wrk-close.$r.tls"
  for e in "${engines[@]}"; do
    : >"$work/tls.log"
    GOLIVE_JAVA_OPTS="${opts[$e]}" run "golive-$e-close.$r" "$root/golive" loadtest "$logged" --users 50 \
      --duration "${seconds}s" --insecure --no-keepalive --json
    cp "$work/tls.log" "$work/golive-$e-close.$r.tls"
  done
  echo "new connection per request: round $r done" >&2
done
# Memory: 1000 TLS users within a 256 MB heap.
GOLIVE_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$work/gc.log ${opts[${engines[0]}]}" run mem "$root/golive" loadtest "$url" --users 1000 \
  --duration "${seconds}s" --insecure --json

python3 - "$work" "$rounds" "$seconds" "${engines[*]}" "${conn_list[@]}" <<'PY'
import json, re, statistics, sys
work, rounds, seconds, conns = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[5:]
engines = sys.argv[4].split()

def cpu(name):
    user, system, _ = open(f"{work}/{name}.time").read().split()[-3:]
    return float(user) + float(system)

def noise(name):
    return int(open(f"{work}/{name}.noise").read()) / 100

def wrk(name):
    text = open(f"{work}/{name}.out").read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        m = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    err = (int(errors.group(1)) if errors else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return rate, pct(50), pct(99), err

def golive(name):
    j = json.loads(open(f"{work}/{name}.out").read())
    lat = j["latencyMs"]  # null percentiles: no answer at all
    return j["rate"], lat["p50"] or float("nan"), lat["p99"] or float("nan"), j["errors"]

def resumed(name):
    lines = open(f"{work}/{name}.tls").read().split()
    tags = lines[1::2]
    return sum(1 for t in tags if t == "r") / max(1, len(tags))

def table(title, pairs, extra=None):
    print(f"\n{title}")
    print("| tool | connections | req/s (median) | p50 ms | p99 ms | errors | tool CPU s | other CPU s (noise) |"
          + (" resumed |" if extra else "") + " req/s of each round |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |" + (" --- |" if extra else "") + " --- |")
    medians = {}
    for tool, c, prefix, parse in pairs:
        runs = [parse(f"{prefix}.{r}") + (cpu(f"{prefix}.{r}"), noise(f"{prefix}.{r}")) for r in range(1, rounds + 1)]
        med = [statistics.median(col) for col in zip(*runs)]
        medians[(tool, c)] = med[0]
        ex = f" {statistics.median(resumed(f'{prefix}.{r}') for r in range(1, rounds + 1)):.0%} |" if extra else ""
        print(f"| {tool} | {c} | {med[0]:,.0f} | {med[1]:.2f} | {med[2]:.2f} | {med[3]:.0f} | {med[4]:.1f} |"
              f" {med[5]:.1f} |{ex} {' '.join(f'{x[0]:,.0f}' for x in runs)} |")
    return medians

tools = [("wrk", "wrk", wrk)] + [(f"golive ({e})", f"golive-{e}", golive) for e in engines]
m = table("keep-alive, HTTPS/1.1 over TLS 1.3", [
    (tool, c, f"{prefix}-{c}", parse) for c in conns for tool, prefix, parse in tools])
for c in conns:
    for e in engines:
        print(f"golive ({e}) / wrk at {c} connections = {m[(f'golive ({e})', c)] / m[('wrk', c)]:.2f}")
m = table("a new connection per request (handshakes/s), 50 connections",
    [("wrk -H 'Connection: close'", 50, "wrk-close", wrk)]
    + [(f"golive ({e}) --no-keepalive", 50, f"golive-{e}-close", golive) for e in engines],
    extra=True)
wrk_close = m[("wrk -H 'Connection: close'", 50)]
for e in engines:
    print(f"golive ({e}) / wrk = {m[(f'golive ({e}) --no-keepalive', 50)] / wrk_close:.2f}")
mem = golive("mem")
rss_mb = int(open(f"{work}/mem.time").read().split()[-1]) / 1024
gc = open(f"{work}/gc.log").read()
after = [int(x) for x in re.findall(r"->(\d+)M\(", gc)]
print(f"\n1000 TLS users ({engines[0]}), -Xmx256m: {mem[0]:,.0f} req/s, {mem[3]} errors, {len(after)} collections"
      f" (heap after them at most {max(after, default=0)} MB), max RSS {rss_mb:.0f} MB")
PY
