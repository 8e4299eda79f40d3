-- Online public services: dossiers (hồ sơ), their steps at the agencies, their history, payments, notices to
-- the applicant and the health insurance cards the interlinked birth procedure issues. The procedure catalogue
-- is data (src/services/catalogue/procedures.json), not tables: a dossier keeps what it needs of its procedure.
create schema if not exists services;

create sequence services.receipt_seq;

create table services.dossier (
  id uuid primary key,
  receipt_code text not null unique collate "C",
  procedure_code text not null,
  applicant_account_id uuid not null,
  applicant_personal_id text not null collate "C",
  applicant_name text not null,
  -- The person the dossier is about when not the applicant (the deceased of a death group).
  subject_personal_id text collate "C",
  -- The 2025 commune whose agencies handle it, and its province.
  commune_id text not null collate "C",
  province_id text not null collate "C",
  form jsonb not null,
  state text not null check (state in
    ('awaiting_payment', 'received', 'in_progress', 'supplement_requested', 'done', 'refused', 'withdrawn')),
  limit_days integer not null check (limit_days >= 0),
  fee_vnd integer not null check (fee_vnd >= 0),
  fee_exemption text,
  submitted_at timestamptz not null,
  received_at timestamptz,
  counted_from date,
  due_on date,
  supplement_reason text,
  supplement_documents jsonb,
  supplement_step text,
  supplement_requested_at timestamptz,
  supplement_due_on date,
  closed_at timestamptz
);
create index dossier_applicant on services.dossier (applicant_account_id, submitted_at desc);
create index dossier_supplement_due on services.dossier (supplement_due_on) where state = 'supplement_requested';

-- One procedure of a dossier at one agency; an interlinked group has several, ordered by `after`.
create table services.dossier_step (
  dossier_id uuid not null references services.dossier (id),
  name text not null,
  position integer not null,
  agency text not null,
  commune_id text collate "C",
  province_id text not null collate "C",
  after_steps text[] not null,
  limit_days integer not null check (limit_days >= 0),
  state text not null check (state in
    ('waiting', 'pending', 'claimed', 'supplement_requested', 'done', 'refused', 'cancelled', 'compensated')),
  counted_from date,
  due_on date,
  claimed_by text,
  claimed_by_name text,
  claimed_at timestamptz,
  decided_by text,
  completed_at timestamptz,
  result jsonb,
  primary key (dossier_id, name)
);
create index dossier_step_commune_queue on services.dossier_step (agency, commune_id, due_on)
  where state in ('pending', 'claimed', 'supplement_requested');
create index dossier_step_province_queue on services.dossier_step (agency, province_id, due_on)
  where state in ('pending', 'claimed', 'supplement_requested');

-- Every change of a dossier: who, when, why (append-only).
create table services.dossier_history (
  id bigserial primary key,
  dossier_id uuid not null references services.dossier (id),
  at timestamptz not null,
  kind text not null,
  step text,
  state text not null,
  actor_id text not null,
  actor_name text,
  note text,
  details jsonb not null default '{}'
);
create index dossier_history_dossier on services.dossier_history (dossier_id, id);

create or replace function services.refuse_history_change() returns trigger language plpgsql as $$
begin
  raise exception 'services.dossier_history is append-only' using errcode = '42501';
end $$;
create trigger dossier_history_append_only before update or delete on services.dossier_history
  for each row execute function services.refuse_history_change();

create table services.payment (
  id uuid primary key,
  dossier_id uuid not null references services.dossier (id),
  provider text not null,
  amount_vnd integer not null check (amount_vnd > 0),
  state text not null check (state in ('pending', 'paid', 'cancelled', 'refunded')),
  created_at timestamptz not null,
  provider_reference text,
  paid_at timestamptz,
  receipt_number text unique,
  refunded_at timestamptz
);
create index payment_dossier on services.payment (dossier_id);
-- A dossier's fee is paid once.
create unique index payment_paid_once on services.payment (dossier_id) where state in ('paid', 'refunded');

-- In-app notices to the applicant (the same change also goes out by SMS through the messages outbox).
create table services.notification (
  id bigserial primary key,
  account_id uuid not null,
  dossier_id uuid not null references services.dossier (id),
  title text not null,
  body text not null,
  created_at timestamptz not null,
  read_at timestamptz
);
create index notification_account on services.notification (account_id, id desc);

-- Thẻ bảo hiểm y tế: cards issued by the social insurance step of the birth group.
create table services.health_insurance_card (
  card_number text primary key collate "C",
  social_insurance_code text not null unique collate "C",
  personal_id text not null collate "C",
  valid_from date not null,
  valid_to date not null,
  first_care_facility text,
  issued_at timestamptz not null,
  dossier_id uuid not null references services.dossier (id)
);
create unique index health_insurance_card_person on services.health_insurance_card (personal_id);
