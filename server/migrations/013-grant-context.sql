-- Everything a grant is decided on, read in one round trip once its budgets are locked (server/gestures/grant.ts):
-- the record a retry already stored under its Idempotency-Key, the policy in force, the customer, and the given
-- gestures the evaluation may count. The locks are taken first, each in a statement of its own, so the reads (one
-- statement, with a snapshot taken after the locks, as in any volatile function) see every grant committed before.
-- The locks are transaction-level: the caller runs this inside the transaction that then stores the record.
create function grant_context(p_customer text, p_agent text, p_key text, p_gesture text, p_now timestamptz)
returns json language plpgsql volatile as $$
begin
  -- The customer's budget, then the agent's: always in that order, so two grants never wait on each other in a cycle.
  -- The constants name the two kinds of budget lock among the database's advisory locks.
  perform pg_advisory_xact_lock(7250501, hashtext(p_customer));
  perform pg_advisory_xact_lock(7250502, hashtext(p_agent));
  return (
    with policy as (
      select revision, body, set_by, set_at from policies order by revision desc limit 1
    ),
    -- The longest per-customer period of the policy's rules for this gesture, a rule without one counting 1 day.
    customer_days as (
      select greatest(1, max(coalesce((rule -> 'perCustomer' ->> 'days')::int, 1))) as days
      from policy, jsonb_array_elements(policy.body -> 'rules') rule
      where rule ->> 'gesture' = p_gesture
    )
    select json_build_object(
      'retried', (
        select row_to_json(g) from (
          select id, customer_id, agent_id, agent_name, gesture, size, currency, reason, channel, status, at, rule,
            decided_by, comment
          from gestures where agent_id = p_agent and idempotency_key = p_key
        ) g
      ),
      'policy', (
        select json_build_object('revision', revision, 'body', body::text, 'set_by', set_by, 'set_at', set_at)
        from policy
      ),
      'customer', (select body from customers where id = p_customer and deleted_at is null),
      -- This gesture to this customer over that period, and by this agent over the last two days (its "today" in the
      -- policy's time zone), a day of margin on each: the evaluator keeps the exact days.
      'history', (
        select coalesce(json_agg(g), '[]') from (
          select id, customer_id, agent_id, agent_name, gesture, size, currency, reason, channel, status, at, rule,
            decided_by, comment
          from gestures
          where gesture = p_gesture and status in ('granted', 'approved')
            and ((customer_id = p_customer
                  and at >= p_now - ((select coalesce(days, 1) from customer_days) + 1) * interval '24 hours')
              or (agent_id = p_agent and at >= p_now - interval '48 hours'))
        ) g
      )
    )
  );
end
$$;
