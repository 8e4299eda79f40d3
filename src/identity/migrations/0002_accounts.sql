-- Tài khoản định danh điện tử — eID accounts (Decree 69/2024): level 1 (self-registered, matched against
-- the registry) and level 2 (activated in person by commune police), one per person.
create table identity.account (
  id uuid primary key,
  personal_id char(12) not null unique,
  level smallint not null check (level in (1, 2)),
  phone text not null check (phone ~ '^0[0-9]{9}$'),
  email text check (email is null or length(email) between 3 and 254),
  -- argon2id in PHC form; null until the holder sets one (an account made at the police station), and for a
  -- child's account, which the guardian manages.
  password_hash text,
  -- Base32 TOTP secret once the holder has confirmed an authenticator app.
  totp_secret text,
  status text not null default 'active' check (status in ('active', 'locked')),
  locked_reason text check (locked_reason in ('holder', 'police', 'deceased', 'guardian')),
  locked_at timestamptz,
  guardian_account_id uuid references identity.account (id),
  created_at timestamptz not null,
  level2_at timestamptz,
  updated_at timestamptz not null,
  check ((status = 'locked') = (locked_reason is not null))
);
create index account_guardian on identity.account (guardian_account_id) where guardian_account_id is not null;

-- The account's own history (kept 5 years by law): created, level raised, locked, unlocked, factors changed.
create table identity.account_event (
  id bigserial primary key,
  account_id uuid not null references identity.account (id),
  kind text not null,
  at timestamptz not null,
  actor_id text not null,
  details jsonb not null default '{}'::jsonb
);
create index account_event_account on identity.account_event (account_id, id desc);

-- The evidence of an in-person level-2 activation, attested by the officer who checked it.
create table identity.level2_activation (
  account_id uuid primary key references identity.account (id),
  -- The officer's account id (or the provisioning actor of a demonstration install).
  officer_id text not null,
  commune_id text not null,
  method text not null check (method in ('in_person', 'new_card')),
  card_number text not null,
  face_matched boolean not null check (face_matched),
  fingerprints_matched boolean not null check (fingerprints_matched),
  attestation text not null,
  activated_at timestamptz not null
);

-- A self-registration waiting for its phone to be confirmed.
create table identity.registration (
  id uuid primary key,
  personal_id char(12) not null,
  phone text not null,
  email text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  completed_at timestamptz
);
create index registration_person on identity.registration (personal_id, created_at desc);

-- One-time codes (registration, sign-in step-up, unlock): only a keyed hash is kept.
create table identity.one_time_code (
  id uuid primary key,
  purpose text not null check (purpose in ('registration', 'sign_in', 'unlock', 'first_password')),
  -- The registration or account the code belongs to.
  subject text not null,
  code_hash bytea not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  attempts smallint not null default 0,
  consumed_at timestamptz
);
create index one_time_code_subject on identity.one_time_code (purpose, subject, created_at desc);

-- Failed sign-ins per account and per client address, in a sliding window.
create table identity.sign_in_throttle (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  blocked_until timestamptz
);

-- Roles given by an administrator: an officer of an agency for a commune or province, or an administrator.
create table identity.role_assignment (
  id bigserial primary key,
  account_id uuid not null references identity.account (id),
  role text not null check (role in ('officer', 'admin')),
  agency text check (agency in ('police', 'civil_status', 'social_insurance')),
  province_id text,
  commune_id text,
  granted_by text not null,
  granted_at timestamptz not null,
  revoked_by text,
  revoked_at timestamptz,
  check ((role = 'officer') = (agency is not null)),
  check (role = 'admin' or province_id is not null or commune_id is not null)
);
create index role_assignment_account on identity.role_assignment (account_id) where revoked_at is null;
create unique index role_assignment_live on identity.role_assignment
  (account_id, role, coalesce(agency, ''), coalesce(province_id, ''), coalesce(commune_id, ''))
  where revoked_at is null;

-- Storage of the OpenID provider (its adapter contract): sessions, grants, codes, tokens, interactions.
create table identity.oidc_payload (
  model text not null,
  id text not null,
  payload jsonb not null,
  grant_id text,
  user_code text,
  uid text,
  account_id text,
  expires_at timestamptz,
  consumed_at timestamptz,
  primary key (model, id)
);
create index oidc_payload_grant on identity.oidc_payload (grant_id) where grant_id is not null;
create index oidc_payload_uid on identity.oidc_payload (uid) where uid is not null;
create index oidc_payload_user_code on identity.oidc_payload (user_code) where user_code is not null;
create index oidc_payload_account on identity.oidc_payload (account_id, model) where account_id is not null;
create index oidc_payload_expiry on identity.oidc_payload (expires_at) where expires_at is not null;

-- Relying parties registered by an administrator.
create table identity.oidc_client (
  client_id text primary key,
  metadata jsonb not null,
  organisation text not null,
  -- Why the client asks for citizens' data, shown on the consent screen.
  purpose text not null,
  created_by text not null,
  created_at timestamptz not null,
  disabled_at timestamptz
);

-- ES256 signing keys of the provider; the newest live key signs, older ones stay published until retired.
create table identity.signing_key (
  kid text primary key,
  private_jwk jsonb not null,
  created_at timestamptz not null,
  retired_at timestamptz
);

-- Secrets the platform makes for itself (cookie signing keys, one-time-code pepper).
create table identity.secret (
  name text primary key,
  value bytea not null,
  created_at timestamptz not null
);

-- Sessions of the platform's own web app (an OIDC client of the provider), behind an httpOnly cookie.
create table identity.web_session (
  id_hash bytea primary key,
  account_id uuid not null references identity.account (id),
  acr text not null,
  id_token text not null,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index web_session_account on identity.web_session (account_id);

-- Sign-ins of the web app in flight: the PKCE verifier, state and nonce between redirect and callback.
create table identity.web_login (
  state text primary key,
  code_verifier text not null,
  nonce text not null,
  return_to text not null,
  created_at timestamptz not null
);
