-- Identifiers compare byte by byte (COLLATE "C"): personal ID numbers and former identity numbers are
-- digits, commune ids (`2025:00004`, `pre2025:26881`) and household file numbers are codes, and none of
-- them is ever sorted for a reader; nor is a residence's kind, a code that follows the personal ID number
-- or the commune id in two indexes. Under the database's linguistic collation (a server created with
-- `C.UTF-8` or `en_US.UTF-8`) every comparison in an index goes through strcoll and index builds cannot use
-- abbreviated keys: rebuilding the indexes after seeding a million people took 12.1 s that way, 6.8 s here.
--
-- Both sides of a join must share the collation, or the comparison falls back to one side's and the index
-- of the other cannot serve it: so every column holding a personal ID number or a commune id in this
-- schema changes together, the reference tables' commune ids included (succession links refer to them).
-- Other modules' columns keep their collation: comparing them with these ones (one "C", one the default)
-- uses "C", which is correct for digits and codes, but an index of theirs under the default collation is
-- then not used for that comparison.

alter table registry.commune
  alter column id type text collate "C";
alter table registry.commune_succession
  alter column old_commune_id type text collate "C",
  alter column new_commune_id type text collate "C";

alter table registry.person
  alter column personal_id type char(12) collate "C",
  alter column former_id_number type char(9) collate "C",
  alter column birth_registration_commune_id type text collate "C";
alter table registry.person_version
  alter column personal_id type char(12) collate "C";
alter table registry.family_link
  alter column personal_id type char(12) collate "C",
  alter column relative_id type char(12) collate "C";
alter table registry.household
  alter column file_number type text collate "C",
  alter column commune_id type text collate "C";
alter table registry.household_member
  alter column personal_id type char(12) collate "C";
alter table registry.residence
  alter column personal_id type char(12) collate "C",
  alter column commune_id type text collate "C",
  alter column kind type text collate "C";
alter table registry.identity_card
  alter column personal_id type char(12) collate "C",
  alter column card_number type char(12) collate "C";
alter table registry.civil_event
  alter column personal_id type char(12) collate "C";
