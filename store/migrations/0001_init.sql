-- minutes: schema version 1.
--
-- One row in `documents` per distinct file content (keyed by the SHA-256 of its bytes); every
-- other table hangs off a document with ON DELETE CASCADE, so deleting or replacing a document
-- removes all its rows in one statement. Lists keep the order of the record in a `position`
-- column (0-based); every fact keeps its source page and line. Person references (`person`,
-- `president`, `speaker`…) are the per-document ids of `people.person_id` ("p7"): join on
-- (document_id, person_id), and follow one person across meetings with `people.key`.
-- Amounts are exact decimal TEXT (`value`, "1051236.00") plus INTEGER `cents` (value × 100,
-- NULL when not exact) so that SUM(cents) is exact.

-- Each ingest run, so that an analyst can see when data arrived.
CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT NOT NULL,          -- UTC, ISO 8601
    ended_at       TEXT,                   -- NULL while running, or if the run was killed
    arguments      TEXT NOT NULL,          -- JSON array of the command-line arguments
    parser_version TEXT NOT NULL,
    added          INTEGER,
    unchanged      INTEGER,
    replaced       INTEGER,
    failed         INTEGER
);

-- One document per distinct content. A failed one (status 'failed') is the archivist's to-do
-- list: SELECT * FROM documents WHERE status = 'failed'.
CREATE TABLE documents (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT UNIQUE,            -- hex SHA-256 of the bytes; NULL when unreadable
    status         TEXT NOT NULL CHECK (status IN ('loaded', 'failed')),
    stage          TEXT,                   -- failed only: "read", "extract", "parse"…
    error          TEXT,                   -- failed only: the error message
    schema         TEXT,                   -- record contract, "minutes.record/v1"
    name           TEXT NOT NULL,          -- source name (base name of the first path seen)
    format         TEXT,                   -- "text" or "pdf"
    pages          INTEGER,
    parser_version TEXT NOT NULL,
    ingested_at    TEXT NOT NULL,          -- UTC, ISO 8601
    run_id         INTEGER REFERENCES runs(id) ON DELETE SET NULL
);
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_run ON documents(run_id);

-- Where a document was found. The same content under two paths is one document with two
-- locations; a path has at most one current document.
CREATE TABLE locations (
    path        TEXT PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seen_at     TEXT NOT NULL              -- since when this path holds this document
);
CREATE INDEX locations_document ON locations(document_id);

-- The séance (meeting), one per loaded document, with its meeting-level counts as stated.
-- Dates are YYYY-MM-DD, times HH:MM; president and secretary are people.person_id.
CREATE TABLE meetings (
    document_id           INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    body                  TEXT,            -- the organisation (Commune de …, Syndicat …)
    assembly              TEXT,            -- Conseil Municipal, Comité Syndical…
    date                  TEXT,
    start_time            TEXT,
    end_time              TEXT,
    place                 TEXT,
    convened_on           TEXT,            -- date of the convocation
    president             TEXT,
    secretary             TEXT,
    previous_minutes_date TEXT,            -- earlier minutes approved in this meeting
    next_meeting          INTEGER NOT NULL DEFAULT 0, -- 1 when a next meeting is announced
    next_meeting_date     TEXT,
    next_meeting_time     TEXT,
    in_office             INTEGER,         -- membres en exercice
    present               INTEGER,         -- présents
    represented           INTEGER,         -- représentés (pouvoirs)
    voters                INTEGER,         -- votants
    votes_cast            INTEGER,         -- suffrages exprimés
    votes_for             INTEGER,         -- pour
    votes_against         INTEGER,         -- contre
    abstention            INTEGER          -- abstention
);
CREATE INDEX meetings_date ON meetings(date);

-- The raw text each meeting field (scope 'meeting') or count (scope 'counts') was read from.
CREATE TABLE evidence (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    scope       TEXT NOT NULL CHECK (scope IN ('meeting', 'counts')),
    field       TEXT NOT NULL,             -- JSON field name: "date", "in_office"…
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, scope, field)
) WITHOUT ROWID;

