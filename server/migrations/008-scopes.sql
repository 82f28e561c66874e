-- Scopes: which customers each user's extension receives. Every customer row keeps the keys a scope is decided on
-- (its stores, its address countries, its latest online activity and whether that counts as active), and the keys
-- it has lost (`left_*`) with the sequence number of the latest loss (`left_seq`), so that a change moving a customer
-- out of a user's scope reaches that user's next page as a Deletion, with keyset pagination on `seq` alone.

-- The scope keys of a customer record, one definition for the writes and the backfill below.
create function customer_scope_stores(body jsonb) returns text[] language sql immutable as $$
  select coalesce(array(select distinct s from jsonb_array_elements_text(
    case when jsonb_typeof(body -> 'stores') = 'array' then body -> 'stores' else '[]'::jsonb end) s), '{}')
$$;

create function customer_scope_countries(body jsonb) returns text[] language sql immutable as $$
  select coalesce(array(select distinct upper(a ->> 'country') from jsonb_array_elements(
    case when jsonb_typeof(body -> 'addresses') = 'array' then body -> 'addresses' else '[]'::jsonb end) a
    where a ->> 'country' is not null), '{}')
$$;

-- Latest online activity: a web or app order, a wishlist or recently viewed item; a non-empty cart (its items carry
-- no date) counts at the record's updatedAt.
create function customer_online_at(body jsonb) returns timestamptz language sql stable as $$
  select max(at) from (
    select (o ->> 'placedAt')::timestamptz as at from jsonb_array_elements(
      case when jsonb_typeof(body -> 'orders') = 'array' then body -> 'orders' else '[]'::jsonb end) o
      where o ->> 'channel' in ('web', 'app')
    union all
    select (w ->> 'addedAt')::timestamptz from jsonb_array_elements(
      case when jsonb_typeof(body -> 'wishlist') = 'array' then body -> 'wishlist' else '[]'::jsonb end) w
    union all
    select (v ->> 'viewedAt')::timestamptz from jsonb_array_elements(
      case when jsonb_typeof(body -> 'recentlyViewed') = 'array' then body -> 'recentlyViewed' else '[]'::jsonb end) v
    union all
    select (body ->> 'updatedAt')::timestamptz
      where jsonb_typeof(body -> 'cart') = 'array' and jsonb_array_length(body -> 'cart') > 0
  ) activity
$$;

-- The distinct union of what a customer had already left and what it leaves now (old keys not in the new ones).
create function scope_keys_left(already text[], old_keys text[], new_keys text[]) returns text[] language sql
immutable as $$
  select coalesce(array(select k from unnest(already) k union select k from unnest(old_keys) k
    except select k from unnest(new_keys) k), '{}')
$$;

alter table customers
  add column scope_stores text[] not null default '{}',
  add column scope_countries text[] not null default '{}',
  add column online_at timestamptz,
  add column online_active boolean not null default false,
  add column left_stores text[] not null default '{}',
  add column left_countries text[] not null default '{}',
  add column left_online boolean not null default false,
  add column left_seq bigint not null default 0;

-- Existing customers, with the default window of 12 months: the hub's online-activity job brings them to the
-- configured window at start.
update customers set
  scope_stores = customer_scope_stores(body),
  scope_countries = customer_scope_countries(body),
  online_at = customer_online_at(body)
where body is not null;
update customers set online_at = now() where online_at > now();
update customers set online_active = true where online_at > now() - interval '12 months';

-- The online-activity job looks for customers whose activity crossed the window, either way.
create index customers_online on customers (online_at) where online_at is not null;

-- A user's segment: null for every customer, else { "stores"?: [..], "countries"?: [..] } (every listed dimension
-- must match). Store staff are scoped by `stores` instead (see server/scopes/).
alter table users add column scope jsonb;
