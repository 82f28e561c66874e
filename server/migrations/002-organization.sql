-- The organization's own email domains and phones, served in /v1/me so that no extension ever takes the company's
-- addresses or switchboard for a customer's. One row, replaced whole by an admin.
create table organization (
  singleton boolean primary key default true check (singleton),
  domains text[] not null default '{}',
  phones text[] not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by text references users (id) on delete set null
);
insert into organization default values;
