-- What each committed chunk of a batch checked, by Vietnamese day: the access log counts every check of a
-- partner alike, and an invoice prices these at the batch price of their job instead of the online price.
-- Written in the chunk's transaction, with its access-log entries.
create table verification.batch_chunk (
  job_id bigint not null references verification.batch_job (id),
  -- The last row of the chunk: a chunk is written once.
  last_seq bigint not null,
  partner_id text not null,
  -- The purpose as the access log keeps it (its label).
  purpose text not null,
  -- The Vietnamese day of the chunk's checks, YYYY-MM-DD.
  day text not null,
  checks bigint not null check (checks > 0),
  unit_price_vnd bigint not null,
  primary key (job_id, last_seq)
);
create index batch_chunk_partner_idx on verification.batch_chunk (partner_id, day);
