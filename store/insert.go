package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"
	"sync"

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
	idx  int // position in writeOrder
	// idCols are the columns holding ids that the program assigns or that SQLite assigns
	// (document_id): Prepare stores them relative, counted from 1 within the document (0 for
	// the document), and the writer adds the base ids it reads in the transaction.
	idCols []idCol
	// queries[k] inserts batchSizes[k] rows.
	queries [len(batchSizes)]string
}

// idKind says which id sequence an id column belongs to.
type idKind int

const (
	kDoc idKind = iota
	kItem
	kDecision
	kSearch
	kTable
	kRow
	nKinds
)

// idCol is a column of a table holding an id of some kind.
type idCol struct {
	col  int
	kind idKind
}

// batchSizes are the row counts of the prepared multi-row INSERTs, largest first: n rows are
// written as a sum of these, so at most a few statements per table and at most
// len(batchSizes) statements prepared per table. 128 rows × 13 columns stays far below
// SQLite's limit of 32766 parameters.
var batchSizes = [...]int{128, 32, 8, 2, 1}

func newTable(name, columns string, ids ...idCol) *table {
	t := &table{name: name, cols: strings.Count(columns, ",") + 1, idCols: ids}
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
		"in_office, present, represented, voters, votes_cast, votes_for, votes_against, abstention", idCol{0, kDoc})
	tEvidence   = newTable("evidence", "document_id, scope, field, text, page, line", idCol{0, kDoc})
	tPerson     = newTable("people", "document_id, position, person_id, civility, given, family, key, text, page, line", idCol{0, kDoc})
	tAttendance = newTable("attendance", "document_id, position, person, status, substitute_for, page, line", idCol{0, kDoc})
	tProxy      = newTable("proxies", "document_id, position, from_person, to_person, text, page, line", idCol{0, kDoc})
	tAgenda     = newTable("agenda_entries", "document_id, position, path, number, title, level, page, line", idCol{0, kDoc})
	tItem       = newTable("items", "id, document_id, position, path, number, title, level, kind, agenda_path, text, page, line, end_page, end_line", idCol{0, kItem}, idCol{1, kDoc})
	tDecision   = newTable("decisions", "id, item_id, position, outcome, unanimous, votes_for, votes_against, abstention, text, page, line", idCol{0, kDecision}, idCol{1, kItem})
	tVoter      = newTable("decision_voters", "decision_id, position, person, vote", idCol{0, kDecision})
	tExchange   = newTable("exchanges", "item_id, position, speaker, speaker_text, form, text, page, line", idCol{0, kItem})
	tAmount     = newTable("amounts", "item_id, position, value, cents, currency, text, page, line", idCol{0, kItem})
	tSearchText = newTable("search_text", "id, document_id, item_id, kind, title, body, page, line", idCol{0, kSearch}, idCol{1, kDoc}, idCol{2, kItem})
	tTable      = newTable("tables", "id, document_id, position, item_path, title, section, page, line", idCol{0, kTable}, idCol{1, kDoc})
	tColumn     = newTable("table_columns", "table_id, position, name", idCol{0, kTable})
	tUnit       = newTable("table_units", "table_id, position, unit", idCol{0, kTable})
	tRow        = newTable("table_rows", "id, table_id, position, code, label, kind, value_count, cell_count, page, line", idCol{0, kRow}, idCol{1, kTable})
	tCell       = newTable("table_cells", "row_id, position, column_name, value, cents, raw", idCol{0, kRow})
	tDiagnostic = newTable("diagnostics", "document_id, position, severity, code, message, page, line", idCol{0, kDoc})
	tFurniture  = newTable("furniture", "document_id, position, text, page, line", idCol{0, kDoc})
	tUnplaced   = newTable("unplaced", "document_id, position, text, page, line", idCol{0, kDoc})
	writeOrder  = []*table{tMeeting, tEvidence, tPerson, tAttendance, tProxy, tAgenda, tItem, tDecision, tVoter,
		tExchange, tAmount, tSearchText, tTable, tColumn, tUnit, tRow, tCell, tDiagnostic, tFurniture, tUnplaced}
)

