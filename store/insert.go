package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"minutes/parse"
)

// A document is hundreds of small rows (people, attendance, sections, decisions, cells…). One
// INSERT per row spent most of a save in per-statement overhead (database/sql, cgo, the VDBE
// setting up), so rows are collected per table and written with multi-row INSERTs, parents
// before children (foreign keys are checked per statement). Rows that children refer to get
// their ids from the program (max(id)+1…, safe: the transaction holds the write lock from
// BEGIN) instead of one LastInsertId per row.

// table is one insert target: its name and columns.
type table struct {
	name string
	cols int
	// queries[k] inserts batchSizes[k] rows.
	queries [len(batchSizes)]string
}

// batchSizes are the row counts of the prepared multi-row INSERTs, largest first: n rows are
// written as a sum of these, so at most a few statements per table and at most
// len(batchSizes) statements prepared per table. 128 rows × 13 columns stays far below
// SQLite's limit of 32766 parameters.
var batchSizes = [...]int{128, 32, 8, 2, 1}

func newTable(name, columns string) *table {
	t := &table{name: name, cols: strings.Count(columns, ",") + 1}
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", t.cols), ",") + ")"
	for k, n := range batchSizes {
		t.queries[k] = "INSERT INTO " + name + " (" + columns + ") VALUES " +
			strings.TrimSuffix(strings.Repeat(row+",", n), ",")
	}
	return t
}

// The tables a record fills, in the order they are written (parents first).
var (
	tMeeting = newTable("meetings", "document_id, body, assembly, date, start_time, end_time, place, convened_on, "+
		"president, secretary, previous_minutes_date, next_meeting, next_meeting_date, next_meeting_time, "+
		"in_office, present, represented, voters, votes_cast, votes_for, votes_against, abstention")
	tEvidence   = newTable("evidence", "document_id, scope, field, text, page, line")
	tPerson     = newTable("people", "document_id, position, person_id, civility, given, family, key, text, page, line")
	tAttendance = newTable("attendance", "document_id, position, person, status, substitute_for, page, line")
	tProxy      = newTable("proxies", "document_id, position, from_person, to_person, text, page, line")
	tAgenda     = newTable("agenda_entries", "document_id, position, path, number, title, level, page, line")
	tItem       = newTable("items", "id, document_id, position, path, number, title, level, kind, agenda_path, text, page, line, end_page, end_line")
	tDecision   = newTable("decisions", "id, item_id, position, outcome, unanimous, votes_for, votes_against, abstention, text, page, line")
	tVoter      = newTable("decision_voters", "decision_id, position, person, vote")
	tExchange   = newTable("exchanges", "item_id, position, speaker, speaker_text, form, text, page, line")
	tAmount     = newTable("amounts", "item_id, position, value, cents, currency, text, page, line")
	tSearchText = newTable("search_text", "id, document_id, item_id, kind, title, body, page, line")
	tTable      = newTable("tables", "id, document_id, position, item_path, title, section, page, line")
	tColumn     = newTable("table_columns", "table_id, position, name")
	tUnit       = newTable("table_units", "table_id, position, unit")
	tRow        = newTable("table_rows", "id, table_id, position, code, label, kind, value_count, cell_count, page, line")
	tCell       = newTable("table_cells", "row_id, position, column_name, value, cents, raw")
	tDiagnostic = newTable("diagnostics", "document_id, position, severity, code, message, page, line")
	tFurniture  = newTable("furniture", "document_id, position, text, page, line")
	tUnplaced   = newTable("unplaced", "document_id, position, text, page, line")
	writeOrder  = []*table{tMeeting, tEvidence, tPerson, tAttendance, tProxy, tAgenda, tItem, tDecision, tVoter,
		tExchange, tAmount, tSearchText, tTable, tColumn, tUnit, tRow, tCell, tDiagnostic, tFurniture, tUnplaced}
)

const sqlDocument = `INSERT INTO documents (sha256, status, schema, name, format, pages, parser_version, ingested_at, run_id) VALUES (?, 'loaded', ?, ?, ?, ?, ?, ?, ?)`

// sqlMaxIDs reads the largest ids of the tables whose ids the program assigns.
const sqlMaxIDs = `SELECT (SELECT coalesce(max(id), 0) FROM items), (SELECT coalesce(max(id), 0) FROM decisions),
 (SELECT coalesce(max(id), 0) FROM search_text), (SELECT coalesce(max(id), 0) FROM tables),
 (SELECT coalesce(max(id), 0) FROM table_rows)`

// inserter collects the rows of one document and writes them in its transaction.
type inserter struct {
	ctx  context.Context
	d    *DB
	tx   *sql.Tx
	rows map[*table][]any // arguments, cols per row
	// Next ids to assign.
	item, decision, search, table, row int64
	// index holds [title, body] pairs, folded (œ → oe), for the FTS index (see sqlIndex).
	index []any
	// firstSearch is the search_text id of index[0].
	firstSearch int64
	// indexValid is false when some text is not valid UTF-8.
	indexValid bool
}

