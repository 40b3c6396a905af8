package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// Saves talk to the driver's connection directly (database/sql's Conn.Raw) rather than
// through database/sql: a document is some forty multi-row INSERTs of up to 128 rows, and
// through database/sql every argument was converted and checked (driverArgsConnLocked), then
// bound by one cgo call of its own (each string copied by SQLite), around a fifth of the
// writer's time. A statement run through the driver's Query binds all its arguments in one
// cgo call, strings bound in place from one buffer; an INSERT run that way executes at once
// (the driver takes the first step when the query starts).

// wtx is a write transaction on the DB's write connection.
type wtx struct {
	d  *DB
	c  *sqlite3.SQLiteConn
	nv []driver.NamedValue // scratch for the arguments of one statement
	// used is the most of nv that a statement of the transaction filled: what to clear after.
	used int
}

// write runs fn in a write transaction (BEGIN IMMEDIATE) on the DB's write connection, and
// commits when fn returns nil. Saves run on one connection rather than any of the pool because
// SQLite keeps pages cached per connection, and a connection finding that another one committed
// since its last transaction drops its whole cache: saves alternating between pooled
// connections (with the checkpointer's, with Lookups) re-read from the WAL, at every document,
// the pages that the previous one had just written. Saves of one DB wait for each other here
// rather than in SQLite's lock, which they would take in turn anyway.
func (d *DB) write(ctx context.Context, fn func(w *wtx) error) error {
	d.wmu.Lock()
	defer d.wmu.Unlock()
	var err error
	for range 2 {
		if d.wconn == nil {
			if d.wconn, err = d.db.Conn(ctx); err != nil {
				d.wconn = nil
				return err
			}
		}
		began := false
		err = d.wconn.Raw(func(dc any) error {
			c, ok := dc.(*sqlite3.SQLiteConn)
			if !ok {
				return fmt.Errorf("unexpected driver connection %T", dc)
			}
			if _, err := c.ExecContext(ctx, "BEGIN IMMEDIATE", nil); err != nil {
				return err
			}
			began = true
			w := &wtx{d: d, c: c, nv: d.wnv}
			defer func() {
				// Kept for the next save, without their references to this one's texts.
				clear(w.nv[:w.used])
				d.wnv = w.nv[:0]
				// Not committed (an error, a failed commit, a panic): undo, so that the
				// connection is left without a transaction. Best effort: a failed rollback
				// leaves nothing more to undo than the error already reported.
				if !c.AutoCommit() {
					c.ExecContext(ctx, "ROLLBACK", nil)
				}
			}()
			if err := fn(w); err != nil {
				return err
			}
			if _, err := c.ExecContext(ctx, "COMMIT", nil); err != nil {
				return fmt.Errorf("commit: %w", err)
			}
			return nil
		})
		if began || (!errors.Is(err, sql.ErrConnDone) && !errors.Is(err, driver.ErrBadConn)) {
			return err
		}
		// The connection is gone: take another.
		d.closeWriteConn()
	}
	return err
}

// closeWriteConn closes the write connection and its statements; d.wmu must be held.
func (d *DB) closeWriteConn() {
	for q, st := range d.wstmts {
		st.Close()
		delete(d.wstmts, q)
	}
	clear(d.wslots)
	if d.wconn != nil {
		d.wconn.Close()
		d.wconn = nil
	}
}

// stmt returns the write connection's prepared statement for q, preparing it on first use
// (compiling an insert, with its foreign-key checks, costs as much as running it many times).
func (w *wtx) stmt(q string) (*sqlite3.SQLiteStmt, error) {
	if st, ok := w.d.wstmts[q]; ok {
		return st, nil
	}
	ds, err := w.c.Prepare(q)
	if err != nil {
		return nil, err
	}
	st, ok := ds.(*sqlite3.SQLiteStmt)
	if !ok {
		ds.Close()
		return nil, fmt.Errorf("unexpected driver statement %T", ds)
	}
	if w.d.wstmts == nil {
		w.d.wstmts = map[string]*sqlite3.SQLiteStmt{}
	}
	w.d.wstmts[q] = st
	return st, nil
}

// slotStmt is stmt for the insert queries of every save, kept in d.wslots[slot] as well: a
// map look-up hashes the whole query, kilobytes for a multi-row INSERT.
func (w *wtx) slotStmt(slot int, q string) (*sqlite3.SQLiteStmt, error) {
	if slot < len(w.d.wslots) && w.d.wslots[slot] != nil {
		return w.d.wslots[slot], nil
	}
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	if slot >= len(w.d.wslots) {
		w.d.wslots = append(w.d.wslots, make([]*sqlite3.SQLiteStmt, slot+1-len(w.d.wslots))...)
	}
	w.d.wslots[slot] = st
	return st, nil
}

