-- minutes: schema version 7 — an ingest indexes its documents' texts for search a few dozen at
-- a time.
--
-- Indexing a document's texts in its own transaction made FTS5 write a small segment per
-- document and merge them again later: more than half of what a save cost the ingest's single
-- writer. An ingest now saves each document in its own transaction as before (its rows,
-- search_text included, appear or vanish together), and indexes the texts of the documents
-- saved since the last time every 32 documents and when it ends; other saves index at once.
-- search_state.indexed_upto is the watermark: every search_text row with an id up to it is in
-- the index, rows above it wait. Whoever opens the database next indexes rows left waiting by
-- a process that stopped, so a search misses only the last few documents of an ingest still
-- running. The delete and update triggers touch the index only for rows it holds.
CREATE TABLE search_state (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_upto INTEGER NOT NULL   -- search_text ids up to this one are indexed
);
INSERT INTO search_state (id, indexed_upto) VALUES (1, (SELECT coalesce(max(id), 0) FROM search_text));

DROP TRIGGER search_text_ad;
DROP TRIGGER search_text_au;
CREATE TRIGGER search_text_ad AFTER DELETE ON search_text
WHEN old.id <= (SELECT indexed_upto FROM search_state) BEGIN
    INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'));
END;
-- An update unindexes the old text if it was indexed, and indexes the new one if its id is at
-- or below the watermark (otherwise the next catch-up will).
CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
    INSERT INTO search(search, rowid, title, body) SELECT 'delete', old.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st')
    WHERE old.id <= (SELECT indexed_upto FROM search_state);
    INSERT INTO search(rowid, title, body) SELECT new.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st')
    WHERE new.id <= (SELECT indexed_upto FROM search_state);
END;
