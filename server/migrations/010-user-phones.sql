-- A user's own phones (desk line, mobile), served in /v1/me so that no extension ever takes them for a customer's.
alter table users add column phones text[] not null default '{}';