// named returns args as the driver's arguments, in w's scratch slice: the values the driver
// takes as they are (Prepare stores those) or converted as database/sql would.
func (w *wtx) named(args []any) ([]driver.NamedValue, error) {
	w.nv = w.nv[:0]
	for i, a := range args {
		switch v := a.(type) {
		case nil, int64, string, bool, float64, []byte:
		case int:
			a = int64(v)
		default:
			var err error
			if a, err = driver.DefaultParameterConverter.ConvertValue(a); err != nil {
				return nil, fmt.Errorf("argument %d: %w", i+1, err)
			}
		}
		w.nv = append(w.nv, driver.NamedValue{Ordinal: i + 1, Value: a})
	}
	w.used = max(w.used, len(w.nv))
	return w.nv, nil
}

// query starts statement q with args; the caller closes the rows.
func (w *wtx) query(q string, args []any) (driver.Rows, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	return w.queryStmt(st, args)
}

func (w *wtx) queryStmt(st *sqlite3.SQLiteStmt, args []any) (driver.Rows, error) {
	nv, err := w.named(args)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(context.Background(), nv)
}

// run executes statement q, which returns no rows, with args bound in one cgo call.
func (w *wtx) run(q string, args ...any) error {
	st, err := w.stmt(q)
	if err != nil {
		return err
	}
	return w.runStmt(st, args)
}

// runSlot is run of a query kept in slot (see slotStmt).
func (w *wtx) runSlot(slot int, q string, args []any) error {
	st, err := w.slotStmt(slot, q)
	if err != nil {
		return err
	}
	return w.runStmt(st, args)
}

// runSlotNamed is runSlot of arguments that are already the driver's (Prepare made them).
func (w *wtx) runSlotNamed(slot int, q string, nv []driver.NamedValue) error {
	st, err := w.slotStmt(slot, q)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(context.Background(), nv)
	if err != nil {
		return err
	}
	return rows.Close()
}

func (w *wtx) runStmt(st *sqlite3.SQLiteStmt, args []any) error {
	rows, err := w.queryStmt(st, args)
	if err != nil {
		return err
	}
	return rows.Close()
}

// exec executes statement q with args and returns its result (rowid, changes): for the few
// statements that need it, bound argument by argument.
func (w *wtx) exec(q string, args ...any) (driver.Result, error) {
	st, err := w.stmt(q)
	if err != nil {
		return nil, err
	}
	nv, err := w.named(args)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(context.Background(), nv)
}

// rows runs query q with args and calls each with every row's values (valid during the call).
func (w *wtx) rows(q string, args []any, each func(vals []driver.Value) error) error {
	rows, err := w.query(q, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]driver.Value, len(rows.Columns()))
	for {
		if err := rows.Next(vals); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		if err := each(vals); err != nil {
			return err
		}
	}
	return rows.Close()
}

// row runs the one-row query q with args into dest (*int64, *string or *sql.NullString);
// sql.ErrNoRows when it returns no row.
func (w *wtx) row(q string, args []any, dest ...any) error {
	found := false
	err := w.rows(q, args, func(vals []driver.Value) error {
		if found {
			return nil
		}
		found = true
		if len(vals) != len(dest) {
			return fmt.Errorf("%d columns, %d destinations", len(vals), len(dest))
		}
		for i, v := range vals {
			if err := scanValue(dest[i], v); err != nil {
				return fmt.Errorf("column %d: %w", i, err)
			}
		}
		return nil
	})
	if err == nil && !found {
		err = sql.ErrNoRows
	}
	return err
}

// scanValue stores the driver value v in dest.
func scanValue(dest any, v driver.Value) error {
	switch p := dest.(type) {
	case *int64:
		if n, ok := v.(int64); ok {
			*p = n
			return nil
		}
	case *string:
		switch s := v.(type) {
		case string:
			*p = s
			return nil
		case []byte:
			*p = string(s)
			return nil
		}
	case *sql.NullString:
		if v == nil {
			*p = sql.NullString{}
			return nil
		}
		var s string
		if err := scanValue(&s, v); err != nil {
			return err
		}
		*p = sql.NullString{String: s, Valid: true}
		return nil
	}
	return fmt.Errorf("cannot store %T in %T", v, dest)
}
