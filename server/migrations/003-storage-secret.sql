-- The hub's secret from which each user's storage secret is derived (GET /v1/storage-key). Kept in the database so
-- that every hub process serving the same users derives the same secrets. Filled at first start by the hub.
create table hub_secrets (
  name text primary key,
  value bytea not null,
  created_at timestamptz not null default now()
);
