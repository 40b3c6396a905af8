package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"minutes/parse"
)

// Outcome says what Save did with a document.
type Outcome int

// Outcomes of Save.
const (
	// Added: the content was new (or only known as failed) and was inserted.
	Added Outcome = iota + 1
	// Unchanged: the content was already loaded; at most a new location was recorded.
	Unchanged
	// Replaced: the path held another loaded document, which the new content replaced (the old
	// document is deleted when no other path refers to it); or a forced re-save of loaded content.
	Replaced
)

// String returns "added", "unchanged" or "replaced".
func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// SaveOption configures Save.
type SaveOption func(*saveConfig)

type saveConfig struct {
	force bool
	run   int64
}

// Force re-saves a document even when its content is already loaded (for --reparse): the old
// rows are deleted and the record inserted again, keeping every location. Outcome Replaced.
func Force() SaveOption { return func(c *saveConfig) { c.force = true } }

// InRun records the ingest run (from StartRun) that saved the document, in documents.run_id.
func InRun(id int64) SaveOption { return func(c *saveConfig) { c.run = id } }

// Replace is Save with Force.
func (d *DB) Replace(path string, rec *parse.Record, opts ...SaveOption) (Outcome, error) {
	return d.Save(path, rec, append(opts, Force())...)
}

// Save stores rec, read from the file at path, in one transaction keyed by
// rec.Source.SHA256:
//   - content already loaded: Unchanged, and path is recorded as one more location of it
//     (Replaced if path held another loaded document before);
//   - path pointed at another loaded document: the new document is inserted and path moved to
//     it; the old document is deleted unless another path still refers to it. Replaced;
//   - otherwise Added (a failed document for the same content or at the same path is replaced
//     by the loaded one).
//
// parse.Version is stored as the parser version.
func (d *DB) Save(path string, rec *parse.Record, opts ...SaveOption) (Outcome, error) {
	var cfg saveConfig
	for _, o := range opts {
		o(&cfg)
	}
	if rec == nil {
		return 0, errors.New("store: save: nil record")
	}
	sha := rec.Source.SHA256
	if sha == "" || path == "" {
		return 0, fmt.Errorf("store: save %q: record without sha256 or path", path)
	}
	if !cfg.force {
		if ok, err := d.located(path, sha); err != nil {
			return 0, fmt.Errorf("store: save %s: %w", path, err)
		} else if ok {
			return Unchanged, nil
		}
	}
	ctx := context.Background()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: save %s: %w", path, err)
	}
	defer tx.Rollback()
	out, err := d.save(ctx, tx, path, rec, cfg)
	if err != nil {
		return 0, fmt.Errorf("store: save %s: %w", path, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: save %s: commit: %w", path, err)
	}
	return out, nil
}

func (d *DB) save(ctx context.Context, tx *sql.Tx, path string, rec *parse.Record, cfg saveConfig) (Outcome, error) {
	now := d.now()
	existing, status, err := docBySHA(ctx, tx, rec.Source.SHA256)
	if err != nil {
		return 0, err
	}
	pathDoc, pathStatus, err := docStatusAtPath(ctx, tx, path)
	if err != nil {
		return 0, err
	}
	if existing != 0 && status == "loaded" && !cfg.force {
		if err := d.locate(ctx, tx, path, existing, pathDoc, now); err != nil {
			return 0, err
		}
		if pathDoc != 0 && pathDoc != existing && pathStatus == "loaded" {
			return Replaced, nil
		}
		return Unchanged, nil
	}
	out := Added
	// Locations of a document being replaced in place (failed → loaded, or forced) move over.
	type loc struct{ path, seen string }
	var keep []loc
	if existing != 0 {
		if status == "loaded" {
			out = Replaced
		}
		rows, err := tx.QueryContext(ctx, `SELECT path, seen_at FROM locations WHERE document_id = ? ORDER BY path`, existing)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var l loc
			if err := rows.Scan(&l.path, &l.seen); err != nil {
				rows.Close()
				return 0, err
			}
			keep = append(keep, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, existing); err != nil {
			return 0, err
		}
	}
	id, err := d.insertRecord(ctx, tx, rec, now, cfg.run)
	if err != nil {
		return 0, err
	}
	for _, l := range keep {
		if _, err := tx.ExecContext(ctx, `INSERT INTO locations (path, document_id, seen_at) VALUES (?, ?, ?)`, l.path, id, l.seen); err != nil {
			return 0, err
		}
	}
	if pathDoc == existing {
		pathDoc = 0 // deleted above, its locations moved
	}
	if err := d.locate(ctx, tx, path, id, pathDoc, now); err != nil {
		return 0, err
	}
	if pathDoc != 0 && pathStatus == "loaded" {
		out = Replaced
	}
	return out, nil
}