func init() {
	for i, t := range writeOrder {
		t.idx = i
	}
}

const sqlDocument = `INSERT INTO documents (sha256, status, schema, name, format, pages, parser_version, ingested_at, run_id) VALUES (?, 'loaded', ?, ?, ?, ?, ?, ?, ?)`

// sqlMaxIDs reads the largest ids of the tables whose ids the program assigns.
const sqlMaxIDs = `SELECT (SELECT coalesce(max(id), 0) FROM items), (SELECT coalesce(max(id), 0) FROM decisions),
 (SELECT coalesce(max(id), 0) FROM search_text), (SELECT coalesce(max(id), 0) FROM tables),
 (SELECT coalesce(max(id), 0) FROM table_rows), (SELECT indexed_upto FROM search_state)`

// Prepared is a record turned into the rows of its tables and the folded texts of its search
// index: all the work of a save that needs no database (folding, cutting a section's prose,
// exact cents, argument lists). An ingest prepares records on its parallel
// workers, so that its single writer only writes. Ids are kept relative to the document and
// made absolute by the writer, inside the transaction. A Prepared is saved once (SavePrepared);
// Release then lets the next one reuse its memory.
type Prepared struct {
	rec *parse.Record
	// rows[t.idx] holds the arguments of table t, t.cols per row, as the driver takes them:
	// values it binds as they are, numbered (Ordinal) within the statement that writes them
	// (see batch), so that the writer hands them over untouched. The id columns are filled by
	// the writer from ids[t.idx], len(t.idCols) relative ids per row.
	rows [][]driver.NamedValue
	ids  [][]int64
	// n counts the ids of each kind the document takes.
	n [nKinds]int64
	// index holds title, body, title, body…, folded (œ → oe), for the FTS index (see
	// indexQuery): pair i is the document's search text i+1.
	index []any
	// vocab holds the last value of each column of a closed vocabulary (see str).
	vocab [nVocab]strBox
	// cols holds the column names of the table being added, boxed once for all its cells.
	cols []any
}

// Every string handed to the driver is boxed in an interface, a small allocation of its own
// (about a hundred instructions, and more for the collector): Prepare boxes a text once for
// all the rows and index entries that carry it, and reuses the box of a column's previous
// value when a row repeats it (statuses, kinds, outcomes, currencies…).

// strBox is the last value of a column and its box.
type strBox struct {
	s string
	v any
}

// The columns of closed vocabularies, whose values repeat from row to row.
const (
	vStatus = iota
	vItemKind
	vOutcome
	vVote
	vForm
	vCurrency
	vRowKind
	vUnit
	vSeverity
	vCode
	vCivility
	nVocab
)

// str returns s boxed, in the box of column c's previous value when s is the same.
func (p *Prepared) str(c int, s string) any {
	b := &p.vocab[c]
	if b.v == nil || b.s != s {
		b.s, b.v = s, s
	}
	return b.v
}

// smallInts[n] is int64(n) boxed once for all: positions, levels and line numbers are most of
// the integers of a document, and an integer from 256 up is boxed in an allocation of its own.
var smallInts = func() []any {
	s := make([]any, 4096)
	for i := range s {
		s[i] = int64(i)
	}
	return s
}()

// i64 returns n boxed as an int64, a driver.Value.
func i64(n int) any {
	if uint(n) < uint(len(smallInts)) {
		return smallInts[n]
	}
	return int64(n)
}

// nstr is str of an optional value: NULL when absent.
func (p *Prepared) nstr(c int, s *string) any {
	if s == nil {
		return nil
	}
	return p.str(c, *s)
}

