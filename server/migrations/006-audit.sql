-- The company's copy of every device's view audit (lib/audit/chain.ts): who was shown which customer, where, when,
-- how found and why. Each device's entries form a hash chain. Entries are kept exactly as sent (`at` as its text, so
-- the hash can be checked again), plus who uploaded them and when the hub received them.
create table audit_entries (
  id bigint generated always as identity primary key,
  device text not null,
  seq bigint not null,
  at text not null,
  -- `at` as a time, to the millisecond, for filters, ordering and page cursors.
  at_time timestamptz not null,
  user_id text not null,
  action text not null check (action in ('view', 'reveal', 'search')),
  customer_id text,
  location text not null,
  adapter text,
  found_by text not null,
  reason text,
  prev text not null,
  hash text not null,
  received_at timestamptz not null default now(),
  uploaded_by text not null,
  unique (device, seq)
);
create index audit_entries_newest on audit_entries (at_time desc, id desc);
create index audit_entries_by_user on audit_entries (user_id, at_time desc, id desc);
create index audit_entries_by_customer on audit_entries (customer_id, at_time desc, id desc);
create index audit_entries_received on audit_entries (received_at);

-- Append-only. Every UPDATE and TRUNCATE is refused, and every DELETE except the retention purge's: that one runs in
-- purge_audit_entries(), which names a cutoff in the transaction-local setting reconnu.audit_purge_before; only rows
-- received before that cutoff may then go. A role owning the table can still drop this trigger: it guards against
-- mistakes and application bugs, and a role that does not own the table (see the README) cannot.
create function audit_entries_append_only() returns trigger language plpgsql as $$
declare
  cutoff text := current_setting('reconnu.audit_purge_before', true);
begin
  if tg_op = 'DELETE' and coalesce(cutoff, '') <> '' and old.received_at < cutoff::timestamptz then
    return old;
  end if;
  raise exception 'audit entries are append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;
create trigger audit_entries_append_only before update or delete on audit_entries
  for each row execute function audit_entries_append_only();
create trigger audit_entries_no_truncate before truncate on audit_entries
  for each statement execute function audit_entries_append_only();

-- The retention purge, the one way entries leave: those received more than `retention` ago. SECURITY DEFINER, so a hub
-- running under a role that has no DELETE on the table can still purge, through this function and nothing else.
create function purge_audit_entries(retention interval) returns bigint language plpgsql security definer
set search_path from current as $$
declare
  purged bigint;
begin
  perform set_config('reconnu.audit_purge_before', (now() - retention)::text, true);
  delete from audit_entries where received_at < now() - retention;
  get diagnostics purged = row_count;
  perform set_config('reconnu.audit_purge_before', '', true);
  return purged;
end $$;

-- Nobody changes an entry: not PUBLIC, nor the role that runs this migration (when it is not a superuser, which
-- bypasses privileges; the trigger above still refuses). DELETE stays with the owner for the purge function.
revoke update, truncate on audit_entries from public;
revoke update, truncate on audit_entries from current_user;
revoke all on function purge_audit_entries(interval) from public;