// SaveLocation records path as a location of the already loaded document sha, without its
// record: what an ingest does after Lookup found the content loaded, so that an unchanged
// archive is only read and hashed. The outcome is Unchanged, or Replaced when path held another
// loaded document (deleted unless another path still refers to it).
func (d *DB) SaveLocation(path, sha string) (Outcome, error) {
	if ok, err := d.located(path, sha); err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", path, err)
	} else if ok {
		return Unchanged, nil
	}
	ctx := context.Background()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", path, err)
	}
	defer tx.Rollback()
	id, status, err := docBySHA(ctx, tx, sha)
	if err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", path, err)
	}
	if id == 0 || status != "loaded" {
		return 0, fmt.Errorf("store: locate %s: no loaded document with sha256 %s", path, sha)
	}
	pathDoc, pathStatus, err := docStatusAtPath(ctx, tx, path)
	if err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", path, err)
	}
	if err := d.locate(ctx, tx, path, id, pathDoc, d.now()); err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", path, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: locate %s: commit: %w", path, err)
	}
	if pathDoc != 0 && pathDoc != id && pathStatus == "loaded" {
		return Replaced, nil
	}
	return Unchanged, nil
}

// SaveFailed records that the file at path (content sha, empty when it could not even be read)
// failed at stage ("read", "extract", "parse"…) with cause, so that
// `SELECT * FROM documents WHERE status = 'failed'` lists what needs attention. A later
// successful Save of the same content (or at the same path) replaces the failed row. Content
// already loaded is kept (a failure does not overwrite a good record); path is then recorded
// as its location. Otherwise path now holds the failed entry: like Save, the document it held
// before is deleted unless another path refers to it, since the database mirrors the archive
// as last read. InRun is the one option that applies.
func (d *DB) SaveFailed(path, sha, stage string, cause error, opts ...SaveOption) error {
	var cfg saveConfig
	for _, o := range opts {
		o(&cfg)
	}
	if path == "" {
		return errors.New("store: save failed document: empty path")
	}
	msg := "unknown error"
	if cause != nil {
		msg = cause.Error()
	}
	ctx := context.Background()
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: save failed %s: %w", path, err)
	}
	defer tx.Rollback()
	if err := d.saveFailed(ctx, tx, path, sha, stage, msg, cfg.run); err != nil {
		return fmt.Errorf("store: save failed %s: %w", path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: save failed %s: commit: %w", path, err)
	}
	return nil
}

func (d *DB) saveFailed(ctx context.Context, tx *sql.Tx, path, sha, stage, msg string, run int64) error {
	now := d.now()
	pathDoc, err := docAtPath(ctx, tx, path)
	if err != nil {
		return err
	}
	var id int64
	if sha != "" {
		var status string
		if id, status, err = docBySHA(ctx, tx, sha); err != nil {
			return err
		}
		if id != 0 && status == "loaded" {
			return d.locate(ctx, tx, path, id, pathDoc, now)
		}
	} else if pathDoc != 0 {
		// Unreadable content has no key but its path: a failed, hashless document at the same
		// path is the same to-do entry.
		var s sql.NullString
		var status string
		if err := tx.QueryRowContext(ctx, `SELECT sha256, status FROM documents WHERE id = ?`, pathDoc).Scan(&s, &status); err != nil {
			return err
		}
		if !s.Valid && status == "failed" {
			id = pathDoc
		}
	}
	var runID any
	if run != 0 {
		runID = run
	}
	if id != 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET stage = ?, error = ?, parser_version = ?, ingested_at = ?, run_id = ? WHERE id = ?`,
			stage, msg, parse.Version, now, runID, id); err != nil {
			return err
		}
	} else {
		res, err := tx.ExecContext(ctx, `INSERT INTO documents (sha256, status, stage, error, name, parser_version, ingested_at, run_id)
VALUES (?, 'failed', ?, ?, ?, ?, ?, ?)`, nullIfEmpty(sha), stage, msg, filepath.Base(path), parse.Version, now, runID)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return d.locate(ctx, tx, path, id, pathDoc, now)
}

// Lookup reports whether content sha is known, its status ("loaded" or "failed") and the parser
// version that produced it: the cheap "already have it" check before parsing a file.
func (d *DB) Lookup(sha string) (status, parserVersion string, ok bool, err error) {
	err = d.db.QueryRow(`SELECT status, parser_version FROM documents WHERE sha256 = ?`, sha).Scan(&status, &parserVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, fmt.Errorf("store: lookup %s: %w", sha, err)
	}
	return status, parserVersion, true, nil
}

// located reports whether path already holds the loaded document sha: the common case of a
// re-run, answered with one read and no write lock, so that concurrent ingests do not queue.
func (d *DB) located(path, sha string) (bool, error) {
	var n int
	err := d.db.QueryRow(`SELECT count(*) FROM locations l JOIN documents d ON d.id = l.document_id
WHERE l.path = ? AND d.sha256 = ? AND d.status = 'loaded'`, path, sha).Scan(&n)
	return n > 0, err
}

func docBySHA(ctx context.Context, tx *sql.Tx, sha string) (id int64, status string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT id, status FROM documents WHERE sha256 = ?`, sha).Scan(&id, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, status, err
}

