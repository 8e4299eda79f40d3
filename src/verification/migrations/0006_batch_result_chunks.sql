-- A batch's results kept a chunk at a time: one row per checked chunk holds its lines of the results file, in
-- file order, as rendered when the chunk was checked. One row per line cost PostgreSQL a million rows, their
-- key and the parsing of each line as a quoted CSV field for a million-row file, in every chunk's
-- transaction, and as many rows to read back for the download (bench/RESULTS.md, verification).
create table verification.batch_result_chunk (
  job_id bigint not null,
  -- The seq of the chunk's first and last rows (a job's rows are numbered from 1 in file order).
  first_seq bigint not null,
  last_seq bigint not null check (last_seq >= first_seq),
  -- The chunk's lines, each ending with a line feed.
  lines text not null,
  primary key (job_id, first_seq)
);

-- Stored as written: compressing a chunk's lines costs more time than the space it saves is worth.
alter table verification.batch_result_chunk alter column lines set storage external;

insert into verification.batch_result_chunk (job_id, first_seq, last_seq, lines)
select job_id, min(seq), max(seq), string_agg(csv, '' order by seq)
from verification.batch_result
group by job_id, (seq - 1) / 10000;

drop table verification.batch_result;
