-- The access log (nhật ký truy cập): who touched which person's data, why and through which channel.
-- DESIGN §3: every read of a person's data is logged here; the citizen's "who accessed my data", partner
-- metering and invoices are all read from this one table.
--
-- Tamper evidence. Rows form hash chains, one per lane (lane = a stable hash of subject_id mod the number of
-- lanes, so a subject's entries share a lane and writers to different lanes never wait for each other).
-- hash = sha256(prev_hash || the row's canonical bytes; see src/audit/chain.ts); audit.chain_head keeps the
-- last seq and hash of each lane and is locked (FOR UPDATE, lanes in ascending order) by every append, so a
-- lane's seq has no gaps and its order is the commit order. The application role should hold only SELECT
-- and INSERT on access_log (and SELECT, UPDATE on chain_head); the trigger below refuses changes even to
-- the table's owner, short of disabling it, which the chain then reveals.
--
-- Partitioning at scale (DESIGN §1). When the table grows, it becomes `partition by range (at)` with one
-- partition per month, created ahead by a maintenance job. PostgreSQL requires every unique constraint of a
-- partitioned table to include the partition key, so the primary key becomes (id, at) and the unique key
-- (lane, seq, at): one row per (lane, seq) is then guaranteed by the chain_head lock (the only append path)
-- and checked by the chain verification. Appends keep `at` non-decreasing within a lane (chain_head.at), so
-- each monthly partition holds one contiguous run of every lane's chain.
--
-- Retention. Old months are removed by detaching their partition (`alter table audit.access_log detach
-- partition audit.access_log_2025_01 concurrently`), archiving it and dropping it: never by DELETE, which
-- the trigger refuses. Before detaching, the job records, per lane, the last (seq, hash) in that partition
-- as the lane's verification anchor, from which verification then starts instead of the genesis hash.

create schema audit;

create table audit.access_log (
  id bigint generated always as identity primary key,
  lane smallint not null check (lane >= 0),
  seq bigint not null check (seq >= 1),
  at timestamptz not null,
  actor_id text not null check (char_length(actor_id) between 1 and 200),
  actor_kind text not null check (actor_kind in ('officer', 'citizen', 'partner', 'admin', 'system', 'agency')),
  -- The partner's or agency's display name, shown to the citizen.
  actor_name text check (char_length(actor_name) between 1 and 200),
  purpose text not null check (char_length(purpose) between 1 and 200),
  channel text not null check (channel in ('api', 'web', 'batch', 'oidc', 'cli', 'event')),
  -- read, search, verify, export, sign_in, claims_released, …
  action text not null check (action ~ '^[a-z][a-z0-9_.]{0,63}$'),
  -- The personal ID number whose data was touched.
  subject_id char(12) not null check (subject_id ~ '^[0-9]{12}$'),
  request_id text check (char_length(request_id) between 1 and 200),
  -- Facts about the access (a result code, a count); never personal data.
  details jsonb check (jsonb_typeof(details) = 'object'),
  prev_hash bytea not null check (length(prev_hash) = 32),
  hash bytea not null check (length(hash) = 32),
  constraint access_log_lane_seq unique (lane, seq)
);

-- The citizen's "who accessed my data", newest first; id breaks ties for keyset paging.
create index access_log_subject on audit.access_log (subject_id, at desc, id desc);

-- Metering and invoices count rows over a period (a BRIN index would do once partitioned by time).
create index access_log_at on audit.access_log (at);

create table audit.chain_head (
  lane smallint primary key check (lane >= 0),
  seq bigint not null check (seq >= 0),
  hash bytea not null check (length(hash) = 32),
  -- `at` of the lane's last row: appends never go back in time within a lane (null before the first).
  at timestamptz
);

-- Lanes 0..15 start at the genesis hash (32 zero bytes); more lanes are added on first use.
insert into audit.chain_head (lane, seq, hash)
select lane, 0, decode(repeat('00', 32), 'hex') from generate_series(0, 15) as lane;

create function audit.refuse_access_log_change() returns trigger
language plpgsql as $$
begin
  raise exception 'audit.access_log is append-only: % is refused', tg_op
    using hint = 'Entries are never changed or deleted; retention detaches whole time partitions.';
end;
$$;

create trigger access_log_append_only
  before update or delete on audit.access_log
  for each row execute function audit.refuse_access_log_change();

create trigger access_log_no_truncate
  before truncate on audit.access_log
  for each statement execute function audit.refuse_access_log_change();
