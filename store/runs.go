package store

import (
	"encoding/json"
	"fmt"
	"time"
)

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
