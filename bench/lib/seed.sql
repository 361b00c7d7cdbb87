-- Seeds the benchmark fleet straight into the service's tables, copying what the REST API made for
-- the first hall and device (bench/run creates those through the API first, so the hall's settings,
-- the row formats and the credential hash are the service's own). Reads the fleet CSV
-- (id,hall,kind,window,zone, written by `Bench devices`) on standard input:
--   psql -v ON_ERROR_STOP=1 -v template_hall=bench-h1 -v template_device=bench-d1 -f seed.sql < devices.csv
-- Every device shares the template's credential hash: the bench's Mosquitto checks its own password
-- file, so no device logs in with these credentials. Audit lines are written only for the template.
begin;

create temp table fleet (id varchar(64), hall varchar(64), kind varchar(16), window_id varchar(64), zone varchar(200))
    on commit drop;
\copy fleet from pstdin with (format csv, header true)

insert into hall (id, name, timezone, language, opening_hours, rules, deadlines, created_at, updated_at)
select f.hall, 'Bench hall ' || f.hall, t.timezone, t.language, t.opening_hours, t.rules, t.deadlines, now(), now()
from (select distinct hall from fleet) f cross join hall t
where t.id = :'template_hall'
on conflict (id) do nothing;

insert into staff (id, name, hall_id)
select distinct f.hall || '-' || f.window_id, 'Staff ' || f.window_id, f.hall
from fleet f where f.window_id is not null
on conflict (id) do nothing;

insert into hall_window (hall_id, window_id, name, staff_a)
select distinct f.hall, f.window_id, 'Window ' || f.window_id, f.hall || '-' || f.window_id
from fleet f where f.window_id is not null
on conflict (hall_id, window_id) do nothing;

insert into device (id, hall_id, kind, window_id, zone, credential_hash, created_at, online, version)
select f.id, f.hall, upper(f.kind), f.window_id, nullif(f.zone, ''), t.credential_hash, now(), false, 0
from fleet f cross join device t
where t.id = :'template_device'
on conflict (id) do nothing;

commit;
analyze hall;
analyze hall_window;
analyze staff;
analyze device;
