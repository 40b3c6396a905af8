package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
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
	force      bool
	run        int64
	fresh      bool
	deferIndex bool
}

// Force re-saves a document even when its content is already loaded (for --reparse): the old
// rows are deleted and the record inserted again, keeping every location. Outcome Replaced.
func Force() SaveOption { return func(c *saveConfig) { c.force = true } }

// NotLoaded tells Save that the caller found the content not loaded (Lookup) just before: Save
// then skips its first check, a read outside the transaction that makes the re-save of an
// unchanged file cheap, since it would find nothing (one query less for each new document of an
// ingest). The outcome is the same either way: the transaction checks again.
func NotLoaded() SaveOption { return func(c *saveConfig) { c.fresh = true } }

// DeferIndex lets the document's texts wait to be indexed for search until searchBatch
// documents saved this way have, or Close, Search, CatchUpIndex or a save without it runs: what
// an ingest does, since indexing documents one by one was most of a save's cost. The document
// itself is saved as always, in one transaction; until then only a search misses it.
func DeferIndex() SaveOption { return func(c *saveConfig) { c.deferIndex = true } }

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
// parse.Version is stored as the parser version. Save is Prepare then SavePrepared.
func (d *DB) Save(path string, rec *parse.Record, opts ...SaveOption) (Outcome, error) {
	if rec == nil {
		return 0, errors.New("store: save: nil record")
	}
	if err := checkSave(path, rec); err != nil {
		return 0, err
	}
	var cfg saveConfig
	for _, o := range opts {
		o(&cfg)
	}
	// Content already at this path is answered before the record is prepared: the nightly
	// re-save of an unchanged file costs a look-up, not a preparation.
	if !cfg.force && !cfg.fresh {
		if ok, err := d.located(path, rec.Source.SHA256); err != nil {
			return 0, fmt.Errorf("store: save %s: %w", path, err)
		} else if ok {
			return Unchanged, nil
		}
		opts = append(opts, NotLoaded()) // checked just now; the transaction checks again
	}
	p := Prepare(rec)
	defer p.Release()
	return d.SavePrepared(path, p, opts...)
}

func checkSave(path string, rec *parse.Record) error {
	if rec.Source.SHA256 == "" || path == "" {
		return fmt.Errorf("store: save %q: record without sha256 or path", path)
	}
	return nil
}

