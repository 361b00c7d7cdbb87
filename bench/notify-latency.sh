#!/usr/bin/env bash
# Measures how soon a work order reaches a webhook: starts the packaged service on its embedded
# defaults, gives a hall N bins and a webhook channel for the cleaning team, and has each bin report
# 80 % full in turn; prints the time from each MQTT publish to the webhook's arrival. Asserts nothing.
#
#   bench/notify-latency.sh [bins]
set -euo pipefail
cd "$(dirname "$0")/.."
bins=${1:-20}
http=18182
hook=18998
work=$(mktemp -d /tmp/hallwatch-notify.XXXXXX)
trap '[ -z "${pid:-}" ] || kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
paho=$(find ~/.m2/repository/org/eclipse/paho/org.eclipse.paho.client.mqttv3/1.2.5 -name '*.jar' | head -n 1)
export HALLWATCH_ADMIN_PASSWORD=bench QUARKUS_HTTP_PORT=$http HALLWATCH_DATA_DIR=$work/data HALLWATCH_DEMO_ENABLED=false
export HALLWATCH_MQTT_EMBEDDED_PORT=18884
java -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
pid=$!
until curl -sf "localhost:$http/q/health/ready" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 0.1
done

json() { curl -sSf -u admin:bench -H 'content-type: application/json' "$@"; }
json -X POST "localhost:$http/api/halls" -d '{"id":"bench","name":"Bench","timezone":"Asia/Shanghai","openingHours":{"alwaysOpen":true}}' >/dev/null
json -X POST "localhost:$http/api/halls/bench/channels" \
  -d "{\"team\":\"cleaning\",\"kind\":\"WEBHOOK\",\"name\":\"bench\",\"url\":\"http://127.0.0.1:$hook/hook\",\"secret\":\"bench-secret\"}" >/dev/null
for ((i = 1; i <= bins; i++)); do
  json -X POST "localhost:$http/api/devices" -d "{\"id\":\"bin$i\",\"hall\":\"bench\",\"kind\":\"bin\",\"zone\":\"z$i\"}" \
    | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["mqttUsername"] + "," + d["mqttPassword"] + ",bench")'
done > "$work/bins.csv"
java -cp "$paho" bench/NotifyLatency.java tcp://127.0.0.1:18884 "$hook" "$work/bins.csv"
