-- minutes: schema version 5 — less work per saved document, for a faster first ingest.
--
-- Every document adds a segment to the FTS index; FTS5 merges segments during later writes, by
-- default as soon as 4 of one size exist, so that each indexed term is rewritten about
-- log4(documents) times: about a sixth of the cost of saving a document. Merging at 32 rewrites
-- each term log32 times, less than half as often (measured on the dev corpus: the FTS flush and
-- merge step of a save costs about 40 % less), while a query reads at most 31 segments of each size
-- instead of 3: a few more page reads per term, still milliseconds on thousands of meetings.
-- crisismerge (the count at which FTS5 merges a level at once, 16 by default) must follow, or
-- it would merge at 16 first. The settings are stored in the index (search_config) and apply
-- to every writer.
INSERT INTO search(search, rank) VALUES ('automerge', 32);
INSERT INTO search(search, rank) VALUES ('crisismerge', 32);
-- Three secondary indexes that no query of the program, view or search uses, each one more
-- B-tree page written per document: documents by status (two values; the documents table,
-- one short row per file, reads through in a millisecond per thousand files), documents by run
-- (runs are never deleted, so the ON DELETE SET NULL never looks), meetings by date (one row
-- per meeting; the views join meetings by document_id, the primary key). An analyst filtering
-- by date on a large archive can CREATE INDEX meetings_date ON meetings(date) on their copy.
DROP INDEX IF EXISTS documents_status;
DROP INDEX IF EXISTS documents_run;
DROP INDEX IF EXISTS meetings_date;
