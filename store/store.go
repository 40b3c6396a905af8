// Package store saves records in SQLite and reads them back.
//
// The schema lives in embedded SQL migrations (migrations/*.sql, where every table and column is
// documented); each is applied once, in its own transaction, and recorded in schema_migrations.
// Every document is saved in one transaction keyed by the SHA-256 of its bytes: re-saving
// unchanged content is a no-op, a changed file at a known path replaces its old document
// atomically, and a file that could not be read or parsed is a document with status 'failed'.
// The tables are the truth: Export rebuilds each record from them, field for field, equal in
// JSON to the record that was saved. Search queries an FTS5 index of section, decision and
// debate text that folds accents and the œ/æ ligatures.
//
// A typical ingest:
//
//	db, err := store.Open("minutes.db")
//	run, err := db.StartRun(os.Args[1:], parse.Version, time.Now())
//	status, version, ok, err := db.Lookup(sha)      // skip parsing known content:
//	out, err := db.SaveLocation(path, sha)          // … only record where it was seen
//	out, err := db.Save(path, rec, store.InRun(run)) // Added, Unchanged or Replaced
//	err = db.SaveFailed(path, sha, "extract", err)   // the archivist's to-do list
//	err = db.EndRun(run, time.Now(), counts)
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// connPragmas are run on every new connection, after the DSN's settings (see dsnParams): they
// are per connection and cannot go in the DSN.
//   - temp_store: a multi-row INSERT keeps a statement journal (to undo only itself on a
//     constraint error); in memory rather than in a temporary file, written with a system call
//     per page.
//   - cache_size 16 MiB (default 2 MiB): the interior pages of every table and index a save
//     touches stay cached as the database grows.
//   - wal_autocheckpoint 8000 pages (32 MiB, default 1000): only a backstop, DB's own
//     checkpointer (checkpoint.go) checkpoints more often, mostly off the writer's path. The
//     WAL stays bounded: 32 MiB between checkpoints, and journal_size_limit truncates it back
//     to 64 MiB at most when a reader held a checkpoint back.
var connPragmas = []string{
	"PRAGMA temp_store = MEMORY",
	"PRAGMA cache_size = -16384",
	"PRAGMA wal_autocheckpoint = 8000",
	"PRAGMA journal_size_limit = 67108864",
}

// maxIdleConns is how many idle connections Open keeps (see Open).
const maxIdleConns = 8

// driverName is the go-sqlite3 driver with connPragmas run on connect.
const driverName = "sqlite3_minutes"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		for _, p := range connPragmas {
			if _, err := c.Exec(p, nil); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
		}
		return nil
	}})
}

//go:embed migrations/*.sql
var migrationFS embed.FS

// timeFormat is how times are stored: UTC ISO 8601 with milliseconds, so that text order is time
// order.
const timeFormat = "2006-01-02T15:04:05.000Z"

// DB is an open minutes database. It is safe for concurrent use; several DBs (or processes) may
// share one file, writers taking turns through SQLite's lock and busy timeout.
type DB struct {
	db    *sql.DB
	clock func() time.Time

	mu    sync.Mutex           // guards stmts
	stmts map[string]*sql.Stmt // prepared inserts, by query

	// wmu serialises the saves of this DB on wconn, one connection kept for them (see
	// write); nil until the first save. wstmts are wconn's prepared statements, by query (the
	// inserts of every save also in wslots, by slot); wnv is scratch for their arguments.
	wmu    sync.Mutex
	wconn  *sql.Conn
	wstmts map[string]*sqlite3.SQLiteStmt
	wslots []*sqlite3.SQLiteStmt
	wnv    []driver.NamedValue
	// The search texts that saves of this DB left waiting (DeferIndex), triples of id, title
	// and body as Prepare folded them, saved by unindexed documents; valid while the largest
	// search_text id and the watermark are still lastSearchID and indexedUpto, as this DB left
	// them (see wtx.index).
	waiting                   []any
	unindexed                 int
	lastSearchID, indexedUpto int64

	ckpt checkpointer
}

// Option configures Open.
type Option func(*DB)

// WithClock sets the clock that stamps ingested_at, seen_at and applied_at. Open uses time.Now
// by default; tests pass a fixed clock.
func WithClock(clock func() time.Time) Option {
	return func(d *DB) { d.clock = clock }
}