// sqlIndex indexes the texts of one document, folded, in one statement: FTS5 writes its pending
// terms out as a new segment whenever a later statement of the transaction opens a statement
// savepoint (every multi-row INSERT does), so one INSERT per chunk of rows would leave several
// small segments per document, each to be merged later. Row i of the JSON array is rowid
// firstSearch + i.
const sqlIndex = `INSERT INTO search (rowid, title, body) SELECT ? + key, value ->> 0, value ->> 1 FROM json_each(?)`

const sqlIndexRow = `INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)`

// inserters keeps inserters between saves, so that their argument slices, grown to a
// document's size, are reused rather than allocated again (and collected) for every document.
var inserters = sync.Pool{New: func() any {
	return &inserter{rows: make(map[*table][]any, len(writeOrder))}
}}

// release empties in (dropping its references to the record) and returns it to the pool.
func (in *inserter) release() {
	for t, args := range in.rows {
		clear(args)
		in.rows[t] = args[:0]
	}
	clear(in.index)
	*in = inserter{rows: in.rows, index: in.index[:0]}
	inserters.Put(in)
}

func (in *inserter) add(t *table, args ...any) {
	in.rows[t] = append(in.rows[t], args...)
}

// stmt returns query prepared (once per DB) and bound to the transaction.
func (in *inserter) stmt(query string) (*sql.Stmt, error) {
	ds, err := in.d.prepared(in.ctx, query)
	if err != nil {
		return nil, err
	}
	return in.tx.StmtContext(in.ctx, ds), nil
}

// flush writes the collected rows, table by table in writeOrder.
func (in *inserter) flush() error {
	for _, t := range writeOrder {
		args := in.rows[t]
		for len(args) > 0 {
			n := len(args) / t.cols
			k := 0
			for batchSizes[k] > n {
				k++
			}
			st, err := in.stmt(t.queries[k])
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			m := batchSizes[k] * t.cols
			_, err = st.ExecContext(in.ctx, args[:m]...)
			st.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			args = args[m:]
		}
	}
	return nil
}

// prepared returns the DB-wide prepared statement for query, preparing it on first use
// (compiling an insert, with its foreign-key checks, costs as much as running it many times).
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

// insertRecord inserts rec as a new loaded document and returns its id.
func (d *DB) insertRecord(ctx context.Context, tx *sql.Tx, rec *parse.Record, now string, run int64) (int64, error) {
	in := inserters.Get().(*inserter)
	defer in.release()
	in.ctx, in.d, in.tx = ctx, d, tx
	var runID any
	if run != 0 {
		runID = run
	}
	src := rec.Source
	st, err := in.stmt(sqlDocument)
	if err != nil {
		return 0, fmt.Errorf("documents: %w", err)
	}
	res, err := st.ExecContext(ctx, src.SHA256, rec.Schema, src.Name, src.Format, src.Pages, parse.Version, now, runID)
	st.Close()
	if err != nil {
		return 0, fmt.Errorf("documents: %w", err)
	}
	doc, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if err := d.txRow(ctx, tx, sqlMaxIDs, nil, &in.item, &in.decision, &in.search, &in.table, &in.row); err != nil {
		return 0, fmt.Errorf("ids: %w", err)
	}
	m, c := rec.Meeting, rec.Counts
	next := 0
	var nextDate, nextTime *string
	if m.NextMeeting != nil {
		next, nextDate, nextTime = 1, m.NextMeeting.Date, m.NextMeeting.Time
	}
	in.add(tMeeting, doc, ns(m.Body), ns(m.Assembly), ns(m.Date), ns(m.StartTime), ns(m.EndTime),
		ns(m.Place), ns(m.ConvenedOn), ns(m.President), ns(m.Secretary), ns(m.PreviousMinutesDate),
		next, ns(nextDate), ns(nextTime),
		ni(c.InOffice), ni(c.Present), ni(c.Represented), ni(c.Voters), ni(c.VotesCast), ni(c.For), ni(c.Against), ni(c.Abstention))
	for field, e := range m.Evidence {
		in.add(tEvidence, doc, "meeting", field, e.Text, e.Page, e.Line)
	}
	for field, e := range c.Evidence {
		in.add(tEvidence, doc, "counts", field, e.Text, e.Page, e.Line)
	}
	for i, p := range rec.People {
		in.add(tPerson, doc, i, p.ID, ns(p.Civility), ns(p.Given), ns(p.Family), p.Key, nullIfEmpty(p.Text), p.Page, p.Line)
	}
	for i, a := range rec.Attendance {
		in.add(tAttendance, doc, i, a.Person, a.Status, ns(a.SubstituteFor), a.Page, a.Line)
	}
	for i, p := range rec.Proxies {
		in.add(tProxy, doc, i, p.From, ns(p.To), nullIfEmpty(p.Text), p.Page, p.Line)
	}
	for i, a := range rec.Agenda {
		in.add(tAgenda, doc, i, a.Path, ns(a.Number), a.Title, a.Level, a.Page, a.Line)
	}
	for i := range rec.Items {
		in.addItem(doc, i, &rec.Items[i])
	}
	for i := range rec.Tables {
		in.addTable(doc, i, &rec.Tables[i])
	}
	for i, g := range rec.Diagnostics {
		in.add(tDiagnostic, doc, i, g.Severity, g.Code, g.Message, g.Page, g.Line)
	}
	for i, t := range rec.Furniture {
		in.add(tFurniture, doc, i, t.Text, t.Page, t.Line)
	}
	for i, t := range rec.Unplaced {
		in.add(tUnplaced, doc, i, t.Text, t.Page, t.Line)
	}
	if err := in.flush(); err != nil {
		return 0, err
	}
	if err := in.writeIndex(); err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return doc, nil
}

