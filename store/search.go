package store

import (
	"database/sql"
	"fmt"
	"strings"
)

// Hit is one search result: a section (kind "item"), a decision or an exchange whose text
// matches. Fields the document does not state are empty.
type Hit struct {
	Document  string // source name
	SHA256    string
	Date      string // meeting date, YYYY-MM-DD
	Body      string // the organisation holding the meeting
	ItemPath  string
	ItemTitle string
	Kind      string // "item", "decision" or "exchange"
	// Snippet is the matching passage, as written but on one line, with the matched words in
	// [brackets] and … where text is cut.
	Snippet string
	Page    int
	Line    int
}

const sqlSearchHits = `SELECT d.name, d.sha256, m.date, m.body, i.path, i.title, s.kind,
 snippet(search, -1, '[', ']', '…', 16), s.page, s.line
FROM search
JOIN search_text s ON s.id = search.rowid
JOIN items i ON i.id = s.item_id
JOIN documents d ON d.id = s.document_id
LEFT JOIN meetings m ON m.document_id = d.id
WHERE search MATCH ?
ORDER BY search.rank, m.date, d.name, s.id
LIMIT ?`

// Search finds sections, decisions and exchanges matching the words of query, best first, at
// most limit of them (all when limit <= 0). Accents and œ/æ do not matter (`deliberation`
// finds `Délibération`, `coeur` finds `cœur`); every word must appear; FTS operators are read
// as plain words, so no query is a syntax error.
func (d *DB) Search(query string, limit int) ([]Hit, error) {
	q := ftsQuery(query)
	hits := []Hit{}
	if q == "" {
		return hits, nil
	}
	if limit <= 0 {
		limit = -1
	}
	// Texts saved with DeferIndex first (best effort: on a read-only file they stay unfound).
	d.CatchUpIndex()
	rows, err := d.db.Query(sqlSearchHits, q, limit)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h Hit
		var sha, date, body sql.NullString
		if err := rows.Scan(&h.Document, &sha, &date, &body, &h.ItemPath, &h.ItemTitle, &h.Kind, &h.Snippet, &h.Page, &h.Line); err != nil {
			return nil, fmt.Errorf("store: search %q: %w", query, err)
		}
		h.SHA256, h.Date, h.Body = sha.String, date.String, body.String
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, err)
	}
	return hits, nil
}

// ftsQuery turns what a user typed into an FTS5 query that cannot be a syntax error: each word
// folded and quoted (so `"`, `-`, `:`, `(` or AND are plain text), all words required; a word
// ending in `*` stays a prefix search.
func ftsQuery(q string) string {
	var b strings.Builder
	// Control characters (a NUL ends an FTS5 string early) separate words like spaces.
	q = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, fold(q))
	for _, w := range strings.Fields(q) {
		prefix := strings.HasSuffix(w, "*")
		w = strings.ReplaceAll(strings.TrimRight(w, "*"), `"`, "")
		if w == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + w + `"`)
		if prefix {
			b.WriteByte('*')
		}
	}
	return b.String()
}
