-- The feed: one row per customer id, live or deleted (a tombstone keeps its id, version and deletion time until the
-- retention purges it). `seq` is the row's latest change, taken from feed_state.head_seq in the writing transaction;
-- writers serialize on that row, so sequence order is commit order and a reader paging by seq never skips a change.
create table customers (
  id text primary key,
  version bigint not null,
  body jsonb,
  deleted_at timestamptz,
  seq bigint not null unique,
  changed_at timestamptz not null default now(),
  constraint customers_live_or_deleted check ((body is null) = (deleted_at is not null))
);
create index customers_tombstones on customers (changed_at) where deleted_at is not null;

-- One row. `epoch` names this database's feed, so a cursor from another database is refused; `purged_through_seq`
-- is the latest tombstone the retention has removed: a cursor before it may have missed a deletion.
create table feed_state (
  singleton boolean primary key default true check (singleton),
  epoch text not null default replace(gen_random_uuid()::text, '-', ''),
  head_seq bigint not null default 0,
  purged_through_seq bigint not null default 0
);
insert into feed_state default values;

create table users (
  id text primary key,
  email text not null,
  name text not null,
  role text not null check (role in ('agent', 'store', 'supervisor', 'admin')),
  stores text[] not null default '{}',
  created_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));

-- Personal access tokens: only the SHA-256 of the 256-bit secret is kept.
create table tokens (
  id text primary key,
  user_id text not null references users (id) on delete cascade,
  hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index tokens_user on tokens (user_id);