// The texts of one document are indexed in one statement: FTS5 writes its pending terms out as
// a new segment whenever a later statement of the transaction opens a statement savepoint
// (every multi-row INSERT does), so one INSERT per chunk of rows would leave several small
// segments per document, each to be merged later. The statement has a size class of rows
// (indexSizes), the rows beyond the document's texts bound to NULL and skipped: a handful of
// statements serve every document. (An earlier version passed the texts as one JSON array to
// json_each: the JSON parsing and extraction cost the writer more than binding the values.)
var indexSizes = [...]int{16, 32, 64, 128, 256, 512, 1024, 2048, 4096}

// indexQueries[k] indexes up to indexSizes[k] texts (rowid, title, body), those still stored
// and above the watermark: a text that waited may have been deleted since (its document
// replaced), and must not go in.
var indexQueries = func() (qs [len(indexSizes)]string) {
	for k, n := range indexSizes {
		qs[k] = "INSERT INTO search (rowid, title, body) SELECT column1, column2, column3 FROM (VALUES " +
			strings.TrimSuffix(strings.Repeat("(?,?,?),", n), ",") + ") WHERE column1 IN " + sqlUnindexedIDs
	}
	return qs
}()

// prepareds keeps Prepareds between saves, so that their argument slices, grown to a
// document's size, are reused rather than allocated again (and collected) for every document.
var prepareds = sync.Pool{New: func() any {
	return &Prepared{rows: make([][]driver.NamedValue, len(writeOrder)), ids: make([][]int64, len(writeOrder))}
}}

// Release empties p (dropping its references to the record) for reuse by a later Prepare. p
// must not be used afterwards; releasing is optional (an unreleased Prepared is collected).
func (p *Prepared) Release() {
	if p == nil {
		return
	}
	for i := range p.rows {
		clear(p.rows[i])
		p.rows[i] = p.rows[i][:0]
		p.ids[i] = p.ids[i][:0]
	}
	clear(p.index)
	clear(p.cols)
	*p = Prepared{rows: p.rows, ids: p.ids, index: p.index[:0], cols: p.cols[:0]}
	prepareds.Put(p)
}

// add appends a row to table t. Its id columns hold relative ids (int64: 0 for the document,
// from 1 for the others), moved to p.ids. Every argument is a value the driver binds as it is
// (nil, int64, string, bool: TestPreparedValues checks), so that the writer does not convert.
func (p *Prepared) add(t *table, args ...any) {
	for _, c := range t.idCols {
		p.ids[t.idx] = append(p.ids[t.idx], args[c.col].(int64))
		args[c.col] = nil
	}
	rows := slices.Grow(p.rows[t.idx], len(args))
	n := len(rows)
	rows = rows[:n+len(args)]
	// The room past a row slice's length is zero (Release clears what was used, Grow adds
	// zeroes): only the value is set, number sets the Ordinal.
	for i, a := range args {
		rows[n+i].Value = a
	}
	p.rows[t.idx] = rows
}

// batch returns the index in batchSizes of the statement that writes the first rows of n rows
// left: the largest that n fills. Prepare numbers the arguments and the writer cuts the rows
// with it, so that the two agree.
func batch(n int) int {
	k := 0
	for k < len(batchSizes)-1 && batchSizes[k] > n {
		k++
	}
	return k
}

// number sets the Ordinal of every argument, counted from 1 within its statement.
func (p *Prepared) number() {
	for _, t := range writeOrder {
		nv := p.rows[t.idx]
		for len(nv) > 0 {
			m := batchSizes[batch(len(nv)/t.cols)] * t.cols
			for i := range nv[:m] {
				nv[i].Ordinal = i + 1
			}
			nv = nv[m:]
		}
	}
}

// next returns the next relative id of kind k.
func (p *Prepared) next(k idKind) int64 {
	p.n[k]++
	return p.n[k]
}

// doc is the relative id of the document itself.
const doc int64 = 0

