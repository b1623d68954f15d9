#!/usr/bin/env bash
# 500 `http` checks against one loopback nginx: wall time of `golive check` (JVM start included)
# beside `xargs -P 64 curl` doing the same 500 requests. Needs nginx, curl and hyperfine (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-500}
work=$(mktemp -d)
trap 'kill $(cat "$work/nginx.pid" 2>/dev/null) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/logs"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$port; location / { return 200 "ok\n"; } }
}
CONF
nginx -p "$work" -c "$work/nginx.conf"
printf '# Bench\n## Checks\n' > "$work/LAUNCH.md"
{
  printf 'checklist: LAUNCH.md\ntargets:\n  web: { url: "http://127.0.0.1:%s" }\nchecks:\n' "$port"
  for i in $(seq 1 "$n"); do printf '  - name: c%s\n    http: { target: web, path: /c%s }\n' "$i" "$i"; done
} > "$work/golive.yaml"
printf -- '- [x] placeholder\n' >> "$work/LAUNCH.md"
seq 1 "$n" | sed "s#^#http://127.0.0.1:$port/c#" > "$work/urls.txt"
./golive --version >/dev/null
hyperfine --warmup 2 --runs 10 -N --export-markdown "$work/result.md" \
  "./golive check $work/golive.yaml --format json --out $work/report.json" \
  "xargs -P 64 -n 1 curl -s -o /dev/null -a $work/urls.txt" 2>/dev/null || \
hyperfine --warmup 2 --runs 10 --export-markdown "$work/result.md" \
  "./golive check $work/golive.yaml --format json --out $work/report.json || true" \
  "xargs -P 64 -n 1 curl -s -o /dev/null < $work/urls.txt"
cat "$work/result.md"
python3 - "$work/report.json" <<'PY'
import json,sys
r=json.load(open(sys.argv[1])); c=r["checks"]
print(f'{len(c)} checks, {sum(1 for x in c if x["status"]=="PASS")} PASS')
PY
