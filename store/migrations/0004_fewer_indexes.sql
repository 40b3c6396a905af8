-- minutes: schema version 4 — fewer secondary indexes, for a faster first ingest.
--
-- people_key put each saved document's fifty-odd people at fifty places of one index (the same
-- councillors' keys recur in every meeting): about a fifth of the cost of saving a document,
-- growing with the database. Following a person across meetings (WHERE key = …) now reads the
-- people table through, which takes milliseconds for thousands of meetings; an analyst running
-- many such queries can CREATE INDEX people_key ON people(key) on their copy.
DROP INDEX IF EXISTS people_key;
-- items_path duplicated the prefix of items' UNIQUE (document_id, position) index: a lookup by
-- (document_id, path) reads the few dozen sections of one document through that index.
DROP INDEX IF EXISTS items_path;
