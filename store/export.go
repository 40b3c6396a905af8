package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"minutes/parse"
)

// ErrNotFound is returned by ExportOne for content that is not loaded.
var ErrNotFound = errors.New("store: no such loaded document")

// Export reads every loaded document back into its record, ordered by meeting date (undated
// first), then source name. Each record equals, field for field, the one that was saved.
func (d *DB) Export() ([]*parse.Record, error) {
	recs := []*parse.Record{}
	err := d.ExportEach(func(rec *parse.Record) error {
		recs = append(recs, rec)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// ExportEach is Export one record at a time, in the same order, for archives too large to hold
// in memory; it stops at the first error f returns and returns it. All records come from one
// snapshot of the database.
func (d *DB) ExportEach(f func(*parse.Record) error) error {
	err := d.read(func(r *reader) error {
		rows, err := r.conn.QueryContext(r.ctx, `SELECT d.id FROM documents d LEFT JOIN meetings m ON m.document_id = d.id
WHERE d.status = 'loaded' ORDER BY m.date, d.name, d.sha256`)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			rec, err := r.record(id)
			if err != nil {
				return err
			}
			if err := f(rec); err != nil {
				return callerError{err}
			}
		}
		return nil
	})
	var ce callerError
	if errors.As(err, &ce) {
		return ce.err
	}
	if err != nil {
		return fmt.Errorf("store: export: %w", err)
	}
	return nil
}

// callerError carries an error of ExportEach's callback through unchanged.
type callerError struct{ err error }

func (e callerError) Error() string { return e.err.Error() }

// ExportOne reads the loaded document with content sha back into its record, or ErrNotFound.
func (d *DB) ExportOne(sha string) (*parse.Record, error) {
	var rec *parse.Record
	err := d.read(func(r *reader) error {
		var id int64
		err := r.conn.QueryRowContext(r.ctx, `SELECT id FROM documents WHERE sha256 = ? AND status = 'loaded'`, sha).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		rec, err = r.record(id)
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("store: export %s: %w", sha, err)
	}
	return rec, nil
}

// reader reads documents on one connection inside one read transaction, so that a record is
// never read half before and half after a concurrent save.
type reader struct {
	ctx   context.Context
	conn  *sql.Conn
	stmts map[string]*sql.Stmt
}

// read runs f in a deferred (read) transaction on a dedicated connection. BeginTx would take
// the write lock (the DSN asks for immediate transactions), so BEGIN is issued by hand.
func (d *DB) read(f func(*reader) error) error {
	ctx := context.Background()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return err
	}
	r := &reader{ctx: ctx, conn: conn, stmts: map[string]*sql.Stmt{}}
	defer func() {
		for _, st := range r.stmts {
			st.Close()
		}
		// A read transaction has nothing to keep: rolling back only ends the snapshot.
		conn.ExecContext(ctx, `ROLLBACK`)
	}()
	return f(r)
}

// query runs a prepared query, preparing it on first use.
func (r *reader) query(q string, args ...any) (*sql.Rows, error) {
	st, ok := r.stmts[q]
	if !ok {
		var err error
		if st, err = r.conn.PrepareContext(r.ctx, q); err != nil {
			return nil, err
		}
		r.stmts[q] = st
	}
	return st.QueryContext(r.ctx, args...)
}

// each runs q and calls scan for every row.
func (r *reader) each(q string, id int64, scan func(*sql.Rows) error) error {
	rows, err := r.query(q, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Select statements, one per table, each ordered as the record's lists.
const (
	selDocument = `SELECT d.schema, d.name, d.sha256, d.format, d.pages,
 m.body, m.assembly, m.date, m.start_time, m.end_time, m.place, m.convened_on, m.president, m.secretary,
 m.previous_minutes_date, m.next_meeting, m.next_meeting_date, m.next_meeting_time,
 m.in_office, m.present, m.represented, m.voters, m.votes_cast, m.votes_for, m.votes_against, m.abstention
FROM documents d JOIN meetings m ON m.document_id = d.id WHERE d.id = ?`
	selEvidence   = `SELECT scope, field, text, page, line FROM evidence WHERE document_id = ?`
	selPeople     = `SELECT person_id, civility, given, family, key, text, page, line FROM people WHERE document_id = ? ORDER BY position`
	selAttendance = `SELECT person, status, substitute_for, page, line FROM attendance WHERE document_id = ? ORDER BY position`
	selProxies    = `SELECT from_person, to_person, text, page, line FROM proxies WHERE document_id = ? ORDER BY position`
	selAgenda     = `SELECT path, number, title, level, page, line FROM agenda_entries WHERE document_id = ? ORDER BY position`
	selItems      = `SELECT id, path, number, title, level, kind, agenda_path, text, page, line, end_page, end_line FROM items WHERE document_id = ? ORDER BY position`
	selDecisions  = `SELECT x.id, x.item_id, x.outcome, x.unanimous, x.votes_for, x.votes_against, x.abstention, x.text, x.page, x.line
FROM decisions x JOIN items i ON i.id = x.item_id WHERE i.document_id = ? ORDER BY i.position, x.position`
	selVoters = `SELECT v.decision_id, v.person, v.vote FROM decision_voters v JOIN decisions x ON x.id = v.decision_id
JOIN items i ON i.id = x.item_id WHERE i.document_id = ? ORDER BY i.position, x.position, v.position`
	selExchanges = `SELECT x.item_id, x.speaker, x.speaker_text, x.form, x.text, x.page, x.line
FROM exchanges x JOIN items i ON i.id = x.item_id WHERE i.document_id = ? ORDER BY i.position, x.position`
	selAmounts = `SELECT a.item_id, a.value, a.currency, a.text, a.page, a.line
FROM amounts a JOIN items i ON i.id = a.item_id WHERE i.document_id = ? ORDER BY i.position, a.position`
	selTables  = `SELECT id, item_path, title, section, page, line FROM tables WHERE document_id = ? ORDER BY position`
	selColumns = `SELECT c.table_id, c.name FROM table_columns c JOIN tables t ON t.id = c.table_id
WHERE t.document_id = ? ORDER BY t.position, c.position`
	selUnits = `SELECT u.table_id, u.unit FROM table_units u JOIN tables t ON t.id = u.table_id
WHERE t.document_id = ? ORDER BY t.position, u.position`
	selRows = `SELECT r.id, r.table_id, r.code, r.label, r.kind, r.value_count, r.cell_count, r.page, r.line
FROM table_rows r JOIN tables t ON t.id = r.table_id WHERE t.document_id = ? ORDER BY t.position, r.position`
	selCells = `SELECT c.row_id, c.position, c.value, c.raw FROM table_cells c JOIN table_rows r ON r.id = c.row_id
JOIN tables t ON t.id = r.table_id WHERE t.document_id = ? ORDER BY t.position, r.position, c.position`
	selDiagnostics = `SELECT severity, code, message, page, line FROM diagnostics WHERE document_id = ? ORDER BY position`
	selFurniture   = `SELECT text, page, line FROM furniture WHERE document_id = ? ORDER BY position`
	selUnplaced    = `SELECT text, page, line FROM unplaced WHERE document_id = ? ORDER BY position`
)

// record rebuilds the record of loaded document id from the tables. Lists the contract always
// prints are non-nil (JSON []); "omitempty" lists and maps stay nil when empty.
func (r *reader) record(id int64) (*parse.Record, error) {
	rec := &parse.Record{
		People: []parse.Person{}, Attendance: []parse.Attendance{}, Proxies: []parse.Proxy{},
		Agenda: []parse.AgendaItem{}, Items: []parse.Item{}, Tables: []parse.Table{}, Diagnostics: []parse.Diagnostic{},
	}
	m, c := &rec.Meeting, &rec.Counts
	var schema, format sql.NullString
	var pages sql.NullInt64
	var next bool
	var nextDate, nextTime *string
	rows, err := r.query(selDocument, id)
	if err != nil {
		return nil, err
	}
	found := rows.Next()
	if found {
		err = rows.Scan(&schema, &rec.Source.Name, &rec.Source.SHA256, &format, &pages,
			&m.Body, &m.Assembly, &m.Date, &m.StartTime, &m.EndTime, &m.Place, &m.ConvenedOn, &m.President, &m.Secretary,
			&m.PreviousMinutesDate, &next, &nextDate, &nextTime,
			&c.InOffice, &c.Present, &c.Represented, &c.Voters, &c.VotesCast, &c.For, &c.Against, &c.Abstention)
	}
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	if !found {
		return nil, fmt.Errorf("document %d has no meeting row", id)
	}
	rec.Schema, rec.Source.Format, rec.Source.Pages = schema.String, format.String, int(pages.Int64)
	if next {
		m.NextMeeting = &parse.NextMeeting{Date: nextDate, Time: nextTime}
	}
	if err := r.each(selEvidence, id, func(rs *sql.Rows) error {
		var scope, field string
		var e parse.Evidence
		if err := rs.Scan(&scope, &field, &e.Text, &e.Page, &e.Line); err != nil {
			return err
		}
		target := &m.Evidence
		if scope == "counts" {
			target = &c.Evidence
		}
		if *target == nil {
			*target = map[string]parse.Evidence{}
		}
		(*target)[field] = e
		return nil
	}); err != nil {
		return nil, fmt.Errorf("evidence: %w", err)
	}
	if err := r.each(selPeople, id, func(rs *sql.Rows) error {
		var p parse.Person
		var text sql.NullString
		if err := rs.Scan(&p.ID, &p.Civility, &p.Given, &p.Family, &p.Key, &text, &p.Page, &p.Line); err != nil {
			return err
		}
		p.Text = text.String
		rec.People = append(rec.People, p)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	if err := r.each(selAttendance, id, func(rs *sql.Rows) error {
		var a parse.Attendance
		if err := rs.Scan(&a.Person, &a.Status, &a.SubstituteFor, &a.Page, &a.Line); err != nil {
			return err
		}
		rec.Attendance = append(rec.Attendance, a)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("attendance: %w", err)
	}
	if err := r.each(selProxies, id, func(rs *sql.Rows) error {
		var p parse.Proxy
		var to, text sql.NullString
		if err := rs.Scan(&p.From, &to, &text, &p.Page, &p.Line); err != nil {
			return err
		}
		p.Text = text.String
		if to.Valid {
			p.To = &to.String
		}
		rec.Proxies = append(rec.Proxies, p)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("proxies: %w", err)
	}
	if err := r.each(selAgenda, id, func(rs *sql.Rows) error {
		var a parse.AgendaItem
		if err := rs.Scan(&a.Path, &a.Number, &a.Title, &a.Level, &a.Page, &a.Line); err != nil {
			return err
		}
		rec.Agenda = append(rec.Agenda, a)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("agenda_entries: %w", err)
	}
	if err := r.items(id, rec); err != nil {
		return nil, err
	}
	if err := r.tables(id, rec); err != nil {
		return nil, err
	}
	if err := r.each(selDiagnostics, id, func(rs *sql.Rows) error {
		var g parse.Diagnostic
		if err := rs.Scan(&g.Severity, &g.Code, &g.Message, &g.Page, &g.Line); err != nil {
			return err
		}
		rec.Diagnostics = append(rec.Diagnostics, g)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("diagnostics: %w", err)
	}
	for _, t := range []struct {
		q    string
		list *[]parse.Text
	}{{selFurniture, &rec.Furniture}, {selUnplaced, &rec.Unplaced}} {
		if err := r.each(t.q, id, func(rs *sql.Rows) error {
			var x parse.Text
			if err := rs.Scan(&x.Text, &x.Page, &x.Line); err != nil {
				return err
			}
			*t.list = append(*t.list, x)
			return nil
		}); err != nil {
			return nil, fmt.Errorf("furniture/unplaced: %w", err)
		}
	}
	return rec, nil
}

// items reads the sections with their decisions, voters, exchanges and amounts: one query per
// table for the whole document, rows distributed to their item by id.
func (r *reader) items(id int64, rec *parse.Record) error {
	index := map[int64]int{} // items.id → position in rec.Items
	if err := r.each(selItems, id, func(rs *sql.Rows) error {
		var it parse.Item
		var iid int64
		if err := rs.Scan(&iid, &it.Path, &it.Number, &it.Title, &it.Level, &it.Kind, &it.AgendaPath, &it.Text,
			&it.Page, &it.Line, &it.End.Page, &it.End.Line); err != nil {
			return err
		}
		it.Decisions, it.Exchanges, it.Amounts = []parse.Decision{}, []parse.Exchange{}, []parse.Amount{}
		index[iid] = len(rec.Items)
		rec.Items = append(rec.Items, it)
		return nil
	}); err != nil {
		return fmt.Errorf("items: %w", err)
	}
	type at struct{ item, n int }
	decisions := map[int64]at{} // decisions.id → where it went
	if err := r.each(selDecisions, id, func(rs *sql.Rows) error {
		var dc parse.Decision
		var did, iid int64
		if err := rs.Scan(&did, &iid, &dc.Outcome, &dc.Unanimous, &dc.For, &dc.Against, &dc.Abstention, &dc.Text, &dc.Page, &dc.Line); err != nil {
			return err
		}
		it := &rec.Items[index[iid]]
		decisions[did] = at{index[iid], len(it.Decisions)}
		it.Decisions = append(it.Decisions, dc)
		return nil
	}); err != nil {
		return fmt.Errorf("decisions: %w", err)
	}
	if err := r.each(selVoters, id, func(rs *sql.Rows) error {
		var v parse.Voter
		var did int64
		if err := rs.Scan(&did, &v.Person, &v.Vote); err != nil {
			return err
		}
		w := decisions[did]
		dc := &rec.Items[w.item].Decisions[w.n]
		dc.Voters = append(dc.Voters, v)
		return nil
	}); err != nil {
		return fmt.Errorf("decision_voters: %w", err)
	}
	if err := r.each(selExchanges, id, func(rs *sql.Rows) error {
		var x parse.Exchange
		var iid int64
		if err := rs.Scan(&iid, &x.Speaker, &x.SpeakerText, &x.Form, &x.Text, &x.Page, &x.Line); err != nil {
			return err
		}
		it := &rec.Items[index[iid]]
		it.Exchanges = append(it.Exchanges, x)
		return nil
	}); err != nil {
		return fmt.Errorf("exchanges: %w", err)
	}
	if err := r.each(selAmounts, id, func(rs *sql.Rows) error {
		var a parse.Amount
		var iid int64
		if err := rs.Scan(&iid, &a.Value, &a.Currency, &a.Text, &a.Page, &a.Line); err != nil {
			return err
		}
		it := &rec.Items[index[iid]]
		it.Amounts = append(it.Amounts, a)
		return nil
	}); err != nil {
		return fmt.Errorf("amounts: %w", err)
	}
	return nil
}

// tables reads the tables with their columns, rows and cells.
func (r *reader) tables(id int64, rec *parse.Record) error {
	index := map[int64]int{}
	if err := r.each(selTables, id, func(rs *sql.Rows) error {
		var t parse.Table
		var tid int64
		if err := rs.Scan(&tid, &t.ItemPath, &t.Title, &t.Section, &t.Page, &t.Line); err != nil {
			return err
		}
		t.Columns, t.Rows = []string{}, []parse.Row{}
		index[tid] = len(rec.Tables)
		rec.Tables = append(rec.Tables, t)
		return nil
	}); err != nil {
		return fmt.Errorf("tables: %w", err)
	}
	if err := r.each(selColumns, id, func(rs *sql.Rows) error {
		var tid int64
		var name string
		if err := rs.Scan(&tid, &name); err != nil {
			return err
		}
		t := &rec.Tables[index[tid]]
		t.Columns = append(t.Columns, name)
		return nil
	}); err != nil {
		return fmt.Errorf("table_columns: %w", err)
	}
	if err := r.each(selUnits, id, func(rs *sql.Rows) error {
		var tid int64
		var unit string
		if err := rs.Scan(&tid, &unit); err != nil {
			return err
		}
		t := &rec.Tables[index[tid]]
		t.Units = append(t.Units, unit)
		return nil
	}); err != nil {
		return fmt.Errorf("table_units: %w", err)
	}
	type at struct{ table, n int }
	rowsAt := map[int64]at{}
	if err := r.each(selRows, id, func(rs *sql.Rows) error {
		var row parse.Row
		var rid, tid int64
		var valueCount sql.NullInt64
		var cellCount int
		if err := rs.Scan(&rid, &tid, &row.Code, &row.Label, &row.Kind, &valueCount, &cellCount, &row.Page, &row.Line); err != nil {
			return err
		}
		if valueCount.Valid {
			row.Values = make([]*string, valueCount.Int64)
		}
		if cellCount > 0 {
			row.Cells = make([]*string, cellCount)
		}
		t := &rec.Tables[index[tid]]
		rowsAt[rid] = at{index[tid], len(t.Rows)}
		t.Rows = append(t.Rows, row)
		return nil
	}); err != nil {
		return fmt.Errorf("table_rows: %w", err)
	}
	if err := r.each(selCells, id, func(rs *sql.Rows) error {
		var rid int64
		var pos int
		var value, raw *string
		if err := rs.Scan(&rid, &pos, &value, &raw); err != nil {
			return err
		}
		w := rowsAt[rid]
		row := &rec.Tables[w.table].Rows[w.n]
		if pos < len(row.Values) {
			row.Values[pos] = value
		}
		if pos < len(row.Cells) {
			row.Cells[pos] = raw
		}
		return nil
	}); err != nil {
		return fmt.Errorf("table_cells: %w", err)
	}
	return nil
}
