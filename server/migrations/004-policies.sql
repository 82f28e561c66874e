-- The empowerment policy: every version an administrator set is kept, with who set it (a user id, or "cli") and when;
-- the highest revision is in force. Its signing key, when not given as a file, is a sealed row of hub_secrets.
create table policies (
  revision bigint generated always as identity primary key,
  body jsonb not null,
  set_by text not null,
  set_at timestamptz not null default now()
);
