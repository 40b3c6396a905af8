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
