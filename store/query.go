package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
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
	// FTS5 keeps an index's structure cached on each connection between statements and
	// revalidates it (against PRAGMA data_version) only when a statement opens a cursor on the
	// table or a write transaction begins. PRAGMA integrity_check (FTS5's xIntegrity) does
	// neither: on a pooled connection that read the index before another connection merged its
	// segments, it read pages that no longer exist and reported "fts5: corruption found
	// reading blob …" on a sound database. So the query runs in one read transaction that
	// first opens a cursor on the index: the cache is checked against the very snapshot the
	// query then reads.
	if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
	defer func() {
		// Read-only: nothing to commit. A connection left inside a transaction must not go
		// back to the pool.
		if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	if _, err := conn.ExecContext(ctx, sqlRefreshIndex); err != nil {
		return nil, nil, fmt.Errorf("store: query: %w", err)
	}
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

// sqlRefreshIndex opens a cursor on the FTS index, which makes FTS5 drop its cached structure
// if the database changed since the connection read it (a rowid lookup: no index page read).
const sqlRefreshIndex = `SELECT count(*) FROM search WHERE rowid = 0`

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