// SavePrepared is Save of a record prepared by Prepare (typically on another goroutine, while
// this one writes the previous record). It does not release p.
func (d *DB) SavePrepared(path string, p *Prepared, opts ...SaveOption) (Outcome, error) {
	var cfg saveConfig
	for _, o := range opts {
		o(&cfg)
	}
	if p == nil || p.rec == nil {
		return 0, errors.New("store: save: nil record")
	}
	if err := checkSave(path, p.rec); err != nil {
		return 0, err
	}
	sha := p.rec.Source.SHA256
	if !cfg.force && !cfg.fresh {
		if ok, err := d.located(path, sha); err != nil {
			return 0, fmt.Errorf("store: save %s: %w", path, err)
		} else if ok {
			return Unchanged, nil
		}
	}
	var out Outcome
	err := d.write(context.Background(), func(w *wtx) (err error) {
		out, err = w.save(path, p, cfg)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: save %s: %w", path, err)
	}
	d.saved()
	return out, nil
}

func (w *wtx) save(path string, p *Prepared, cfg saveConfig) (Outcome, error) {
	now := w.d.now()
	existing, status, err := w.docBySHA(p.rec.Source.SHA256)
	if err != nil {
		return 0, err
	}
	pathDoc, pathStatus, err := w.docStatusAtPath(path)
	if err != nil {
		return 0, err
	}
	if existing != 0 && status == "loaded" && !cfg.force {
		if err := w.locate(path, existing, pathDoc, now); err != nil {
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
		err := w.rows(`SELECT path, seen_at FROM locations WHERE document_id = ? ORDER BY path`, []any{existing}, func(vals []driver.Value) error {
			var l loc
			if err := scanValue(&l.path, vals[0]); err != nil {
				return err
			}
			if err := scanValue(&l.seen, vals[1]); err != nil {
				return err
			}
			keep = append(keep, l)
			return nil
		})
		if err != nil {
			return 0, err
		}
		if err := w.run(`DELETE FROM documents WHERE id = ?`, existing); err != nil {
			return 0, err
		}
	}
	id, err := w.insertRecord(p, now, cfg.run, cfg.deferIndex)
	if err != nil {
		return 0, err
	}
	for _, l := range keep {
		if err := w.run(`INSERT INTO locations (path, document_id, seen_at) VALUES (?, ?, ?)`, l.path, id, l.seen); err != nil {
			return 0, err
		}
	}
	if pathDoc == existing {
		pathDoc = 0 // deleted above, its locations moved
	}
	if err := w.locate(path, id, pathDoc, now); err != nil {
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
	var out Outcome
	err := d.write(context.Background(), func(w *wtx) error {
		id, status, err := w.docBySHA(sha)
		if err != nil {
			return err
		}
		if id == 0 || status != "loaded" {
			return fmt.Errorf("no loaded document with sha256 %s", sha)
		}
		pathDoc, pathStatus, err := w.docStatusAtPath(path)
		if err != nil {
			return err
		}
		if err := w.locate(path, id, pathDoc, d.now()); err != nil {
			return err
		}
		out = Unchanged
		if pathDoc != 0 && pathDoc != id && pathStatus == "loaded" {
			out = Replaced
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: locate %s: %w", path, err)
	}
	return out, nil
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
	err := d.write(context.Background(), func(w *wtx) error {
		return w.saveFailed(path, sha, stage, msg, cfg.run)
	})
	if err != nil {
		return fmt.Errorf("store: save failed %s: %w", path, err)
	}
	return nil
}

func (w *wtx) saveFailed(path, sha, stage, msg string, run int64) error {
	now := w.d.now()
	pathDoc, _, err := w.docStatusAtPath(path)
	if err != nil {
		return err
	}
	var id int64
	if sha != "" {
		var status string
		if id, status, err = w.docBySHA(sha); err != nil {
			return err
		}
		if id != 0 && status == "loaded" {
			return w.locate(path, id, pathDoc, now)
		}
	} else if pathDoc != 0 {
		// Unreadable content has no key but its path: a failed, hashless document at the same
		// path is the same to-do entry.
		var s sql.NullString
		var status string
		if err := w.row(`SELECT sha256, status FROM documents WHERE id = ?`, []any{pathDoc}, &s, &status); err != nil {
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
		if err := w.run(`UPDATE documents SET stage = ?, error = ?, parser_version = ?, ingested_at = ?, run_id = ? WHERE id = ?`,
			stage, msg, parse.Version, now, runID, id); err != nil {
			return err
		}
	} else {
		res, err := w.exec(`INSERT INTO documents (sha256, status, stage, error, name, parser_version, ingested_at, run_id)
VALUES (?, 'failed', ?, ?, ?, ?, ?, ?)`, nullIfEmpty(sha), stage, msg, filepath.Base(path), parse.Version, now, runID)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return w.locate(path, id, pathDoc, now)
}

// Lookup reports whether content sha is known, its status ("loaded" or "failed") and the parser
// version that produced it: the cheap "already have it" check before parsing a file.
func (d *DB) Lookup(sha string) (status, parserVersion string, ok bool, err error) {
	// A statement prepared once: run as a bare query, the look-up of every file of an ingest
	// compiled its SQL again.
	st, err := d.prepared(context.Background(), sqlLookup)
	if err == nil {
		err = st.QueryRow(sha).Scan(&status, &parserVersion)
	}
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
	st, err := d.prepared(context.Background(), sqlLocated)
	if err != nil {
		return false, err
	}
	err = st.QueryRow(path, sha).Scan(&n)
	return n > 0, err
}

// The queries of every save. A query joining two tables with a condition on a bound value
// (l.path = ? … d.sha256 = ?) was compiled again at every run, SQLite deciding that the values
// bound may change its plan: these are written with subqueries instead.
const (
	sqlLocated = `SELECT count(*) FROM documents
WHERE id = (SELECT document_id FROM locations WHERE path = ?) AND sha256 = ? AND status = 'loaded'`
	sqlLookup    = `SELECT status, parser_version FROM documents WHERE sha256 = ?`
	sqlDocBySHA  = `SELECT id, status FROM documents WHERE sha256 = ?`
	sqlDocAtPath = `SELECT document_id, (SELECT status FROM documents WHERE id = document_id) FROM locations WHERE path = ?`
	sqlLocate    = `INSERT INTO locations (path, document_id, seen_at) VALUES (?, ?, ?)
ON CONFLICT (path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at
WHERE document_id <> excluded.document_id`
)

func (w *wtx) docBySHA(sha string) (id int64, status string, err error) {
	err = w.row(sqlDocBySHA, []any{sha}, &id, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, status, err
}

// docStatusAtPath returns the document path holds and its status, or 0.
func (w *wtx) docStatusAtPath(path string) (id int64, status string, err error) {
	err = w.row(sqlDocAtPath, []any{path}, &id, &status)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	return id, status, err
}

// locate points path at document id. When path pointed at another document (prev), that one is
// deleted if no path refers to it any more: a path has one current document, and a document
// lives as long as some path holds it.
func (w *wtx) locate(path string, id, prev int64, now string) error {
	if err := w.run(sqlLocate, path, id, now); err != nil {
		return err
	}
	if prev == 0 || prev == id {
		return nil
	}
	return w.run(`DELETE FROM documents WHERE id = ? AND NOT EXISTS (SELECT 1 FROM locations WHERE document_id = ?)`, prev, prev)
}

// prose is the text of a section without the passages indexed on their own (its decisions and
// exchanges, which the parser also leaves in the section's text), so that a word of the debate
// is one hit, of kind "exchange", rather than two. Each passage, found at its first place that
// no other passage took, is replaced by a line break and the result trimmed of spaces
// (proseRef in the tests is that definition, written plainly).
func prose(it *parse.Item) string {
	text := it.Text
	if len(it.Decisions) == 0 && len(it.Exchanges) == 0 {
		return text
	}
	// A section holds a few passages: their places stay on the stack.
	var spans [8]proseSpan
	cut := spans[:0]
	for _, x := range it.Exchanges {
		cut = takePassage(cut, text, x.Text)
	}
	for _, dc := range it.Decisions {
		cut = takePassage(cut, text, dc.Text)
	}
	if len(cut) == 0 {
		return text
	}
	slices.SortFunc(cut, func(a, b proseSpan) int { return a.from - b.from })
	// A passage with only spaces before it (or after it) leaves a line break among spaces,
	// all trimmed: the passages at the ends of the section (its decision, most often) bound
	// the part of the text that is kept, and when no passage is left inside that part, the
	// prose is a piece of the text rather than a copy.
	lo, hi := 0, len(text)
	for len(cut) > 0 && strings.TrimSpace(text[lo:cut[0].from]) == "" {
		lo, cut = cut[0].to, cut[1:]
	}
	for len(cut) > 0 && strings.TrimSpace(text[cut[len(cut)-1].to:hi]) == "" {
		hi, cut = cut[len(cut)-1].from, cut[:len(cut)-1]
	}
	if len(cut) == 0 {
		return strings.TrimSpace(text[lo:hi])
	}
	n := hi - lo + len(cut) // each passage left inside leaves one "\n"
	for _, sp := range cut {
		n -= sp.to - sp.from
	}
	var b strings.Builder
	b.Grow(n)
	last := lo
	for _, sp := range cut {
		b.WriteString(text[last:sp.from])
		b.WriteByte('\n')
		last = sp.to
	}
	b.WriteString(text[last:hi])
	return strings.TrimSpace(b.String())
}

// proseSpan is the place [from, to) of a passage in a section's text.
type proseSpan struct{ from, to int }

// takePassage appends to cut the first place of piece in text that overlaps none of cut, if
// any; a blank piece takes no place.
func takePassage(cut []proseSpan, text, piece string) []proseSpan {
	if strings.TrimSpace(piece) == "" {
		return cut
	}
	for off := 0; off < len(text); {
		i := strings.Index(text[off:], piece)
		if i < 0 {
			return cut
		}
		sp := proseSpan{off + i, off + i + len(piece)}
		if !overlapsAny(cut, sp) {
			return append(cut, sp)
		}
		off = sp.from + 1
	}
	return cut
}

// overlapsAny reports whether a overlaps one of cut.
func overlapsAny(cut []proseSpan, a proseSpan) bool {
	for _, b := range cut {
		if a.from < b.to && b.from < a.to {
			return true
		}
	}
	return false
}

// cents is the exact value × 100 as an integer, or NULL when the value is absent, not a number
// or finer than a cent (a percentage like 12.345), so that SUM(cents) is always exact.
func cents(v *string) any {
	if v == nil {
		return nil
	}
	if c, ok, plain := plainCents(*v); plain {
		if !ok {
			return nil
		}
		return c
	}
	return decimalCents(*v)
}

// plainCents reads the values normalize writes, -?[0-9]+(\.[0-9]+)? with at most 16 digits on
// either side, without the decimal package's big integers (several allocations a value):
// their cents and whether the value is whole in cents. plain is false for any other text, left
// to decimalCents (FuzzCents checks that the two agree).
func plainCents(s string) (c int64, ok, plain bool) {
	i := 0
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		i = 1
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		c = c*10 + int64(s[i]-'0')
		i++
	}
	if n := i - start; n == 0 || n > 16 {
		return 0, false, false
	}
	c *= 100
	if i < len(s) {
		if s[i] != '.' {
			return 0, false, false
		}
		i++
		start = i
		var scale int64 = 10
		ok = true
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			d := int64(s[i] - '0')
			if scale > 0 {
				c += d * scale
				scale /= 10
			} else if d != 0 {
				ok = false // finer than a cent
			}
		}
		if n := i - start; n == 0 || n > 16 || i < len(s) {
			return 0, false, false
		}
		if !ok {
			return 0, false, true
		}
	}
	if neg {
		c = -c
	}
	return c, true, true
}

// decimalCents is cents of any text the decimal package reads.
func decimalCents(v string) any {
	d, err := decimal.NewFromString(v)
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
	return i64(*p)
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

// foldProbe is a byte that every occurrence of some of foldPairs' keys holds at offset off: fold
// finds the keys by looking for these bytes (IndexByte, many bytes an instruction) rather than
// walking the text byte by byte as a Replacer does. A key is found by its lead byte, except
// when that byte is 0xC3, which opens é, è, à, ç… in every French sentence: such a key (æ, Æ)
// is found by its second byte.
type foldProbe struct {
	b   byte
	off int
}

var (
	foldProbes []foldProbe
	// foldKeys[c] are the indexes in foldPairs of the keys whose first byte is c.
	foldKeys [256][]int
)

func init() {
	for i := 0; i < len(foldPairs); i += 2 {
		k := foldPairs[i]
		foldKeys[k[0]] = append(foldKeys[k[0]], i)
		pr := foldProbe{k[0], 0}
		if k[0] == 0xc3 {
			pr = foldProbe{k[1], 1}
		}
		if !slices.Contains(foldProbes, pr) {
			foldProbes = append(foldProbes, pr)
		}
	}
}

// fold returns s as the search index sees it, foldPairs' keys replaced; queries are folded
// with it. The keys are single UTF-8 characters, none a prefix of another, and a character's
// continuation bytes never open one: their occurrences never overlap, so replacing each where
// it stands is what a strings.Replacer's left-to-right scan does (FuzzFold checks the two
// agree on any bytes).
func fold(s string) string {
	// at[k] is the next place of probe k (len(s) when none is left).
	var at [8]int
	n := len(foldProbes)
	if n > len(at) {
		return foldSlow(s)
	}
	var b strings.Builder
	last := 0
	for k, pr := range foldProbes[:n] {
		at[k] = probeFrom(s, pr.b, pr.off)
	}
	for {
		// The probe whose key would start first.
		k, from := -1, len(s)
		for j, pr := range foldProbes[:n] {
			if at[j] < len(s) && at[j]-pr.off < from {
				k, from = j, at[j]-pr.off
			}
		}
		if k < 0 {
			break
		}
		pr := foldProbes[k]
		key, rep := foldKeyAt(s, from)
		if key == 0 {
			at[k] = probeFrom(s, pr.b, at[k]+1)
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s)) // no replacement is longer than its key
		}
		b.WriteString(s[last:from])
		b.WriteString(rep)
		last = from + key
		at[k] = probeFrom(s, pr.b, last+pr.off)
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// probeFrom is the first place at or after i where s holds byte c, or len(s).
func probeFrom(s string, c byte, i int) int {
	i = max(i, 0)
	if i >= len(s) {
		return len(s)
	}
	j := strings.IndexByte(s[i:], c)
	if j < 0 {
		return len(s)
	}
	return i + j
}

// foldKeyAt returns the length of the key of foldPairs that s holds at i, and its replacement;
// 0 when none does.
func foldKeyAt(s string, i int) (int, string) {
	if i < 0 || i >= len(s) {
		return 0, ""
	}
	for _, k := range foldKeys[s[i]] {
		if strings.HasPrefix(s[i:], foldPairs[k]) {
			return len(foldPairs[k]), foldPairs[k+1]
		}
	}
	return 0, ""
}

// foldSlow is fold for a table of more probes than fold keeps on its stack.
func foldSlow(s string) string {
	return strings.NewReplacer(foldPairs...).Replace(s)
}
