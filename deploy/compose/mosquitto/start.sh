#!/bin/sh
# Start of the mosquitto container (compose.yaml runs it through the image's entrypoint, as root).
# It makes sure the password file holds the service's account with the password of .env, installs
# the ACL file next to it, and starts Mosquitto, which drops to the mosquitto user. The device accounts
# that mqtt-user.sh added stay in the password file: it lives in the mosquitto-auth volume.
set -eu

auth=/mosquitto/auth
mkdir -p "$auth"
[ -f "$auth/passwd" ] || : > "$auth/passwd"
mosquitto_passwd -b "$auth/passwd" hallwatch "$SERVICE_PASSWORD"
cp /etc/mosquitto/acl "$auth/acl"
# Mosquitto re-reads both files as the mosquitto user on SIGHUP, and warns about files others can read.
chown -R mosquitto:mosquitto "$auth"
chmod 0700 "$auth"
chmod 0600 "$auth/passwd" "$auth/acl"

exec mosquitto -c /etc/mosquitto/mosquitto.conf
