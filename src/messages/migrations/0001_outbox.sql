-- Messages to people (one-time codes, notices): written to this outbox in the transaction that decides to
-- send them, then delivered by the configured sender (SMS / e-mail gateway, or the developer inbox).
create schema if not exists messages;

create table messages.outbox (
  id bigserial primary key,
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null check (length(recipient) between 3 and 254),
  -- What the message is for (`otp.registration`, `account.locked`, …): templates and metrics use it.
  kind text not null check (kind ~ '^[a-z][a-z0-9_.]{0,63}$'),
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null,
  sent_at timestamptz,
  attempts integer not null default 0,
  last_error text,
  -- A delivery is retried until this time, then given up.
  expires_at timestamptz not null
);

create index outbox_pending on messages.outbox (id) where sent_at is null;
create index outbox_recipient on messages.outbox (recipient, id desc);
