#!/usr/bin/env bash
# Measures the packaged service: start-up time and memory of the embedded default, and the ingest
# rate (messages handled per second, handling latency) against PostgreSQL and Mosquitto or against
# the embedded default. Prints figures; asserts nothing.
#
#   bench/ingest-rate.sh [external|embedded] [devices] [messages-per-device]
#
# external needs PostgreSQL on 127.0.0.1:5432 (trust, user postgres), as .ci/run starts it, and the
# mosquitto binary: the script runs its own Mosquitto on port 18830 with deploy/mosquitto/hallwatch.conf's
# queue settings (a stock Mosquitto queues only 1000 messages per client and drops the rest).
# The service jar is built if missing. BENCH_DEAD_CHANNEL=1 gives every team of the hall a webhook
# channel to a port that accepts connections and never answers, to show a channel that is down does
# not slow ingest.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-external}
devices=${2:-50}
per_device=${3:-200}
http=18181
work=$(mktemp -d /tmp/hallwatch-bench.XXXXXX)
# Only the processes this script started: "kill 0" would take the caller's whole process group with it.
stop() { for p in ${pid:-} ${mosquitto_pid:-} ${hole_pid:-}; do kill "$p" 2>/dev/null || true; done; }
trap 'stop; [ "${keep:-}" ] || rm -rf "$work"' EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
paho=$(find ~/.m2/repository/org/eclipse/paho/org.eclipse.paho.client.mqttv3/1.2.5 -name '*.jar' | head -n 1)
export HALLWATCH_ADMIN_PASSWORD=bench QUARKUS_HTTP_PORT=$http HALLWATCH_DATA_DIR=$work/data HALLWATCH_DEMO_ENABLED=false
if [ "$mode" = external ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'drop database if exists hallwatch_bench' -c 'create database hallwatch_bench'
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/hallwatch_bench QUARKUS_DATASOURCE_USERNAME=postgres
  printf 'listener 18830 127.0.0.1\nallow_anonymous true\nmax_queued_messages 0\nmax_inflight_messages 100\n' > "$work/mosquitto.conf"
  mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 &
  mosquitto_pid=$!
  export HALLWATCH_MQTT_URL=tcp://127.0.0.1:18830 HALLWATCH_MQTT_CLIENT_ID=hallwatch-bench
  broker=tcp://127.0.0.1:18830
else
  export HALLWATCH_MQTT_EMBEDDED_PORT=18883
  broker=tcp://127.0.0.1:18883
fi

started=$(date +%s%N)
java ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
pid=$!
until curl -sf "localhost:$http/q/health/ready" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.1
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rss_idle=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "mode=$mode: ready after ${ready_ms} ms (JVM start to /q/health/ready UP), RSS idle $((rss_idle / 1024)) MiB"

api() { curl -sSf -u admin:bench "$@"; }
json() { api -H 'content-type: application/json' "$@"; }
json -X POST "localhost:$http/api/halls" -d '{"id":"bench","name":"Bench","timezone":"Asia/Shanghai","openingHours":{"alwaysOpen":true}}' >/dev/null
if [ "${BENCH_DEAD_CHANNEL:-}" ]; then
  python3 -c 'import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 18997)); s.listen(4096); time.sleep(10**6)' &
  hole_pid=$!
  for team in cleaning ops managers; do
    json -X POST "localhost:$http/api/halls/bench/channels" \
      -d "{\"team\":\"$team\",\"kind\":\"WEBHOOK\",\"name\":\"dead\",\"url\":\"http://127.0.0.1:18997/hook\"}" >/dev/null
  done
  echo "every team has a webhook channel that never answers"
fi
kinds=(presence bin signage badge)
csv="id,hall,kind,window,zone"
json -X POST "localhost:$http/api/staff" -d '{"id":"bench-a","name":"A","hall":"bench"}' >/dev/null
for ((w = 1; w <= devices; w++)); do
  json -X POST "localhost:$http/api/halls/bench/windows" -d "{\"id\":\"W$w\",\"name\":\"W$w\",\"staffA\":\"bench-a\"}" >/dev/null
done
for ((i = 1; i <= devices; i++)); do
  kind=${kinds[$((i % 4))]}
  case $kind in presence|signage) csv+=$'\n'"d$i,bench,$kind,W$i,";; *) csv+=$'\n'"d$i,bench,$kind,,z";; esac
done
api -X POST -H 'content-type: text/csv' --data-binary "$csv" "localhost:$http/api/devices/import" \
  | python3 -c '
import json, sys
kinds = ["presence", "bin", "signage", "badge"]
for row in json.load(sys.stdin)["results"]:
    n = int(row["id"][1:])
    print(",".join([row["id"], row["mqttPassword"], "bench", kinds[n % 4]]))' > "$work/devices.csv"

accepted() { curl -sf "localhost:$http/q/metrics" | awk '/^hallwatch_ingest_accepted_total/ {s += $2} END {print s + 0}'; }
total=$((devices * per_device))
base=$(accepted)
t0=$(date +%s%N)
java -cp "$paho" bench/IngestLoad.java "$broker" "$work/devices.csv" "$per_device" > "$work/load.out" &
load_pid=$!
until [ "$(accepted)" -ge $((base + total)) ] 2>/dev/null; do
  [ $(( ($(date +%s%N) - t0) / 1000000000 )) -lt ${BENCH_TIMEOUT:-600} ] || { echo "gave up waiting: $(accepted) of $total handled; log in $work"; keep=1; exit 1; }
  sleep 0.1
done
done_ms=$(( $(date +%s%N) / 1000000 ))
wait "$load_pid"
grep -v start-ms "$work/load.out"
elapsed_ms=$(( done_ms - $(sed -n 's/^start-ms=//p' "$work/load.out") ))
rss_load=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "handled $total messages in ${elapsed_ms} ms: $(( total * 1000 / elapsed_ms )) msg/s end to end (publish to handled)"
curl -sf "localhost:$http/q/metrics" | grep -E '^hallwatch_ingest_handling_seconds\{quantile|^hallwatch_ingest_rejected_total\{.*\} [1-9]' || true
echo "RSS after load $((rss_load / 1024)) MiB"
curl -sf "localhost:$http/q/metrics" | grep -E '^hallwatch_notifications_total' || true
