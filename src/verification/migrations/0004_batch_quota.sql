-- Batch rows count against the monthly quota from the moment their job is accepted: a job's readable rows not
-- yet checked are reserved, and an upload that would pass the quota is refused (BATCH_QUOTA_EXCEEDED).
alter table verification.batch_job add column rows_readable bigint;
-- Jobs accepted before: every row is taken as readable (the most they can still check).
update verification.batch_job set rows_readable = rows_total;
alter table verification.batch_job alter column rows_readable set not null;
-- Who uploaded the file: the partner's machine client, or the eID account of a member of its staff.
alter table verification.batch_job add column uploaded_by text;
create index batch_job_partner_idx on verification.batch_job (partner_id, id);