// Prepare turns rec into its rows, ready for SavePrepared. It reads no database and may run
// on any goroutine; rec must not change until p is saved.
func Prepare(rec *parse.Record) *Prepared {
	p := prepareds.Get().(*Prepared)
	p.rec = rec
	m, c := rec.Meeting, rec.Counts
	next := int64(0)
	var nextDate, nextTime *string
	if m.NextMeeting != nil {
		next, nextDate, nextTime = 1, m.NextMeeting.Date, m.NextMeeting.Time
	}
	p.add(tMeeting, doc, ns(m.Body), ns(m.Assembly), ns(m.Date), ns(m.StartTime), ns(m.EndTime),
		ns(m.Place), ns(m.ConvenedOn), ns(m.President), ns(m.Secretary), ns(m.PreviousMinutesDate),
		next, ns(nextDate), ns(nextTime),
		ni(c.InOffice), ni(c.Present), ni(c.Represented), ni(c.Voters), ni(c.VotesCast), ni(c.For), ni(c.Against), ni(c.Abstention))
	for field, e := range m.Evidence {
		p.add(tEvidence, doc, "meeting", field, e.Text, i64(e.Page), i64(e.Line))
	}
	for field, e := range c.Evidence {
		p.add(tEvidence, doc, "counts", field, e.Text, i64(e.Page), i64(e.Line))
	}
	for i, pp := range rec.People {
		p.add(tPerson, doc, i64(i), pp.ID, p.nstr(vCivility, pp.Civility), ns(pp.Given), ns(pp.Family), pp.Key,
			nullIfEmpty(pp.Text), i64(pp.Page), i64(pp.Line))
	}
	for i, a := range rec.Attendance {
		p.add(tAttendance, doc, i64(i), a.Person, p.str(vStatus, a.Status), ns(a.SubstituteFor), i64(a.Page), i64(a.Line))
	}
	for i, pr := range rec.Proxies {
		p.add(tProxy, doc, i64(i), pr.From, ns(pr.To), nullIfEmpty(pr.Text), i64(pr.Page), i64(pr.Line))
	}
	for i, a := range rec.Agenda {
		p.add(tAgenda, doc, i64(i), a.Path, ns(a.Number), a.Title, i64(a.Level), i64(a.Page), i64(a.Line))
	}
	for i := range rec.Items {
		p.addItem(i, &rec.Items[i])
	}
	for i := range rec.Tables {
		p.addTable(i, &rec.Tables[i])
	}
	for i, g := range rec.Diagnostics {
		p.add(tDiagnostic, doc, i64(i), p.str(vSeverity, g.Severity), p.str(vCode, g.Code), g.Message, i64(g.Page), i64(g.Line))
	}
	for i, t := range rec.Furniture {
		p.add(tFurniture, doc, i64(i), t.Text, i64(t.Page), i64(t.Line))
	}
	for i, t := range rec.Unplaced {
		p.add(tUnplaced, doc, i64(i), t.Text, i64(t.Page), i64(t.Line))
	}
	p.number()
	return p
}

// insertRecord inserts the prepared record as a new loaded document and returns its id.
func (w *wtx) insertRecord(p *Prepared, now string, run int64, deferIndex bool) (int64, error) {
	var runID any
	if run != 0 {
		runID = run
	}
	src := p.rec.Source
	res, err := w.exec(sqlDocument, src.SHA256, p.rec.Schema, src.Name, src.Format, src.Pages, parse.Version, now, runID)
	if err != nil {
		return 0, fmt.Errorf("documents: %w", err)
	}
	var base [nKinds]int64
	if base[kDoc], err = res.LastInsertId(); err != nil {
		return 0, err
	}
	var indexed int64
	if err := w.row(sqlMaxIDs, nil, &base[kItem], &base[kDecision], &base[kSearch], &base[kTable], &base[kRow], &indexed); err != nil {
		return 0, fmt.Errorf("ids: %w", err)
	}
	maxSearch := base[kSearch]
	// Ids at or below the watermark count as indexed: never hand them out again, even when the
	// rows that had them are gone.
	base[kSearch] = max(base[kSearch], indexed)
	if err := w.flush(p, &base); err != nil {
		return 0, err
	}
	if err := w.index(p, base[kSearch], maxSearch, indexed, deferIndex); err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	return base[kDoc], nil
}

