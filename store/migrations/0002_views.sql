-- minutes: schema version 2 — views for analysts, each row carrying its meeting's context.

-- Each person of each meeting with their attendance: follow someone across meetings by key.
--   SELECT meeting_date, body, status FROM person_meetings WHERE key = 'jean-luc chaumont';
-- A person listed twice in one meeting's attendance gives two rows.
CREATE VIEW person_meetings AS
SELECT
    p.key            AS key,
    p.civility       AS civility,
    p.given          AS given,
    p.family         AS family,
    d.id             AS document_id,
    d.name           AS document,
    m.date           AS meeting_date,
    m.body           AS body,
    m.assembly       AS assembly,
    p.person_id      AS person_id,
    a.status         AS status,          -- NULL when the person is not in the attendance lists
    a.substitute_for AS substitute_for,
    m.president IS p.person_id AS is_president,
    m.secretary IS p.person_id AS is_secretary
FROM people p
JOIN documents d ON d.id = p.document_id AND d.status = 'loaded'
LEFT JOIN meetings m ON m.document_id = p.document_id
LEFT JOIN attendance a ON a.document_id = p.document_id AND a.person = p.person_id;

-- Every decision with its meeting and section.
CREATE VIEW decision_list AS
SELECT
    d.id            AS document_id,
    d.name          AS document,
    m.date          AS meeting_date,
    m.body          AS body,
    m.assembly      AS assembly,
    i.path          AS item_path,
    i.title         AS item_title,
    i.kind          AS item_kind,
    x.position      AS position,
    x.outcome       AS outcome,
    x.unanimous     AS unanimous,
    x.votes_for     AS votes_for,
    x.votes_against AS votes_against,
    x.abstention    AS abstention,
    x.text          AS text,
    x.page          AS page,
    x.line          AS line
FROM decisions x
JOIN items i ON i.id = x.item_id
JOIN documents d ON d.id = i.document_id
LEFT JOIN meetings m ON m.document_id = d.id;

-- The debate with its speakers: speaker_key follows a speaker across meetings.
CREATE VIEW exchange_list AS
SELECT
    d.id            AS document_id,
    d.name          AS document,
    m.date          AS meeting_date,
    m.body          AS body,
    i.path          AS item_path,
    i.title         AS item_title,
    x.position      AS position,
    x.speaker       AS speaker,
    p.key           AS speaker_key,
    x.speaker_text  AS speaker_text,
    x.form          AS form,
    x.text          AS text,
    x.page          AS page,
    x.line          AS line
FROM exchanges x
JOIN items i ON i.id = x.item_id
JOIN documents d ON d.id = i.document_id
LEFT JOIN meetings m ON m.document_id = d.id
LEFT JOIN people p ON p.document_id = d.id AND p.person_id = x.speaker;
