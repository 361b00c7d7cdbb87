#!/bin/sh
# Start of the mosquitto container with dynamic security (compose.dynsec.yaml runs it through the
# image's entrypoint, as root). On the first start it makes the plugin's file in the mosquitto-auth
# volume, holding one client: the administrator hallwatch-admin, with the password
# HALLWATCH_MQTT_DYNSEC_ADMIN_PASSWORD of .env. HallWatch logs in as that administrator and creates
# its own client and one per device. Later starts keep the file, and with it every device's login:
# to change the administrator's password then, use
#   docker compose exec mosquitto mosquitto_ctrl -u hallwatch-admin -P <old> dynsec setClientPassword hallwatch-admin <new>
# and put the new one in .env.
set -eu

auth=/mosquitto/auth
file=$auth/dynamic-security.json
mkdir -p "$auth"
if [ ! -f "$file" ]; then
    mosquitto_ctrl dynsec init "$file" hallwatch-admin "$DYNSEC_ADMIN_PASSWORD" >/dev/null
    echo "created $file with the administrator hallwatch-admin"
fi
# Mosquitto rewrites the file as the mosquitto user on every change, and warns about files others can read.
chown -R mosquitto:mosquitto "$auth"
chmod 0700 "$auth"
chmod 0600 "$file"

exec mosquitto -c /etc/mosquitto/mosquitto.conf
