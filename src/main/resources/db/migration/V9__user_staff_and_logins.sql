-- People and their logins (issue 7): a person with the role staff is linked to their staff member,
-- whose attendance is the only one they see; when each password was last set, so that an
-- administrator can tell who still has the password they were given. Portable between PostgreSQL
-- and H2 (MODE=PostgreSQL), like V1.
alter table app_user add column staff_id varchar(64) references staff (id);
alter table app_user add column password_changed_at timestamp with time zone;
update app_user set password_changed_at = updated_at;
