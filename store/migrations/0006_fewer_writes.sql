-- minutes: schema version 6 — one secondary index less, for a faster first ingest.
--
-- people_person put each saved document's fifty-odd people in one more B-tree (an index entry
-- per person, and one more page rewritten by every commit): about 2 % of the cost of saving a
-- document. Its one user is the exchange_list view, which looks up each speaker by
-- (document_id, person_id): it now reads the meeting's few dozen people through the primary key
-- (document_id, position), as fast on the whole corpus (measured: 50–80 ms for the 4,000
-- exchanges of 600 documents, with or without the index).
DROP INDEX IF EXISTS people_person;
