# Sourced by bench/run: the servers of a benchmark (PostgreSQL, Mosquitto, HallWatch, the bare
# subscriber, Node-RED), starting, checking and stopping them, and the two steps that need them:
# provisioning the fleet and measuring one system's series. Uses bench/run's settings and helpers
# (log, die, track, stop, wait_until, require_free, bench). Every start_* sets <name>_pid and
# returns non-zero, having said why, when its server does not come up.

build_if_missing() {
  if [[ ! -f target/quarkus-app/quarkus-run.jar ]]; then
    log "building the service (target/quarkus-app/quarkus-run.jar)"
    ./mvnw -B -q package -DskipTests
  elif [[ -n $(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -type f 2>/dev/null | head -n 1) ]]; then
    log "note: src/main changed after target/quarkus-app was built; measuring the built jar" \
      "(./mvnw -B -q package -DskipTests rebuilds it)"
  fi
  if [[ ! -f firmware-bridge/target/firmware-bridge.jar ]]; then
    log "building firmware-bridge (firmware-bridge/target/firmware-bridge.jar)"
    ./mvnw -B -q -f firmware-bridge/pom.xml package -DskipTests
  fi
}

# The local PostgreSQL service, started as .ci/run does when it does not answer. It is the machine's
# service, not the benchmark's: it keeps running afterwards.
start_postgresql() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [[ $version ]] || die "PostgreSQL is not installed (apt-get install postgresql)"
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
  psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null ||
    die "PostgreSQL on 127.0.0.1:5432 does not let user postgres in without a password (trust, as .ci/run sets up)"
}

psql_bench() { psql -h 127.0.0.1 -U postgres -d "$database" -v ON_ERROR_STOP=1 -q "$@"; }

new_secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$1"; chmod 600 "$1"; }

# Logins and ACL of the bench broker, as the Compose stack's (deploy/compose/mosquitto/acl) plus the
# benchmark's own clients. Passwords are made for this invocation and removed with it.
write_broker_auth() {
  local user first=-c
  mkdir -p "$work/broker"
  new_secret "$work/admin.pw"
  for user in hallwatch loadgen bench-sub nodered; do
    new_secret "$work/broker/$user.pw"
    mosquitto_passwd $first -b "$work/broker/passwd" "$user" "$(cat "$work/broker/$user.pw")"
    first=
  done
  cat > "$work/broker/acl" <<'EOF'
# The service reads every device topic and publishes the teams' alerts.
user hallwatch
topic read hallwatch/v1/#
topic write hallwatch/v1/+/alerts/+

# firmware-bridge load publishes as every device with one login (docs/bridge-load-and-provision.md).
user loadgen
topic write hallwatch/v1/#

# The reference points only read.
user bench-sub
topic read hallwatch/v1/#

user nodered
topic read hallwatch/v1/#
EOF
}

# A fresh Mosquitto for one system (its log and config in DIR): production queue settings
# (deploy/mosquitto/hallwatch.conf) with persistence off, so nothing of a previous system's session
# can reach the next.
start_broker() {
  local dir=$1
  require_free "$broker_port" "the bench broker"
  {
    echo "per_listener_settings false"
    echo "listener $broker_port 127.0.0.1"
    echo "allow_anonymous false"
    echo "password_file $work/broker/passwd"
    echo "acl_file $work/broker/acl"
    echo "max_queued_messages 0"
    echo "max_inflight_messages 100"
    echo "persistence false"
    echo "log_dest stdout"
    echo "log_timestamp_format %Y-%m-%dT%H:%M:%S"
    # As root Mosquitto would switch to user mosquitto, who cannot read the private password file.
    ((EUID != 0)) || echo "user root"
  } > "$dir/mosquitto.conf"
  mosquitto -c "$dir/mosquitto.conf" > "$dir/mosquitto.log" 2>&1 &
  broker_pid=$!
  track "$broker_pid" mosquitto
  wait_until mosquitto "$broker_pid" "$dir/mosquitto.log" 15 port_open "$broker_port"
}

# The packaged service with production settings: the bench broker, PostgreSQL, -Xmx512m, no demo.
start_hallwatch() {
  local dir=$1
  require_free "$http_port" "HallWatch's HTTP port"
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS holds several flags
  HALLWATCH_MQTT_URL="tcp://127.0.0.1:$broker_port" HALLWATCH_MQTT_USERNAME=hallwatch \
    HALLWATCH_MQTT_PASSWORD="$(cat "$work/broker/hallwatch.pw")" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database" QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD= QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$http_port" \
    HALLWATCH_ADMIN_PASSWORD="$(cat "$work/admin.pw")" HALLWATCH_DATA_DIR="$work/hallwatch-data" HALLWATCH_DEMO_ENABLED=false \
    java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$dir/hallwatch.log" 2>&1 &
  hallwatch_pid=$!
  track "$hallwatch_pid" hallwatch
  wait_until hallwatch "$hallwatch_pid" "$dir/hallwatch.log" 180 curl -sf "http://127.0.0.1:$http_port/q/health/ready"
}