-- Everyone the document refers to, once each. key = "given family", lower case, no accents.
CREATE TABLE people (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    person_id   TEXT NOT NULL,             -- "p7", unique within the document
    civility    TEXT,                      -- "M." or "Mme"
    given       TEXT,
    family      TEXT,
    key         TEXT NOT NULL,
    text        TEXT,                      -- most complete mention, as written
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX people_person ON people(document_id, person_id);
CREATE INDEX people_key ON people(key);

-- Presence at the meeting: status present / absent / excused / guest; a suppléant (substitute)
-- is present with substitute_for set.
CREATE TABLE attendance (
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    person         TEXT NOT NULL,
    status         TEXT NOT NULL,
    substitute_for TEXT,
    page           INTEGER NOT NULL,
    line           INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- Pouvoirs / procurations: from_person gives their vote to to_person (NULL when the document
-- names no holder).
CREATE TABLE proxies (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    from_person TEXT NOT NULL,
    to_person   TEXT,
    text        TEXT,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- The announced ordre du jour (agenda), flattened; path like "I.2.A.1", level 1 = top.
CREATE TABLE agenda_entries (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    path        TEXT NOT NULL,
    number      TEXT,
    title       TEXT NOT NULL,
    level       INTEGER NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- Sections of the body. kind: heading / deliberation / information / other; agenda_path links
-- to agenda_entries.path; (page, line)–(end_page, end_line) is the section's span.
CREATE TABLE items (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    path        TEXT NOT NULL,
    number      TEXT,
    title       TEXT NOT NULL,
    level       INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    agenda_path TEXT,
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    end_page    INTEGER NOT NULL,
    end_line    INTEGER NOT NULL,
    UNIQUE (document_id, position)
);
CREATE INDEX items_path ON items(document_id, path);

-- Decisions taken in a section: outcome adopted / rejected / noted / deferred; counts only
-- where the decision states its own.
CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    outcome       TEXT NOT NULL,
    unanimous     INTEGER NOT NULL,        -- 0 or 1
    votes_for     INTEGER,
    votes_against INTEGER,
    abstention    INTEGER,
    text          TEXT NOT NULL,
    page          INTEGER NOT NULL,
    line          INTEGER NOT NULL,
    UNIQUE (item_id, position)
);

-- Named votes of a decision: vote is against / abstention / not_voting.
CREATE TABLE decision_voters (
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    person      TEXT NOT NULL,
    vote        TEXT NOT NULL,
    PRIMARY KEY (decision_id, position)
) WITHOUT ROWID;

-- The debate, one row per paragraph: speaker is a person id or NULL for narrative; form is
-- direct ("X : …") or reported ("X demande …").
CREATE TABLE exchanges (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    speaker      TEXT,
    speaker_text TEXT,
    form         TEXT NOT NULL,
    text         TEXT NOT NULL,
    page         INTEGER NOT NULL,
    line         INTEGER NOT NULL,
    UNIQUE (item_id, position)
);

-- Money amounts in a section's prose and debate.
CREATE TABLE amounts (
    item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    value    TEXT NOT NULL,                -- exact decimal, "1051236.00"
    cents    INTEGER,                      -- value × 100 when exact, for SUM()
    currency TEXT,                         -- ISO 4217, "EUR"
    text     TEXT NOT NULL,                -- raw text, "1 051 236,00 €"
    page     INTEGER NOT NULL,
    line     INTEGER NOT NULL,
    PRIMARY KEY (item_id, position)
) WITHOUT ROWID;

-- Tables of the document (budget or other). section is a heading row inside the table
-- (Dépenses, Recettes); item_path is the section (items.path) the table sits in.
CREATE TABLE tables (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    item_path   TEXT,
    title       TEXT,
    section     TEXT,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    UNIQUE (document_id, position)
);

-- The value columns of a table (not code and label), in order.
CREATE TABLE table_columns (
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (table_id, position)
) WITHOUT ROWID;

-- The unit of each value column when the header or the cells state one: "EUR" or "%"
-- ('' where none is stated); same positions as table_columns.
CREATE TABLE table_units (
    table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    unit     TEXT NOT NULL,
    PRIMARY KEY (table_id, position)
) WITHOUT ROWID;

-- Rows: code kept as text with its leading zeros ("011"); kind line / subtotal / total.
-- value_count and cell_count say how many values and raw cells the row has (normally the
-- number of columns; value_count NULL when the row has no value list at all).
CREATE TABLE table_rows (
    id          INTEGER PRIMARY KEY,
    table_id    INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    code        TEXT,
    label       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    value_count INTEGER,
    cell_count  INTEGER NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    UNIQUE (table_id, position)
);

-- One row per cell position of a table row: the exact value (NULL where the cell is empty),
-- its cents, the raw text as printed, and the column's name.
CREATE TABLE table_cells (
    row_id      INTEGER NOT NULL REFERENCES table_rows(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    column_name TEXT,                      -- NULL when the row has more cells than columns
    value       TEXT,
    cents       INTEGER,
    raw         TEXT,
    PRIMARY KEY (row_id, position)
) WITHOUT ROWID;

-- What the pipeline noticed but could not settle: severity error / warning / info.
CREATE TABLE diagnostics (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    severity    TEXT NOT NULL,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- Page furniture (running headers, footers, page numbers) taken out of a PDF's prose.
CREATE TABLE furniture (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- Body text that belongs to no section.
CREATE TABLE unplaced (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- Full-text search. search_text holds one row per searchable text — an item (its title and
-- text), a decision or an exchange — and `search` is an external-content FTS5 index over it,
-- kept in sync (deleting a document, by cascade, also unindexes it).
-- The unicode61 tokenizer folds accents (remove_diacritics 2) but not the œ/æ ligatures nor
-- the typographic ones (ﬁ, ﬂ…): the triggers index the text with those folded (œ→oe), and the
-- query must be folded the same way: SELECT … FROM search WHERE search MATCH '"coeur"'.
-- search_text keeps the original text: folding never changes the number of tokens, only
-- letters within one, so snippet() and highlight() mark the right words in the original text.
-- (For the same reason 'integrity-check' with rank 1, which re-tokenizes the content, reports
-- texts with œ as mismatches; the plain 'integrity-check' applies.)
CREATE TABLE search_text (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('item', 'decision', 'exchange')),
    title       TEXT,                      -- the item's title (kind 'item' only)
    body        TEXT NOT NULL,             -- the text, as in items, decisions or exchanges
    page        INTEGER NOT NULL,
    line        INTEGER NOT NULL
);
CREATE INDEX search_text_document ON search_text(document_id);
CREATE INDEX search_text_item ON search_text(item_id);

CREATE VIRTUAL TABLE search USING fts5(
    title, body,
    content = 'search_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Every indexed term (folded, accents removed) with the number of texts holding it (doc) and
-- of its occurrences (cnt): SELECT term, cnt FROM search_vocab ORDER BY cnt DESC.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search, 'row');

-- The program indexes a document's texts with one INSERT INTO search … SELECT … FROM
-- search_text after saving them (an insert trigger, firing per row, is several times slower);
-- these triggers keep deletes (also by cascade) and updates in sync. The nested replace() calls
-- are the folding, the same as foldPairs in store/save.go.
CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
    INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'));
END;
CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
    INSERT INTO search(search, rowid, title, body) VALUES ('delete', old.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(old.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'));
    INSERT INTO search(rowid, title, body) VALUES (new.id,
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'),
        replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), 'ﬀ', 'ff'), 'ﬁ', 'fi'), 'ﬂ', 'fl'), 'ﬃ', 'ffi'), 'ﬄ', 'ffl'), 'ﬅ', 'st'), 'ﬆ', 'st'));
