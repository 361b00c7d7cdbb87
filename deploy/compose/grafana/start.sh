#!/bin/sh
# Start of the grafana container (compose.yaml makes it the entrypoint). The provisioned InfluxDB
# datasource (grafana/provisioning) reads its token from INFLUX_READ_TOKEN: when .env leaves that
# empty, it is the read-only token the InfluxDB init script wrote on the first start.
set -eu

token_file=/var/lib/hallwatch-tokens/grafana-read.token

if [ -z "${INFLUX_READ_TOKEN:-}" ]; then
    if [ ! -r "$token_file" ]; then
        echo "grafana-start: $token_file is missing and INFLUX_READ_TOKEN is empty;" \
             "see deploy/compose/README.md, 'Tokens'" >&2
        exit 1
    fi
    INFLUX_READ_TOKEN=$(cat "$token_file")
    export INFLUX_READ_TOKEN
fi

exec /run.sh "$@"
