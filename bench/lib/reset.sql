-- Puts the bench database back to "provisioned, never heard from" before each HallWatch series, so
-- that every run starts from the same state: no work orders, rule states, taps, rejections or
-- outbox rows, and no device readings. The registry (halls, windows, staff, devices, users) and the
-- append-only audit trail stay.
truncate work_order_event, notification, work_order, rule_state, badge_tap, attendance_day, ingest_rejection,
    influx_outbox restart identity;
update device set last_seen = null, battery = null, online = false, last_seq = null, last_ts = null,
    occupied = null, sign_state = null, sign_showing = null, sign_code = null, fill = null, last_card = null,
    last_action = null, version = 0
where last_seen is not null or last_ts is not null or online;
vacuum analyze device;