// searchBatch is how many documents saved with DeferIndex have their texts indexed together.
// FTS5 writes the terms of each indexing transaction as a new segment and merges segments
// later: one segment for 32 documents costs a fraction of 32 small ones.
const searchBatch = 32

// sqlUnindexedIDs are the ids of the stored texts not yet indexed.
const sqlUnindexedIDs = `(SELECT id FROM search_text WHERE id > (SELECT indexed_upto FROM search_state))`

// index keeps the search index in step with the texts of the document being saved: their
// search_text ids follow base; maxID and indexed are the largest search_text id and the
// watermark, read in this transaction before the document's rows went in. With deferIndex the
// texts join d.waiting (already folded, as Prepare made them) until searchBatch documents
// have; otherwise they and any waiting go in now.
func (w *wtx) index(p *Prepared, base, maxID, indexed int64, deferIndex bool) error {
	d := w.d
	n := int64(len(p.index) / 2)
	top := maxID // the largest search_text id once the document is in
	if n > 0 {
		top = base + n
	}
	if indexed >= maxID {
		d.dropWaiting() // nothing waits: another handle or process indexed it
	} else if maxID != d.lastSearchID || indexed != d.indexedUpto {
		// Texts wait that d does not hold (another handle or process saved or indexed since
		// d last did, or d's last save failed): index every waiting text from the stored rows.
		d.dropWaiting()
		d.lastSearchID = top
		return w.catchUp()
	}
	for i := range n {
		d.waiting = append(d.waiting, base+1+i, p.index[2*i], p.index[2*i+1])
	}
	d.lastSearchID, d.indexedUpto = top, indexed
	if deferIndex && d.unindexed+1 < searchBatch {
		d.unindexed++
		return nil
	}
	return w.indexWaiting(max(top, indexed))
}

// indexWaiting indexes d.waiting, in one statement (FTS5 writes its pending terms out as a
// segment at every statement), and moves the watermark to upto.
func (w *wtx) indexWaiting(upto int64) error {
	d := w.d
	err := w.writeIndex(d.waiting)
	d.dropWaiting()
	if err != nil {
		return err
	}
	if upto != d.indexedUpto {
		if err := w.run(`UPDATE search_state SET indexed_upto = ?`, upto); err != nil {
			return err
		}
		d.indexedUpto = upto
	}
	return nil
}

// dropWaiting forgets the waiting texts (letting their strings go).
func (d *DB) dropWaiting() {
	clear(d.waiting)
	d.waiting = d.waiting[:0]
	d.unindexed = 0
}

// sqlCatchUp indexes every text above the watermark, folded in SQL as fold() does (the delete
// trigger folds the same way), and moves the watermark past them: the way to index texts that
// this handle does not hold.
var sqlCatchUp = `INSERT INTO search (rowid, title, body) SELECT id, ` + sqlFold("title") + `, ` + sqlFold("body") + `
 FROM search_text WHERE id > (SELECT indexed_upto FROM search_state) ORDER BY id;
UPDATE search_state SET indexed_upto = (SELECT coalesce(max(id), 0) FROM search_text)
 WHERE indexed_upto < (SELECT coalesce(max(id), 0) FROM search_text)`

// sqlFold is the SQL expression folding column as fold() does: nested replace() calls.
func sqlFold(column string) string {
	expr := column
	for i := 0; i < len(foldPairs); i += 2 {
		expr = fmt.Sprintf("replace(%s, '%s', '%s')", expr, foldPairs[i], foldPairs[i+1])
	}
	return expr
}

