package store

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Query runs one read-only SQL statement for `minutes query` and returns its column names and
// its rows with every value rendered as text (NULL as "NULL", blobs as their bytes). The
// connection is switched to query_only for the call, so an analyst's query cannot change the
// archive.
func (d *DB) Query(query string, args ...any) (columns []string, rows [][]string, err error) {
	ctx := context.Background()
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA query_only = ON`); err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
	defer func() {
		if _, err := conn.ExecContext(ctx, `PRAGMA query_only = OFF`); err != nil {
			// Never hand a read-only connection back to the pool: the next Save would fail on it.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	rs, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
	defer rs.Close()
	if columns, err = rs.Columns(); err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
	vals := make([]any, len(columns))
	ptrs := make([]any, len(columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	rows = [][]string{}
	for rs.Next() {
		if err := rs.Scan(ptrs...); err != nil {
			return nil, nil, fmt.Errorf("store: query: %w", err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = render(v)
		}
		rows = append(rows, row)
	}
	if err := rs.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
	return columns, rows, nil
}

// render writes one SQL value as text.
func render(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(x)
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		// Plain digits (1051236.01, not 1.05123601e+06) unless the number is extreme.
		if a := math.Abs(x); a != 0 && (a < 1e-6 || a >= 1e21) {
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		if x {
			return "1"
		}
		return "0"
	case time.Time:
		return formatTime(x)
	}
	return fmt.Sprint(v)
}

// RunCounts are the outcomes of an ingest run.
type RunCounts struct {
	Added     int
	Unchanged int
	Replaced  int
	Failed    int
	Skipped   int // files not read (formats we do not read)
}

// StartRun records the start of an ingest run with its command-line arguments and returns the
// run's id, for EndRun and the InRun save option. A run without an end was interrupted.
func (d *DB) StartRun(args []string, parserVersion string, at time.Time) (runID int64, err error) {
	if args == nil {
		args = []string{}
	}
	a, err := json.Marshal(args)
	if err != nil {
		return 0, fmt.Errorf("store: start run: %w", err)
	}
	res, err := d.db.Exec(`INSERT INTO runs (started_at, arguments, parser_version) VALUES (?, ?, ?)`,
		formatTime(at), string(a), parserVersion)
	if err != nil {
		return 0, fmt.Errorf("store: start run: %w", err)
	}
	return res.LastInsertId()
}

// EndRun records the end of run id and its counts.
func (d *DB) EndRun(id int64, at time.Time, counts RunCounts) error {
	res, err := d.db.Exec(`UPDATE runs SET ended_at = ?, added = ?, unchanged = ?, replaced = ?, failed = ?, skipped = ? WHERE id = ?`,
		formatTime(at), counts.Added, counts.Unchanged, counts.Replaced, counts.Failed, counts.Skipped, id)
	if err != nil {
		return fmt.Errorf("store: end run %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("store: end run %d: no such run", id)
	}
	return nil
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
