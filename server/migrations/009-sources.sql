-- Platform sources the hub pulls customers from (Vendure, Shopify, WooCommerce), one pull for every user. Credentials
-- are sealed with the hub's key (AES-256-GCM, context "connector:<id>"): this table alone does not give them away.
-- `cursor` is the connector's own position, committed with each page it applied, so a restarted hub resumes there.
create table sources (
  id text primary key,
  kind text not null,
  -- Where the platform is (url, channel token, API version): never a credential.
  settings jsonb not null,
  credentials text not null,
  every_minutes int not null check (every_minutes > 0),
  cursor text,
  next_run_at timestamptz not null default now(),
  failures int not null default 0,
  last_run_at timestamptz,
  last_success_at timestamptz,
  -- What went wrong last: the connector's description of the failure, never a record.
  last_error text,
  last_changes int not null default 0,
  last_rejected int not null default 0,
  total_changes bigint not null default 0,
  -- Whoever pulls holds the lease, renewed with each page: one pull of a source at a time across hub processes.
  lease_owner text,
  lease_until timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The source that last wrote each customer: its sweep compares them with the platform's to find deletions.
alter table customers add column source_id text;
create index customers_source on customers (source_id) where deleted_at is null and source_id is not null;
