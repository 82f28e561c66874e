-- The gesture ledger: what agents granted or asked for, on every channel, and the supervisors' decisions. A record is
-- stored once per (agent, Idempotency-Key), so a retried request answers the same record.
create table gestures (
  id text primary key,
  seq bigint generated always as identity,
  agent_id text not null,
  idempotency_key text not null,
  customer_id text not null,
  agent_name text,
  gesture text not null,
  size bigint not null check (size > 0),
  currency text,
  reason text not null,
  channel text not null,
  status text not null check (status in ('granted', 'pending', 'approved', 'rejected')),
  at timestamptz not null,
  rule text,
  decided_by text,
  decided_at timestamptz,
  comment text,
  constraint gestures_idempotency unique (agent_id, idempotency_key)
);
-- The list filters (customer, agent, status, since), newest first; the agent's one also serves its daily budget.
create index gestures_customer on gestures (customer_id, at desc);
create index gestures_agent on gestures (agent_id, at desc);
create index gestures_status on gestures (status, at desc);
create index gestures_at on gestures (at desc);
