-- An append in one round trip. The application keeps each lane's head (seq and hash) in memory and seals the
-- new rows after it; this function then does in one statement what an append did in four (begin, lock the
-- heads, insert and move them, commit): it locks the heads of the rows' lanes in ascending lane order (as
-- every append does, so two appends never wait for each other in a cycle), checks that each lane's first new
-- row continues from its head (seq = head seq + 1, prev_hash = head hash), and only then inserts the rows and
-- moves the heads. When another node has moved a head meanwhile, it writes nothing and returns the current
-- heads of the lanes that moved, for the caller to seal its rows again. One row per (lane, seq), gap-free
-- seqs and the commit order of a lane stay guaranteed by the head lock, as before.
--
-- Arguments: one array per column of the rows, in the order of audit.access_log; bytea as hex text, which
-- PGlite and PostgreSQL read the same way. Called in autocommit it is its own transaction.

create function audit.append(
  p_lane smallint[], p_seq bigint[], p_at timestamptz[], p_actor_id text[], p_actor_kind text[],
  p_actor_name text[], p_purpose text[], p_channel text[], p_action text[], p_subject_id text[],
  p_request_id text[], p_details text[], p_prev_hash text[], p_hash text[]
) returns table (head_lane smallint, head_seq bigint, head_hash bytea, head_at timestamptz)
language plpgsql as $$
declare
  wanted int;
  locked int;
begin
  select count(distinct l) into wanted from unnest(p_lane) as l;
  select count(*) into locked from (
    select 1 from audit.chain_head h where h.lane = any(p_lane) order by h.lane for update
  ) as heads;
  if locked < wanted then
    -- Lanes beyond the pre-filled ones get their head on first use.
    insert into audit.chain_head (lane, seq, hash, at)
    select distinct l, 0, decode(repeat('00', 32), 'hex'), null::timestamptz from unnest(p_lane) as l
    on conflict (lane) do nothing;
    perform 1 from audit.chain_head h where h.lane = any(p_lane) order by h.lane for update;
  end if;

  -- Each lane's first new row must continue from the lane's head.
  return query
    select h.lane, h.seq, h.hash, h.at
    from audit.chain_head h
    join (
      select distinct on (v.lane) v.lane, v.seq, v.prev_hash
      from unnest(p_lane, p_seq, p_prev_hash) as v(lane, seq, prev_hash)
      order by v.lane, v.seq
    ) as first_row on first_row.lane = h.lane
    where h.seq <> first_row.seq - 1 or h.hash <> decode(first_row.prev_hash, 'hex')
    order by h.lane;
  if found then
    return;
  end if;

  insert into audit.access_log (lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action,
    subject_id, request_id, details, prev_hash, hash)
  select v.lane, v.seq, v.at, v.actor_id, v.actor_kind, v.actor_name, v.purpose, v.channel, v.action,
    v.subject_id, v.request_id, v.details::jsonb, decode(v.prev_hash, 'hex'), decode(v.hash, 'hex')
  from unnest(p_lane, p_seq, p_at, p_actor_id, p_actor_kind, p_actor_name, p_purpose, p_channel, p_action,
    p_subject_id, p_request_id, p_details, p_prev_hash, p_hash)
    as v(lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action, subject_id, request_id,
      details, prev_hash, hash);

  update audit.chain_head h set seq = last_row.seq, hash = decode(last_row.hash, 'hex'), at = last_row.at
  from (
    select distinct on (v.lane) v.lane, v.seq, v.hash, v.at
    from unnest(p_lane, p_seq, p_hash, p_at) as v(lane, seq, hash, at)
    order by v.lane, v.seq desc
  ) as last_row
  where h.lane = last_row.lane;
end;
$$;
