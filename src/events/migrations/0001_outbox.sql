-- The events outbox (DESIGN.md §3): a row per domain event, written in the transaction of the change it
-- reports; each consumer keeps its own position, so every event reaches every consumer once, in order.
create schema if not exists events;

create table events.outbox (
  id bigserial primary key,
  type text not null check (type ~ '^[a-z]+(\.[a-z_]+)+$'),
  -- The personal ID number (or other key) the event is about.
  subject text not null,
  payload jsonb not null default '{}'::jsonb,
  occurred_at timestamptz not null
);

create table events.consumer (
  name text primary key,
  position bigint not null default 0,
  updated_at timestamptz not null default now()
);