// catchUp indexes the texts left waiting from the stored rows (see index).
func (w *wtx) catchUp() error {
	if _, err := w.c.ExecContext(context.Background(), sqlCatchUp, nil); err != nil {
		return err
	}
	return w.row(`SELECT indexed_upto FROM search_state`, nil, &w.d.indexedUpto)
}

// sqlWaiting says whether texts wait to be indexed.
const sqlWaiting = `SELECT (SELECT coalesce(max(id), 0) FROM search_text) > (SELECT indexed_upto FROM search_state)`

// CatchUpIndex indexes the texts that saves with DeferIndex left waiting, here or in a process
// that stopped before it could: Open, Search and Close call it, so that callers rarely need to.
func (d *DB) CatchUpIndex() error {
	var waiting bool
	if err := d.db.QueryRow(sqlWaiting).Scan(&waiting); err != nil {
		return fmt.Errorf("store: search index: %w", err)
	}
	if !waiting {
		return nil
	}
	err := d.write(context.Background(), func(w *wtx) error {
		var maxID, indexed int64
		if err := w.row(`SELECT (SELECT coalesce(max(id), 0) FROM search_text), (SELECT indexed_upto FROM search_state)`, nil, &maxID, &indexed); err != nil {
			return err
		}
		switch {
		case indexed >= maxID:
			d.dropWaiting()
			return nil
		case maxID == d.lastSearchID && indexed == d.indexedUpto:
			return w.indexWaiting(maxID)
		default:
			d.dropWaiting()
			return w.catchUp()
		}
	})
	if err != nil {
		return fmt.Errorf("store: search index: %w", err)
	}
	return nil
}

// flush writes the prepared rows, table by table in writeOrder, their ids made absolute by
// adding base.
func (w *wtx) flush(p *Prepared, base *[nKinds]int64) error {
	// The document's id, in most rows, boxed once.
	docID := any(base[kDoc])
	for _, t := range writeOrder {
		nv := p.rows[t.idx]
		ids := p.ids[t.idx]
		for r, k := 0, 0; r < len(nv); r += t.cols {
			for _, c := range t.idCols {
				if c.kind == kDoc {
					nv[r+c.col].Value = docID // its relative id is 0
				} else {
					nv[r+c.col].Value = base[c.kind] + ids[k]
				}
				k++
			}
		}
		for len(nv) > 0 {
			k := batch(len(nv) / t.cols)
			m := batchSizes[k] * t.cols
			if err := w.runSlotNamed(t.idx*len(batchSizes)+k, t.queries[k], nv[:m]); err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			nv = nv[m:]
		}
	}
	return nil
}

// prepared returns the DB-wide prepared statement for query (a read outside a save),
// preparing it on first use.
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

// writeIndex writes texts, triples of rowid, title and body (folded), to the FTS index.
func (w *wtx) writeIndex(texts []any) error {
	for len(texts) > 0 {
		n := len(texts) / 3
		k := 0
		for k < len(indexSizes)-1 && indexSizes[k] < n {
			k++
		}
		n = min(n, indexSizes[k])
		// The texts are driver values already (rowid, title or nil, body): numbered as they
		// go in, the rows left over bound to NULL.
		nv := w.nv[:0]
		for i, v := range texts[:3*n] {
			nv = append(nv, driver.NamedValue{Ordinal: i + 1, Value: v})
		}
		for i := 3 * n; i < 3*indexSizes[k]; i++ {
			nv = append(nv, driver.NamedValue{Ordinal: i + 1})
		}
		w.nv, w.used = nv, max(w.used, len(nv))
		if err := w.runSlotNamed(len(writeOrder)*len(batchSizes)+k, indexQueries[k], nv); err != nil {
			return err
		}
		texts = texts[3*n:]
	}
	return nil
}