func docAtPath(ctx context.Context, tx *sql.Tx, path string) (int64, error) {
	id, _, err := docStatusAtPath(ctx, tx, path)
	return id, err
}

// docStatusAtPath returns the document path holds and its status, or 0.
func docStatusAtPath(ctx context.Context, tx *sql.Tx, path string) (id int64, status string, err error) {
	err = tx.QueryRowContext(ctx, `SELECT l.document_id, d.status FROM locations l JOIN documents d ON d.id = l.document_id
WHERE l.path = ?`, path).Scan(&id, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, status, err
}

// locate points path at document id. When path pointed at another document (prev), that one is
// deleted if no path refers to it any more: a path has one current document, and a document
// lives as long as some path holds it.
func (d *DB) locate(ctx context.Context, tx *sql.Tx, path string, id, prev int64, now string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO locations (path, document_id, seen_at) VALUES (?, ?, ?)
ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at
WHERE document_id <> excluded.document_id`, path, id, now); err != nil {
		return err
	}
	if prev == 0 || prev == id {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM locations WHERE document_id = ?)`, prev, prev)
	return err
}

// Insert statements, one per table; prepared once per transaction.
const (
	sqlDocument   = `INSERT INTO documents (sha256, status, schema, name, format, pages, parser_version, ingested_at, run_id) VALUES (?, 'loaded', ?, ?, ?, ?, ?, ?, ?)`
	sqlMeeting    = `INSERT INTO meetings (document_id, body, assembly, date, start_time, end_time, place, convened_on, president, secretary, previous_minutes_date, next_meeting, next_meeting_date, next_meeting_time, in_office, present, represented, voters, votes_cast, votes_for, votes_against, abstention) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlEvidence   = `INSERT INTO evidence (document_id, scope, field, text, page, line) VALUES (?, ?, ?, ?, ?, ?)`
	sqlPerson     = `INSERT INTO people (document_id, position, person_id, civility, given, family, key, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlAttendance = `INSERT INTO attendance (document_id, position, person, status, substitute_for, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)`
	sqlProxy      = `INSERT INTO proxies (document_id, position, from_person, to_person, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)`
	sqlAgenda     = `INSERT INTO agenda_entries (document_id, position, path, number, title, level, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	sqlItem       = `INSERT INTO items (document_id, position, path, number, title, level, kind, agenda_path, text, page, line, end_page, end_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlDecision   = `INSERT INTO decisions (item_id, position, outcome, unanimous, votes_for, votes_against, abstention, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlVoter      = `INSERT INTO decision_voters (decision_id, position, person, vote) VALUES (?, ?, ?, ?)`
	sqlExchange   = `INSERT INTO exchanges (item_id, position, speaker, speaker_text, form, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	sqlAmount     = `INSERT INTO amounts (item_id, position, value, cents, currency, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	sqlTable      = `INSERT INTO tables (document_id, position, item_path, title, section, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)`
	sqlColumn     = `INSERT INTO table_columns (table_id, position, name) VALUES (?, ?, ?)`
	sqlUnit       = `INSERT INTO table_units (table_id, position, unit) VALUES (?, ?, ?)`
	sqlRow        = `INSERT INTO table_rows (table_id, position, code, label, kind, value_count, cell_count, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlCell       = `INSERT INTO table_cells (row_id, position, column_name, value, cents, raw) VALUES (?, ?, ?, ?, ?, ?)`
	sqlDiagnostic = `INSERT INTO diagnostics (document_id, position, severity, code, message, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)`
	sqlFurniture  = `INSERT INTO furniture (document_id, position, text, page, line) VALUES (?, ?, ?, ?, ?)`
	sqlUnplaced   = `INSERT INTO unplaced (document_id, position, text, page, line) VALUES (?, ?, ?, ?, ?)`
	sqlSearch     = `INSERT INTO search_text (document_id, item_id, kind, title, body, page, line) VALUES (?, ?, ?, ?, ?, ?, ?)`
)

// inserter runs the insert statements of one transaction. The statements are prepared once per
// DB and connection (compiling them, with their foreign-key checks, costs as much as a small
// document's inserts) and bound to the transaction on first use.
type inserter struct {
	ctx   context.Context
	d     *DB
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (in *inserter) exec(query string, args ...any) (sql.Result, error) {
	st, ok := in.stmts[query]
	if !ok {
		ds, err := in.d.prepared(in.ctx, query)
		if err != nil {
			return nil, err
		}
		st = in.tx.StmtContext(in.ctx, ds)
		in.stmts[query] = st
	}
	return st.ExecContext(in.ctx, args...)
}

// prepared returns the DB-wide prepared statement for query, preparing it on first use.
func (d *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if st, ok := d.stmts[query]; ok {
		return st, nil
	}
	st, err := d.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if d.stmts == nil {
		d.stmts = map[string]*sql.Stmt{}
	}
	d.stmts[query] = st
	return st, nil
}

func (in *inserter) close() {
	for _, st := range in.stmts {
		st.Close()
	}
}

// insertRecord inserts rec as a new loaded document and returns its id.
func (d *DB) insertRecord(ctx context.Context, tx *sql.Tx, rec *parse.Record, now string, run int64) (int64, error) {
	in := &inserter{ctx: ctx, d: d, tx: tx, stmts: make(map[string]*sql.Stmt, 24)}
	defer in.close()
	var runID any
	if run != 0 {
		runID = run
	}
	src := rec.Source
	res, err := in.exec(sqlDocument, src.SHA256, rec.Schema, src.Name, src.Format, src.Pages, parse.Version, now, runID)
	if err != nil {
		return 0, fmt.Errorf("documents: %w", err)
	}
	doc, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	m, c := rec.Meeting, rec.Counts
	next := 0
	var nextDate, nextTime *string
	if m.NextMeeting != nil {
		next, nextDate, nextTime = 1, m.NextMeeting.Date, m.NextMeeting.Time
	}
	if _, err := in.exec(sqlMeeting, doc, ns(m.Body), ns(m.Assembly), ns(m.Date), ns(m.StartTime), ns(m.EndTime),
		ns(m.Place), ns(m.ConvenedOn), ns(m.President), ns(m.Secretary), ns(m.PreviousMinutesDate),
		next, ns(nextDate), ns(nextTime),
		ni(c.InOffice), ni(c.Present), ni(c.Represented), ni(c.Voters), ni(c.VotesCast), ni(c.For), ni(c.Against), ni(c.Abstention)); err != nil {
		return 0, fmt.Errorf("meetings: %w", err)
	}
	for _, ev := range []struct {
		scope string
		m     map[string]parse.Evidence
	}{{"meeting", m.Evidence}, {"counts", c.Evidence}} {
		for field, e := range ev.m {
			if _, err := in.exec(sqlEvidence, doc, ev.scope, field, e.Text, e.Page, e.Line); err != nil {
				return 0, fmt.Errorf("evidence: %w", err)
			}
		}
	}
	for i, p := range rec.People {
		if _, err := in.exec(sqlPerson, doc, i, p.ID, ns(p.Civility), ns(p.Given), ns(p.Family), p.Key, nullIfEmpty(p.Text), p.Page, p.Line); err != nil {
			return 0, fmt.Errorf("people: %w", err)
		}
	}
	for i, a := range rec.Attendance {
		if _, err := in.exec(sqlAttendance, doc, i, a.Person, a.Status, ns(a.SubstituteFor), a.Page, a.Line); err != nil {
			return 0, fmt.Errorf("attendance: %w", err)
		}
	}
	for i, p := range rec.Proxies {
		if _, err := in.exec(sqlProxy, doc, i, p.From, nullIfEmpty(p.To), nullIfEmpty(p.Text), p.Page, p.Line); err != nil {
			return 0, fmt.Errorf("proxies: %w", err)
		}
	}
	for i, a := range rec.Agenda {
		if _, err := in.exec(sqlAgenda, doc, i, a.Path, ns(a.Number), a.Title, a.Level, a.Page, a.Line); err != nil {
			return 0, fmt.Errorf("agenda_entries: %w", err)
		}
	}
	for i := range rec.Items {
		if err := insertItem(in, doc, i, &rec.Items[i]); err != nil {
			return 0, err
		}
	}
	for i := range rec.Tables {
		if err := insertTable(in, doc, i, &rec.Tables[i]); err != nil {
			return 0, err
		}
	}
	for i, g := range rec.Diagnostics {
		if _, err := in.exec(sqlDiagnostic, doc, i, g.Severity, g.Code, g.Message, g.Page, g.Line); err != nil {
			return 0, fmt.Errorf("diagnostics: %w", err)
		}
	}
	for i, t := range rec.Furniture {
		if _, err := in.exec(sqlFurniture, doc, i, t.Text, t.Page, t.Line); err != nil {
			return 0, fmt.Errorf("furniture: %w", err)
		}
	}
	for i, t := range rec.Unplaced {
		if _, err := in.exec(sqlUnplaced, doc, i, t.Text, t.Page, t.Line); err != nil {
			return 0, fmt.Errorf("unplaced: %w", err)
		}
	}
	if _, err := in.exec(sqlIndex, doc); err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return doc, nil
}

func insertItem(in *inserter, doc int64, pos int, it *parse.Item) error {
	res, err := in.exec(sqlItem, doc, pos, it.Path, ns(it.Number), it.Title, it.Level, it.Kind, ns(it.AgendaPath), it.Text,
		it.Page, it.Line, it.End.Page, it.End.Line)
	if err != nil {
		return fmt.Errorf("items: %w", err)
	}
	item, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if body := prose(it); it.Title != "" || body != "" {
		if _, err := in.exec(sqlSearch, doc, item, "item", it.Title, body, it.Page, it.Line); err != nil {
			return fmt.Errorf("search_text: %w", err)
		}
	}
	for i, dc := range it.Decisions {
		res, err := in.exec(sqlDecision, item, i, dc.Outcome, dc.Unanimous, ni(dc.For), ni(dc.Against), ni(dc.Abstention), dc.Text, dc.Page, dc.Line)
		if err != nil {
			return fmt.Errorf("decisions: %w", err)
		}
		dec, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for j, v := range dc.Voters {
			if _, err := in.exec(sqlVoter, dec, j, v.Person, v.Vote); err != nil {
				return fmt.Errorf("decision_voters: %w", err)
			}
		}
		if dc.Text != "" {
			if _, err := in.exec(sqlSearch, doc, item, "decision", nil, dc.Text, dc.Page, dc.Line); err != nil {
				return fmt.Errorf("search_text: %w", err)
			}
		}
	}
	for i, x := range it.Exchanges {
		if _, err := in.exec(sqlExchange, item, i, ns(x.Speaker), ns(x.SpeakerText), x.Form, x.Text, x.Page, x.Line); err != nil {
			return fmt.Errorf("exchanges: %w", err)
		}
		if x.Text != "" {
			if _, err := in.exec(sqlSearch, doc, item, "exchange", nil, x.Text, x.Page, x.Line); err != nil {
				return fmt.Errorf("search_text: %w", err)
			}
		}
	}
	for i, a := range it.Amounts {
		if _, err := in.exec(sqlAmount, item, i, a.Value, cents(&a.Value), ns(a.Currency), a.Text, a.Page, a.Line); err != nil {
			return fmt.Errorf("amounts: %w", err)
		}
	}
	return nil
}

func insertTable(in *inserter, doc int64, pos int, t *parse.Table) error {
	res, err := in.exec(sqlTable, doc, pos, ns(t.ItemPath), ns(t.Title), ns(t.Section), t.Page, t.Line)
	if err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	table, err := res.LastInsertId()
	if err != nil {
		return err
	}
	for i, c := range t.Columns {
		if _, err := in.exec(sqlColumn, table, i, c); err != nil {
			return fmt.Errorf("table_columns: %w", err)
		}
	}
	for i, u := range t.Units {
		if _, err := in.exec(sqlUnit, table, i, u); err != nil {
			return fmt.Errorf("table_units: %w", err)
		}
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		var valueCount any
		if r.Values != nil {
			valueCount = len(r.Values)
		}
		res, err := in.exec(sqlRow, table, i, ns(r.Code), r.Label, r.Kind, valueCount, len(r.Cells), r.Page, r.Line)
		if err != nil {
			return fmt.Errorf("table_rows: %w", err)
		}
		row, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for j := 0; j < max(len(r.Values), len(r.Cells)); j++ {
			var col, value, raw *string
			if j < len(t.Columns) {
				col = &t.Columns[j]
			}
			if j < len(r.Values) {
				value = r.Values[j]
			}
			if j < len(r.Cells) {
				raw = r.Cells[j]
			}
			if _, err := in.exec(sqlCell, row, j, ns(col), ns(value), cents(value), ns(raw)); err != nil {
				return fmt.Errorf("table_cells: %w", err)
			}
		}
	}
	return nil
}

// prose is the text of a section without the passages indexed on their own (its decisions and
// exchanges, which the parser also leaves in the section's text), so that a word of the debate
// is one hit, of kind "exchange", rather than two.
func prose(it *parse.Item) string {
	text := it.Text
	if len(it.Decisions) == 0 && len(it.Exchanges) == 0 {
		return text
	}
	type span struct{ from, to int }
	var cut []span
	overlaps := func(a span) bool {
		for _, b := range cut {
			if a.from < b.to && b.from < a.to {
				return true
			}
		}
		return false
	}
	take := func(piece string) {
		if strings.TrimSpace(piece) == "" {
			return
		}
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], piece)
			if i < 0 {
				return
			}
			sp := span{off + i, off + i + len(piece)}
			if !overlaps(sp) {
				cut = append(cut, sp)
				return
			}
			off = sp.from + 1
		}
	}
	for _, x := range it.Exchanges {
		take(x.Text)
	}
	for _, dc := range it.Decisions {
		take(dc.Text)
	}
	if len(cut) == 0 {
		return text
	}
	slices.SortFunc(cut, func(a, b span) int { return a.from - b.from })
	var b strings.Builder
	last := 0
	for _, sp := range cut {
		b.WriteString(text[last:sp.from])
		b.WriteString("\n")
		last = sp.to
	}
	b.WriteString(text[last:])
	return strings.TrimSpace(b.String())
}

// cents is the exact value × 100 as an integer, or NULL when the value is absent, not a number
// or finer than a cent (a percentage like 12.345), so that SUM(cents) is always exact.
func cents(v *string) any {
	if v == nil {
		return nil
	}
	d, err := decimal.NewFromString(*v)
	if err != nil {
		return nil
	}
	c := d.Shift(2)
	if !c.IsInteger() {
		return nil
	}
	b := c.BigInt()
	if !b.IsInt64() {
		return nil
	}
	return b.Int64()
}

// ns and ni turn the record's optional values into SQL NULL or the value.
func ns(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func ni(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// nullIfEmpty stores an omitted ("omitempty") string as NULL.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// foldPairs are what the unicode61 tokenizer leaves alone: the œ and æ ligatures and the
// typographic ligatures that PDF text may carry (accents are left to remove_diacritics). Indexed
// text and queries are folded with them; the schema's search triggers spell the same pairs as
// nested replace() calls (TestFoldMatchesSQL keeps the two in step).
var foldPairs = []string{
	"œ", "oe", "Œ", "OE", "æ", "ae", "Æ", "AE",
	"ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st",
}

var folder = strings.NewReplacer(foldPairs...)

// fold returns s as the search index sees it; queries are folded with it.
func fold(s string) string { return folder.Replace(s) }

// sqlFold is fold as an SQL expression over column col.
func sqlFold(col string) string {
	e := col
	for i := 0; i < len(foldPairs); i += 2 {
		e = "replace(" + e + ", '" + foldPairs[i] + "', '" + foldPairs[i+1] + "')"
	}
	return e
}

// sqlIndex indexes the texts of one document, in one statement: per-row inserts into an FTS5
// table cost several times more.
var sqlIndex = "INSERT INTO search (rowid, title, body) SELECT id, " + sqlFold("title") + ", " + sqlFold("body") +
	" FROM search_text WHERE document_id = ? ORDER BY id"