// dsnParams are the connection settings. They go in the DSN, not in PRAGMA statements, because
// database/sql pools connections and a PRAGMA reaches only the one connection that ran it.
// _txlock=immediate makes every write transaction take the write lock at BEGIN, so two writers
// wait for each other (busy timeout) instead of failing on a lock upgrade; synchronous=NORMAL is
// safe against corruption in WAL mode and loses at most the last commits on power loss, never on
// a process crash. _mutex=no opens connections without their own mutex (SQLite's multi-thread
// mode, where a connection must not be used by two threads at once): database/sql already hands
// a connection to one goroutine at a time, and the writer's connection is used under wmu, so the
// lock taken and released around every SQLite call only cost time (measured: 4 % of the
// writer's instructions, BenchmarkSaveCorpusWriter/deferred, 8.61 M to 8.27 M a document).
const dsnParams = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=10000&_synchronous=NORMAL&_txlock=immediate&_mutex=no"

// Open opens (creating if needed) the database file at path and applies any migrations not yet
// applied.
func Open(path string, opts ...Option) (*DB, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	sqldb, err := sql.Open(driverName, "file:"+escapePath(path)+"?"+dsnParams)
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// database/sql keeps 2 idle connections by default: an ingest's writer, its workers'
	// Lookups and the checkpointer use up to 4 at once, so ~20 connections a 300-file ingest
	// were closed and opened again, each then re-running connPragmas, re-reading the schema
	// and re-preparing every statement it runs.
	sqldb.SetMaxIdleConns(maxIdleConns)
	d := &DB{db: sqldb, clock: time.Now}
	for _, o := range opts {
		o(d)
	}
	if err := d.migrateRetry(context.Background()); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	d.startCheckpointer()
	// Texts that a stopped ingest left waiting (migration 0007). Best effort: a read-only file
	// still opens, and searches miss only those documents.
	d.CatchUpIndex()
	return d, nil
}

// escapePath escapes the characters that a SQLite file: URI gives a meaning to.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// Close closes the database, first letting SQLite refresh its query planner statistics
// (PRAGMA optimize, cheap, as SQLite recommends before closing).
func (d *DB) Close() error {
	// Best effort: what fails to be indexed now, the next Open indexes.
	d.CatchUpIndex()
	d.stopCheckpointer()
	d.wmu.Lock()
	d.closeWriteConn()
	d.wmu.Unlock()
	d.mu.Lock()
	for _, st := range d.stmts {
		st.Close()
	}
	d.stmts = nil
	d.mu.Unlock()
	d.db.Exec(`PRAGMA optimize`) // an optimisation only: its failure changes nothing
	return d.db.Close()
}

// now returns the clock's time as stored.
func (d *DB) now() string { return formatTime(d.clock()) }

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// migration is one embedded schema step, 0001_init.sql → version 1.
type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, n := range names { // fs.Glob returns names in lexical order
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a version number and _", base)
		}
		if len(ms) > 0 && ms[len(ms)-1].version >= v {
			return nil, fmt.Errorf("migration %s: version %d out of order", base, v)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: base, sql: string(b)})
	}
	return ms, nil
}

// migrate applies the migrations not yet recorded in schema_migrations, each in its own
// transaction. The check happens inside the (immediate) transaction, so two processes opening a
// new file at once apply each migration exactly once.
func (d *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return d.migrateTo(ctx, ms)
}

// migrateRetry is migrate, tried again for a while when SQLite reports the file busy without
// waiting (busy_timeout does not cover every case): several processes creating one new file
// at once meet while the first turns it to WAL mode.
func (d *DB) migrateRetry(ctx context.Context) error {
	for wait := time.Millisecond; ; wait *= 2 {
		err := d.migrate(ctx)
		var se sqlite3.Error
		if err == nil || !errors.As(err, &se) || se.Code != sqlite3.ErrBusy || wait > time.Second {
			return err
		}
		time.Sleep(wait)
	}
}

// migrateTo applies ms (all migrations, or the first few in tests of upgrades).
func (d *DB) migrateTo(ctx context.Context, ms []migration) error {
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`); err != nil {
		return fmt.Errorf("schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := d.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (d *DB) apply(ctx context.Context, m migration) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, d.now()); err != nil {
		return err
	}
	return tx.Commit()
}
