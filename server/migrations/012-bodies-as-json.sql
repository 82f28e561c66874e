-- Customer bodies as json rather than jsonb: the hub validates a record before it writes it and serves it back as it
-- stored it, so the body is kept as its text. Writing it then costs no parse into a tree, and reading it no
-- serialization back out of one, which were most of the time of a push and of a page of the feed. The scope keys are
-- computed from the validated record when it is written (server/scopes/keys.ts), so the SQL functions that read them
-- out of the body go.
alter table customers alter column body type json using body::text::json;
drop function customer_scope_stores(jsonb);
drop function customer_scope_countries(jsonb);
drop function customer_online_at(jsonb);