# mosquitto_sub on a persistent session, printing receipt time and payload into a named pipe that
# the harness reads. The shell opens the pipe before mosquitto_sub runs, so it connects only once
# the harness reads.
start_bare() {
  local dir=$1
  rm -f "$work/bare.fifo"
  mkfifo "$work/bare.fifo"
  mosquitto_sub -h 127.0.0.1 -p "$broker_port" -u bench-sub -P "$(cat "$work/broker/bench-sub.pw")" \
    -i bench-sub -c -q 1 -t 'hallwatch/v1/#' -F '%U %p' > "$work/bare.fifo" 2> "$dir/bare.log" &
  bare_pid=$!
  track "$bare_pid" mosquitto_sub
}

start_nodered() {
  local dir=$1
  require_free "$nr_port" "Node-RED (NR_PORT)"
  rm -rf "$work/nodered"
  mkdir -p "$work/nodered"
  NR_PORT=$nr_port MQTT_HOST=127.0.0.1 MQTT_PORT=$broker_port MQTT_USER=nodered \
    MQTT_PASSWORD="$(cat "$work/broker/nodered.pw")" PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE=$database PGUSER=postgres \
    bench/nodered/start "$work/nodered" > "$dir/nodered.log" 2>&1 &
  nodered_pid=$!
  track "$nodered_pid" nodered
  wait_until nodered "$nodered_pid" "$dir/nodered.log" 180 curl -sf "http://127.0.0.1:$nr_port/stats"
}

fleet_in_database() {
  psql -h 127.0.0.1 -U postgres -d "$database" -Atqc "select
      (select count(*) from device where id like 'bench-d%' and revoked_at is null) || '/' ||
      (select count(*) from hall where id like 'bench-h%')" 2>/dev/null
}

# The database with the fleet: recreated (unless --keep-db finds the fleet in it), migrated by the
# service, provisioned in SQL or through the API, and checked through the API.
provision_fleet() {
  local dir="$out/provision" fresh=1 t0=$SECONDS api=(--api "http://127.0.0.1:$http_port" --password-file "$work/admin.pw")
  mkdir -p "$dir"
  if [[ $keep_db && $(fleet_in_database) == "$devices/$halls" ]]; then
    log "keeping database $database: it holds the $devices devices in $halls halls"
    fresh=
  else
    log "creating database $database"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $database with (force)" \
      -c "create database $database"
  fi
  start_broker "$dir" || die "the broker did not start"
  start_hallwatch "$dir" || die "HallWatch did not start (it migrates the schema)"
  if [[ $fresh ]]; then
    if [[ $provision == sql ]]; then
      bench provision --mode template "${api[@]}" --devices "$devices" --halls "$halls" ||
        die "provisioning the first hall and device through the API failed (see $dir/hallwatch.log)"
      psql_bench -v template_hall=bench-h1 -v template_device=bench-d1 -f bench/lib/seed.sql < "$work/devices.csv" ||
        die "seeding the fleet in SQL failed"
    else
      bench provision --mode api "${api[@]}" --devices "$devices" --halls "$halls" ||
        die "provisioning through the API failed (see $dir/hallwatch.log)"
    fi
    log "provisioned $devices devices in $halls halls ($provision) in $((SECONDS - t0)) s"
    echo "provisionSeconds=$((SECONDS - t0))" >> "$out/settings.txt"
  fi
  bench verify "${api[@]}" --devices "$devices" --halls "$halls" || die "the service does not see the fleet as provisioned"
  stop "$hallwatch_pid" hallwatch
  stop "$broker_pid" mosquitto
}

# One system's series in DIR: a fresh broker, the system, the harness; then both stopped. On failure
# DIR/error.txt says why and the function answers non-zero; the run goes on with the next system.
measure_system() {
  local system=$1 dir=$2 pid probe=() rc=0
  start_broker "$dir" || { system_failed "$dir" "the broker did not start (see mosquitto.log)"; return 1; }
  case $system in
    hallwatch)
      psql_bench -f bench/lib/reset.sql > "$dir/reset.log" 2>&1 ||
        { system_failed "$dir" "resetting $database failed (see reset.log)"; return 1; }
      start_hallwatch "$dir" || { system_failed "$dir" "HallWatch did not start (see hallwatch.log)"; return 1; }
      pid=$hallwatch_pid probe=(--metrics-url "http://127.0.0.1:$http_port") ;;
    bare)
      start_bare "$dir"
      pid=$bare_pid probe=(--fifo "$work/bare.fifo") ;;
    nodered)
      start_nodered "$dir" || { system_failed "$dir" "Node-RED did not start (see nodered.log)"; return 1; }
      pid=$nodered_pid probe=(--stats-url "http://127.0.0.1:$nr_port") ;;
  esac
  bench measure --system "$system" --pid "$pid" --broker-pid "$broker_pid" --broker-port "$broker_port" \
    --log "$dir/$system.log" --dir "$dir" "${probe[@]}" --rates "$rates" --prewarm "$prewarm" --warmup "$warmup" \
    --step "$step" --drain-timeout "$drain_timeout" --stop-after "$stop_after" --connections "$connections" \
    --devices-csv "$work/devices.csv" \
    --bridge-jar firmware-bridge/target/firmware-bridge.jar --load-user loadgen \
    --load-password-file "$work/broker/loadgen.pw" &
  measure_pid=$!
  track "$measure_pid" "the harness"
  wait "$measure_pid" || rc=$?
  stop_started
  [[ $rc == 0 || -f $dir/error.txt ]] || echo "the harness exited with $rc (see bench.log)" > "$dir/error.txt"
  return "$rc"
}

system_failed() {
  echo "$2" > "$1/error.txt"
  stop_started
}
