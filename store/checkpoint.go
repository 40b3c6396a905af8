package store

import (
	"sync"
	"sync/atomic"
)

// A checkpoint copies the pages of the WAL into the database file and syncs both files: on
// disk the syncs take milliseconds. Left to SQLite (wal_autocheckpoint), the commit that fills
// the WAL runs the checkpoint and waits for them, stalling the ingest's single writer every
// few dozen documents. So a goroutine checkpoints every checkpointEvery saves, on a
// connection of its own, while the writer goes on appending to the WAL (WAL mode lets
// checkpoints and writes run together); the autocheckpoint, set higher (see connPragmas),
// remains as a backstop that bounds the WAL if the goroutine falls behind.

// checkpointEvery is how many saves pass between two background checkpoints: typically
// 3,000–5,000 WAL pages, under the autocheckpoint's 8,000. Each checkpoint copies the last
// version of every page written since the previous one, and syncs both files: the pages that
// every save rewrites (the last page of each table and index, the FTS index's structure) are
// copied once per checkpoint, so checkpointing every 64 saves rather than 16 costs about a
// quarter of their copies and syncs (measured: about 5 % of the CPU an ingest's saves take).
const checkpointEvery = 64

// checkpointer runs the background checkpoints of one DB.
type checkpointer struct {
	saves atomic.Int64
	mu    sync.Mutex    // guards kick against a send after stop
	kick  chan struct{} // nil once stopped
	done  chan struct{}
}

func (d *DB) startCheckpointer() {
	c := &d.ckpt
	c.kick = make(chan struct{}, 1)
	c.done = make(chan struct{})
	go func(kick <-chan struct{}) {
		defer close(c.done)
		for range kick {
			// PASSIVE: never waits for readers or writers. Best effort: a failed checkpoint
			// leaves the pages in the WAL for the next one.
			d.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
		}
	}(c.kick)
}

// saved counts a committed save and wakes the checkpointer every checkpointEvery saves.
func (d *DB) saved() {
	c := &d.ckpt
	if c.saves.Add(1)%checkpointEvery != 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.kick != nil {
		select {
		case c.kick <- struct{}{}:
		default: // one is pending or running
		}
	}
}

// stopCheckpointer ends the goroutine and waits for a running checkpoint to finish.
func (d *DB) stopCheckpointer() {
	c := &d.ckpt
	c.mu.Lock()
	kick := c.kick
	c.kick = nil
	c.mu.Unlock()
	if kick != nil {
		close(kick)
		<-c.done
	}
}
