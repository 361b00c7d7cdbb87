#!/bin/sh
# Adds, changes or removes MQTT accounts at the stack's Mosquitto, then has Mosquitto re-read its
# password file (SIGHUP; connected clients stay connected). It works on the compose project of its
# own folder, from wherever it is started.
#
#   ./mqtt-user.sh add <user> <password>   a device (user = device id) or a crew member of /api/users
#   ./mqtt-user.sh import <answer.json>    every mqttUsername/mqttPassword pair in a saved answer of
#                                          POST /api/devices or POST /api/devices/import
#   ./mqtt-user.sh remove <user>           after DELETE /api/devices/{id}
set -eu

cd "$(dirname "$0")"
compose=${COMPOSE:-docker compose}
passwd=/mosquitto/auth/passwd

usage() {
    sed -n '2,9p' "$0" >&2
    exit 2
}

# stdin from /dev/null: exec would otherwise swallow the rest of the import loop's input.
in_broker() {
    $compose exec -T -u mosquitto mosquitto "$@" </dev/null
}

reload() {
    $compose kill -s SIGHUP mosquitto >/dev/null
    echo "Mosquitto re-read its password file"
}

pairs_of() {
    tr -d ' \t\r\n' <"$1" | grep -o '"mqttUsername":"[^"]*","mqttPassword":"[^"]*"' \
        | sed 's/"mqttUsername":"\([^"]*\)","mqttPassword":"\([^"]*\)"/\1 \2/' || true
}

case "${1:-}" in
    add)
        [ $# -eq 3 ] || usage
        in_broker mosquitto_passwd -b "$passwd" "$2" "$3"
        echo "set the password of $2"
        reload
        ;;
    remove)
        [ $# -eq 2 ] || usage
        in_broker mosquitto_passwd -D "$passwd" "$2"
        echo "removed $2 (a client still connected keeps its connection: docker compose restart mosquitto)"
        reload
        ;;
    import)
        [ $# -eq 2 ] || usage
        pairs=$(pairs_of "$2")
        [ -n "$pairs" ] || { echo "no mqttUsername/mqttPassword pairs in $2" >&2; exit 1; }
        echo "$pairs" | while read -r user password; do
            in_broker mosquitto_passwd -b "$passwd" "$user" "$password"
            echo "set the password of $user"
        done
        reload
        ;;
    *)
        usage
        ;;
esac
