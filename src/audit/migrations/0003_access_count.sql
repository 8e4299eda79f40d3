-- Entries counted per actor, action, hour and lane, kept by a trigger in the statement that inserts the rows
-- (audit.append()): a partner's quota is read on every node every few seconds, and counting its month's rows each time
-- scanned the whole month (with parallel workers, every core of a small machine for 30-60 ms at 100,000 rows;
-- at a nation's volumes, seconds). A month is now the sum of at most lanes x 744 small rows, plus the rows of
-- the partial hours at its ends (src/audit/store.ts, count).
--
-- Hours are UTC (`date_trunc('hour', at, 'UTC')`), whatever the session's time zone: Vietnam's days and
-- months start on whole UTC hours. The lane is part of the key because the append already holds the lock of
-- each lane it writes (audit.chain_head): counters of different lanes never wait for each other, so the
-- counts add no contention between appends. A rolled-back append rolls its counts back with its rows. The
-- counts are derived data: they can be rebuilt from the rows by the backfill below.

create table audit.access_count (
  actor_kind text not null,
  actor_id text not null,
  action text not null,
  hour timestamptz not null check (hour = date_trunc('hour', hour, 'UTC')),
  lane smallint not null check (lane >= 0),
  entries bigint not null check (entries > 0),
  primary key (actor_kind, actor_id, action, hour, lane)
);

insert into audit.access_count (actor_kind, actor_id, action, hour, lane, entries)
select actor_kind, actor_id, action, date_trunc('hour', at, 'UTC'), lane, count(*)
from audit.access_log
group by 1, 2, 3, 4, 5;

create function audit.count_appended() returns trigger
language plpgsql as $$
begin
  insert into audit.access_count as c (actor_kind, actor_id, action, hour, lane, entries)
  select actor_kind, actor_id, action, date_trunc('hour', at, 'UTC'), lane, count(*)
  from appended
  group by 1, 2, 3, 4, 5
  on conflict (actor_kind, actor_id, action, hour, lane) do update set entries = c.entries + excluded.entries;
  return null;
end;
$$;

create trigger access_log_count after insert on audit.access_log
  referencing new table as appended for each statement execute function audit.count_appended();