// addSearch adds one searchable text of section item, to search_text and (folded) to the index:
// title (a string or nil) and body, body boxed in bodyV.
func (p *Prepared) addSearch(item int64, kind, title any, body string, bodyV any, pos parse.Pos) {
	p.add(tSearchText, p.next(kSearch), doc, item, kind, title, bodyV, i64(pos.Page), i64(pos.Line))
	if t, ok := title.(string); ok {
		if f := fold(t); f != t {
			title = f
		}
	}
	if f := fold(body); f != body {
		bodyV = f
	}
	p.index = append(p.index, title, bodyV)
}

func (p *Prepared) addItem(pos int, it *parse.Item) {
	item := p.next(kItem)
	title, text := any(it.Title), any(it.Text)
	p.add(tItem, item, doc, i64(pos), it.Path, ns(it.Number), title, i64(it.Level), p.str(vItemKind, it.Kind),
		ns(it.AgendaPath), text, i64(it.Page), i64(it.Line), i64(it.End.Page), i64(it.End.Line))
	if body := prose(it); it.Title != "" || body != "" {
		bodyV := text
		if body != it.Text {
			bodyV = body
		}
		p.addSearch(item, "item", title, body, bodyV, it.Pos)
	}
	for i, dc := range it.Decisions {
		decision := p.next(kDecision)
		text := any(dc.Text)
		p.add(tDecision, decision, item, i64(i), p.str(vOutcome, dc.Outcome), dc.Unanimous, ni(dc.For), ni(dc.Against),
			ni(dc.Abstention), text, i64(dc.Page), i64(dc.Line))
		for j, v := range dc.Voters {
			p.add(tVoter, decision, i64(j), v.Person, p.str(vVote, v.Vote))
		}
		if dc.Text != "" {
			p.addSearch(item, "decision", nil, dc.Text, text, dc.Pos)
		}
	}
	for i, x := range it.Exchanges {
		text := any(x.Text)
		p.add(tExchange, item, i64(i), ns(x.Speaker), ns(x.SpeakerText), p.str(vForm, x.Form), text, i64(x.Page), i64(x.Line))
		if x.Text != "" {
			p.addSearch(item, "exchange", nil, x.Text, text, x.Pos)
		}
	}
	for i, a := range it.Amounts {
		p.add(tAmount, item, i64(i), a.Value, cents(&a.Value), p.nstr(vCurrency, a.Currency), a.Text, i64(a.Page), i64(a.Line))
	}
}

func (p *Prepared) addTable(pos int, t *parse.Table) {
	tbl := p.next(kTable)
	p.add(tTable, tbl, doc, i64(pos), ns(t.ItemPath), ns(t.Title), ns(t.Section), i64(t.Page), i64(t.Line))
	cols := p.cols[:0]
	for i, c := range t.Columns {
		cols = append(cols, c)
		p.add(tColumn, tbl, i64(i), cols[i])
	}
	p.cols = cols
	for i, u := range t.Units {
		p.add(tUnit, tbl, i64(i), p.str(vUnit, u))
	}
	for i := range t.Rows {
		r := &t.Rows[i]
		var valueCount any
		if r.Values != nil {
			valueCount = i64(len(r.Values))
		}
		row := p.next(kRow)
		p.add(tRow, row, tbl, i64(i), ns(r.Code), r.Label, p.str(vRowKind, r.Kind), valueCount, i64(len(r.Cells)),
			i64(r.Page), i64(r.Line))
		for j := 0; j < max(len(r.Values), len(r.Cells)); j++ {
			var col any
			var value, raw *string
			if j < len(cols) {
				col = cols[j]
			}
			if j < len(r.Values) {
				value = r.Values[j]
			}
			if j < len(r.Cells) {
				raw = r.Cells[j]
			}
			p.add(tCell, row, i64(j), col, ns(value), cents(value), ns(raw))
		}
	}
}
