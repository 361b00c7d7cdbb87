#!/bin/bash
# Runs once, when the influxdb container sets up an empty influxdb-data volume (the image runs every
# executable *.sh of /docker-entrypoint-initdb.d after creating the org, bucket and admin token, with
# the influx CLI already logged in as that admin). It can also be run again by hand, which makes new
# tokens (README.md, 'Tokens'):
#   docker compose exec influxdb /docker-entrypoint-initdb.d/10-hallwatch-tokens.sh
#
# It makes
#   - a token that may only write the bucket, for HallWatch: written as the properties file
#     hallwatch-timeseries.properties (hallwatch.timeseries.token=...), which the service reads
#     through QUARKUS_CONFIG_LOCATIONS;
#   - a token that may only read the bucket, for Grafana: grafana-read.token, which grafana/start.sh
#     exports as INFLUX_READ_TOKEN;
#   - the DBRP mapping that lets InfluxQL (the boards' query language) find the bucket.
# Both files go to the influx-tokens volume, readable only by the user of the container that needs it.
set -euo pipefail

org=${DOCKER_INFLUXDB_INIT_ORG}
bucket=${DOCKER_INFLUXDB_INIT_BUCKET}
# Grafana's datasource names the bucket as its InfluxQL database, so the mapping uses the same name.
database=${bucket}
token_dir=/var/lib/hallwatch-tokens
hallwatch_uid=10001   # USER of deploy/compose/Dockerfile
grafana_uid=472       # the grafana/grafana image's user

log() { echo "hallwatch-tokens: $*" >&2; }

token_of() { sed -n 's/.*"token": *"\([^"]*\)".*/\1/p'; }

bucket_id=$(influx bucket list --org "$org" --name "$bucket" --hide-headers | cut -f 1)
if [ -z "$bucket_id" ]; then
    log "bucket $bucket not found in org $org"
    exit 1
fi

write_token=$(influx auth create --org "$org" --write-bucket "$bucket_id" \
    --description "hallwatch service: write $bucket" --json | token_of)
read_token=$(influx auth create --org "$org" --read-bucket "$bucket_id" \
    --description "grafana: read $bucket" --json | token_of)
if [ -z "$write_token" ] || [ -z "$read_token" ]; then
    log "influx auth create gave no token"
    exit 1
fi

# InfluxDB 2.4+ also lists a virtual, read-only mapping per bucket, after a "VIRTUAL DBRP MAPPINGS"
# line; only the physical ones above that line count.
physical_mappings() {
    influx v1 dbrp list --org "$org" --db "$database" --rp autogen --hide-headers \
        | sed '/VIRTUAL DBRP MAPPINGS/,$d' | grep -c . || true
}
if [ "$(physical_mappings)" = 0 ]; then
    influx v1 dbrp create --org "$org" --db "$database" --rp autogen --bucket-id "$bucket_id" --default
fi

# install <content> <file> <uid>: written aside first, so that a reader never sees half a file.
install_file() {
    local tmp
    tmp=$(mktemp "$token_dir/.tmp.XXXXXX")
    printf '%s\n' "$1" >"$tmp"
    chown "$3" "$tmp"
    chmod 0400 "$tmp"
    mv -f "$tmp" "$token_dir/$2"
}

umask 077
mkdir -p "$token_dir"
chmod 0755 "$token_dir"
install_file "hallwatch.timeseries.token=$write_token" hallwatch-timeseries.properties "$hallwatch_uid"
install_file "$read_token" grafana-read.token "$grafana_uid"
log "wrote $token_dir/hallwatch-timeseries.properties and $token_dir/grafana-read.token"