// writeIndex writes the collected search texts to the FTS index.
func (in *inserter) writeIndex() error {
	if len(in.index) == 0 {
		return nil
	}
	if !in.indexValid {
		// JSON would carry invalid UTF-8 as U+FFFD, and the index must hold exactly the
		// folded stored text (the delete trigger removes the terms of that text). Rare: one
		// single-row INSERT per text, which opens no statement savepoint.
		for i, v := range in.index {
			tb := v.([2]any)
			if _, err := in.d.txExec(in.ctx, in.tx, sqlIndexRow, in.firstSearch+int64(i), tb[0], tb[1]); err != nil {
				return err
			}
		}
		return nil
	}
	js, err := json.Marshal(in.index)
	if err != nil {
		return err
	}
	_, err = in.d.txExec(in.ctx, in.tx, sqlIndex, in.firstSearch, string(js))
	return err
}

// addSearch adds one searchable text, to search_text and (folded) to the index.
func (in *inserter) addSearch(doc, item int64, kind string, title any, body string, pos parse.Pos) {
	in.search++
	if len(in.index) == 0 {
		in.firstSearch = in.search
		in.indexValid = true
	}
	if t, ok := title.(string); (ok && !utf8.ValidString(t)) || !utf8.ValidString(body) {
		in.indexValid = false
	}
	in.add(tSearchText, in.search, doc, item, kind, title, body, pos.Page, pos.Line)
	if t, ok := title.(string); ok {
		title = fold(t)
	}
	in.index = append(in.index, [2]any{title, fold(body)})
}

func (in *inserter) addItem(doc int64, pos int, it *parse.Item) {
	in.item++
	item := in.item
	in.add(tItem, item, doc, pos, it.Path, ns(it.Number), it.Title, it.Level, it.Kind, ns(it.AgendaPath), it.Text,
		it.Page, it.Line, it.End.Page, it.End.Line)
	if body := prose(it); it.Title != "" || body != "" {
		in.addSearch(doc, item, "item", it.Title, body, it.Pos)
	}
	for i, dc := range it.Decisions {
		in.decision++
		in.add(tDecision, in.decision, item, i, dc.Outcome, dc.Unanimous, ni(dc.For), ni(dc.Against), ni(dc.Abstention), dc.Text, dc.Page, dc.Line)
		for j, v := range dc.Voters {
			in.add(tVoter, in.decision, j, v.Person, v.Vote)
		}
		if dc.Text != "" {
			in.addSearch(doc, item, "decision", nil, dc.Text, dc.Pos)
		}
	}
	for i, x := range it.Exchanges {
		in.add(tExchange, item, i, ns(x.Speaker), ns(x.SpeakerText), x.Form, x.Text, x.Page, x.Line)
		if x.Text != "" {
			in.addSearch(doc, item, "exchange", nil, x.Text, x.Pos)
		}
	}
	for i, a := range it.Amounts {
		in.add(tAmount, item, i, a.Value, cents(&a.Value), ns(a.Currency), a.Text, a.Page, a.Line)
	}
}

func (in *inserter) addTable(doc int64, pos int, t *parse.Table) {
	in.table++
	tbl := in.table
	in.add(tTable, tbl, doc, pos, ns(t.ItemPath), ns(t.Title), ns(t.Section), t.Page, t.Line)
	for i, c := range t.Columns {
		in.add(tColumn, tbl, i, c)
	}
	for i, u := range t.Units {
		in.add(tUnit, tbl, i, u)
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		var valueCount any
		if r.Values != nil {
			valueCount = len(r.Values)
		}
		in.row++
		row := in.row
		in.add(tRow, row, tbl, i, ns(r.Code), r.Label, r.Kind, valueCount, len(r.Cells), r.Page, r.Line)
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
			in.add(tCell, row, j, ns(col), ns(value), cents(value), ns(raw))
		}
	}
}
