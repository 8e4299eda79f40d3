-- Reference data of the registry: administrative units of both eras (DOMAIN.md §8) and the code lists of
-- DOMAIN.md §3. Small and read-mostly: in a distributed deployment these are reference tables, copied to
-- every node. The rows are loaded by src/registry/admin-units/load.ts, not here, so that a new data version
-- needs no migration.

create schema registry;

-- One row per loaded data set: the checksum of its sources and what the loader reported.
create table registry.reference_data_version (
  name text primary key,
  checksum text not null,
  loaded_at timestamptz not null default now(),
  report jsonb not null
);

-- Tỉnh / thành phố trực thuộc trung ương: the 34 provinces of 1 July 2025 and the 63 before.
create table registry.province (
  id text primary key,
  era text not null check (era in ('2025', 'pre2025')),
  code text not null check (code ~ '^[0-9]{2}$'),
  name text not null,
  short_name text not null,
  kind text not null check (kind in ('municipality', 'province')),
  abbreviation text,
  -- PPP of the personal ID number (pre-2025 provinces).
  legacy_id_code char(3) unique check (legacy_id_code ~ '^[0-9]{3}$'),
  valid_from date,
  valid_to date,
  folded_name text not null,
  unique (era, code),
  check (id = era || ':' || code),
  check (valid_from is null or valid_to is null or valid_from <= valid_to)
);

-- Xã / phường / thị trấn / đặc khu of both eras. An old commune the data gives no code has a synthetic id
-- (`pre2025:x-…`) and a null code.
create table registry.commune (
  id text primary key,
  era text not null check (era in ('2025', 'pre2025')),
  code text check (code ~ '^[0-9]{5}$'),
  name text not null,
  kind text not null check (kind in ('commune', 'ward', 'township', 'special_zone', 'district')),
  district_name text,
  province_id text not null references registry.province (id),
  valid_from date,
  valid_to date,
  folded_name text not null,
  unique (era, code),
  check (starts_with(id, era || ':')),
  check (era = 'pre2025' or district_name is null),
  check (valid_from is null or valid_to is null or valid_from <= valid_to)
);

-- Search by folded name (prefix: text_pattern_ops serves LIKE 'x%' whatever the collation) and by province.
create index commune_folded_name on registry.commune (folded_name text_pattern_ops);
create index commune_province on registry.commune (province_id, folded_name);
create index province_folded_name on registry.province (folded_name);

-- Which new commune(s) continue an old one; several rows for an old commune that was split.
create table registry.commune_succession (
  old_commune_id text not null references registry.commune (id),
  new_commune_id text not null references registry.commune (id),
  effective_on date not null default '2025-07-01',
  primary key (old_commune_id, new_commune_id),
  check (old_commune_id <> new_commune_id)
);

create index commune_succession_new on registry.commune_succession (new_commune_id);

-- Dân tộc and tôn giáo: code lists kept as data (src/registry/admin-units/data/*.json).
create table registry.ethnicity (
  code text primary key check (code ~ '^[0-9]{2}$'),
  name text not null
);

create table registry.religion (
  code text primary key check (code ~ '^[0-9]{2}$'),
  name text not null
);
