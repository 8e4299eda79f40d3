-- A person's cards as a verification reads them (number, dates, status; newest first), from the index alone:
-- the online check and every row of a batch read them, one person at a time by ID number, and the card's
-- heap page was a random read of its own for each (10,000 people of 1,000,000: 117-190 ms with the plain
-- index, 91-96 ms with this one, PostgreSQL 15, bench/RESULTS.md). Index-only scans need the table's
-- visibility map, which autovacuum keeps for a table that mostly grows.
drop index registry.identity_card_person_idx;
create index identity_card_person_idx on registry.identity_card (personal_id, issued_on desc)
  include (card_number, expires_on, status, status_changed_on, id);