END;

-- Every table cell with its context: the shape an analyst pivots on. Only loaded documents.
--   SELECT body, meeting_date, label, column_name, SUM(cents)/100.0 FROM budget_cells GROUP BY …
CREATE VIEW budget_cells AS
SELECT
    d.id            AS document_id,
    d.name          AS document,
    m.date          AS meeting_date,
    m.body          AS body,
    m.assembly      AS assembly,
    t.id            AS table_id,
    t.position      AS table_position,
    t.title         AS table_title,
    t.section       AS section,
    t.item_path     AS item_path,
    (SELECT i.title FROM items i
      WHERE i.document_id = t.document_id AND i.path = t.item_path
      ORDER BY i.position LIMIT 1) AS item_title,
    r.position      AS row_position,
    r.code          AS row_code,
    r.label         AS label,
    r.kind          AS row_kind,
    c.position      AS column_position,
    c.column_name   AS column_name,
    u.unit          AS unit,
    c.value         AS value,
    c.cents         AS cents,
    c.raw           AS raw,
    r.page          AS page,
    r.line          AS line
FROM table_cells c
JOIN table_rows r ON r.id = c.row_id
JOIN tables t ON t.id = r.table_id
JOIN documents d ON d.id = t.document_id
LEFT JOIN meetings m ON m.document_id = d.id
LEFT JOIN table_units u ON u.table_id = t.id AND u.position = c.position
WHERE d.status = 'loaded';
