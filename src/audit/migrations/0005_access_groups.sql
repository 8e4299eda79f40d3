-- Group entries: many accesses by one actor with one purpose, channel and action at one moment (a chunk of a
-- partner's batch file: a thousand checks or more) kept as one chained row of audit.access_log and a narrow
-- row per subject in audit.access_subject. A plain entry's row cost PostgreSQL 15-17 µs (four indexes,
-- checks, jsonb details, its own hash); a narrow row costs a few (bench/RESULTS.md, verification).
--
-- What the chain seals. A group's row has no subject_id; it carries the number of its subjects and the
-- SHA-256 of their list (`subjects_digest`, src/audit/chain.ts: each subject's 12 digits and its line as four
-- bytes, in item order), and its hash seals both. Verification reads each group's subjects back and
-- recomputes the digest, so a subject row changed, deleted or slipped into a group is found like a changed
-- entry. A subject row that names no group is never shown: the citizen's history joins it to its group.
--
-- Counting. `subjects` is 1 for a plain entry and the group's size for a group; every count of entries (the
-- hourly counts, usage, quotas) sums it, so a group of a thousand checks counts a thousand.

alter table audit.access_log alter column subject_id drop not null;
alter table audit.access_log add column subjects integer not null default 1 check (subjects >= 1);
alter table audit.access_log add column subjects_digest bytea check (length(subjects_digest) = 32);
alter table audit.access_log add constraint access_log_subject_or_group
  check ((subject_id is null) = (subjects_digest is not null) and (subject_id is null or subjects = 1));

create table audit.access_subject (
  -- The group's row in audit.access_log (no foreign key: a check per row, and the digest covers it).
  entry_id bigint not null,
  -- The subject's place in the group, from 1.
  item integer not null check (item >= 1),
  -- Digits, compared byte by byte as the registry's ID numbers are (registry migration 0003).
  subject_id char(12) collate "C" not null check (subject_id ~ '^[0-9]{12}$'),
  -- The group's time, for the citizen's history in time order.
  at timestamptz not null,
  -- Where the subject came from in the caller's input (a line of a batch file), if anywhere.
  line integer check (line >= 1)
);

-- The citizen's "who accessed my data", merged with the plain entries' index of the same order.
create index access_subject_subject on audit.access_subject (subject_id, at desc, entry_id desc, item desc);
-- A group's subjects, for verification: they are inserted together, so a block range summary finds them.
create index access_subject_entry on audit.access_subject using brin (entry_id) with (autosummarize = on);

create or replace function audit.refuse_access_log_change() returns trigger
language plpgsql as $$
begin
  raise exception '%.% is append-only: % is refused', tg_table_schema, tg_table_name, tg_op
    using hint = 'Entries are never changed or deleted; retention detaches whole time partitions.';
end;
$$;

create trigger access_subject_append_only
  before update or delete on audit.access_subject
  for each row execute function audit.refuse_access_log_change();

create trigger access_subject_no_truncate
  before truncate on audit.access_subject
  for each statement execute function audit.refuse_access_log_change();

-- The hourly counts count subjects, not rows.
create or replace function audit.count_appended() returns trigger
language plpgsql as $$
begin
  insert into audit.access_count as c (actor_kind, actor_id, action, hour, lane, entries)
  select actor_kind, actor_id, action, date_trunc('hour', at, 'UTC'), lane, sum(subjects)
  from appended
  group by 1, 2, 3, 4, 5
  on conflict (actor_kind, actor_id, action, hour, lane) do update set entries = c.entries + excluded.entries;
  return null;
end;
$$;

-- A group's append in one round trip, as audit.append() does for plain rows: locks the lane's head, checks that
-- the row continues from it (else writes nothing and returns the head), then inserts the group's row, its
-- subjects in item order and moves the head. Subjects and lines are arrays of the same length, lines null
-- where the caller had none.
create function audit.append_group(
  p_lane smallint, p_seq bigint, p_at timestamptz, p_actor_id text, p_actor_kind text, p_actor_name text,
  p_purpose text, p_channel text, p_action text, p_request_id text, p_details text, p_prev_hash text,
  p_hash text, p_subjects_digest text, p_subject_ids text[], p_lines int4[]
) returns table (head_lane smallint, head_seq bigint, head_hash bytea, head_at timestamptz)
language plpgsql as $$
declare
  entry bigint;
begin
  if cardinality(p_subject_ids) is distinct from cardinality(p_lines) or cardinality(p_subject_ids) = 0 then
    raise exception 'a group needs as many lines as subjects, and at least one subject';
  end if;
  perform 1 from audit.chain_head h where h.lane = p_lane for update;
  if not found then
    insert into audit.chain_head (lane, seq, hash, at)
    values (p_lane, 0, decode(repeat('00', 32), 'hex'), null)
    on conflict (lane) do nothing;
    perform 1 from audit.chain_head h where h.lane = p_lane for update;
  end if;

  return query
    select h.lane, h.seq, h.hash, h.at from audit.chain_head h
    where h.lane = p_lane and (h.seq <> p_seq - 1 or h.hash <> decode(p_prev_hash, 'hex'));
  if found then
    return;
  end if;

  insert into audit.access_log (lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action,
    subject_id, subjects, subjects_digest, request_id, details, prev_hash, hash)
  values (p_lane, p_seq, p_at, p_actor_id, p_actor_kind, p_actor_name, p_purpose, p_channel, p_action,
    null, cardinality(p_subject_ids), decode(p_subjects_digest, 'hex'), p_request_id, p_details::jsonb,
    decode(p_prev_hash, 'hex'), decode(p_hash, 'hex'))
  returning id into entry;

  insert into audit.access_subject (entry_id, item, subject_id, at, line)
  select entry, s.item, s.subject_id, p_at, s.line
  from unnest(p_subject_ids, p_lines) with ordinality as s(subject_id, line, item);

  update audit.chain_head set seq = p_seq, hash = decode(p_hash, 'hex'), at = p_at where lane = p_lane;
end;
$$;
