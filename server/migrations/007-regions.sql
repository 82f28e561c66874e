-- Page regions the team shares (lib/feed/regions.ts): where on a site agents found the customer, as page structure,
-- never page text. Agents propose; a supervisor or an administrator approves or rejects; every extension reads the
-- approved ones.
create table shared_regions (
  site text not null,
  region text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  decided_by text,
  decided_at timestamptz,
  proposed_at timestamptz not null default now(),
  primary key (site, region)
);
create index shared_regions_approved on shared_regions (decided_at desc) where status = 'approved';

-- Who proposed a region: kept on the hub, the API only says how many distinct people did.
create table shared_region_proposers (
  site text not null,
  region text not null,
  user_id text not null references users (id) on delete cascade,
  proposed_at timestamptz not null default now(),
  primary key (site, region, user_id),
  foreign key (site, region) references shared_regions (site, region) on delete cascade
);
