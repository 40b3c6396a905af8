package store

import (
	"sync"
	"sync/atomic"
	"time"
)

// A checkpoint copies the pages of the WAL into the database file and syncs both files: on
// disk the syncs take milliseconds. Left to SQLite (wal_autocheckpoint), the commit that fills
// the WAL runs the checkpoint and waits for them, stalling the ingest's single writer every
// few dozen documents. So a goroutine checkpoints every checkpointEvery saves, on a
// connection of its own, while the writer goes on appending to the WAL (WAL mode lets
// checkpoints and writes run together); the autocheckpoint, set higher (see connPragmas),
// remains as a backstop that bounds the WAL if the goroutine falls behind.
//
// The WAL starts over from its beginning only when a write transaction begins with every
// frame copied, which a checkpoint running beside the writer never leaves: the writer always
// committed more meanwhile. Without a last step the WAL grew until the autocheckpoint ran on
// the writer's commit, a 100 ms stall every hundred documents, and the file stayed at 33 MB,
// which the filesystem took 30 ms to free when Close deleted it. So each background
// checkpoint runs in rounds, each copying what the writer committed during the one before,
// and once a round is short it holds the writer (wmu) for a last one that copies the rest:
// a stall of a few milliseconds to tens (the syncs), after which the next save starts the
// WAL over and the file stops growing.

// checkpointEvery is how many saves pass between two background checkpoints. Each checkpoint
// copies the last version of every page written since the previous one, and syncs both files:
// the pages that every save rewrites (the last page of each table and index, the FTS index's
// structure) are copied once per checkpoint, so checkpointing every 64 saves rather than 16
// costs about a quarter of their copies and syncs. 32 ingests as fast as 64 (300 text minutes,
// alternating runs) and keeps the WAL at 1,500–5,000 pages (21 MB at most), where 64 let the
// first checkpoint's rounds reach the autocheckpoint's 8,000.
const checkpointEvery = 32

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
			d.checkpoint()
		}
	}(c.kick)
}

// checkpointRounds bounds the rounds that run beside the writer; a round shorter than
// shortRound copied little, so the writer is held for the next.
const (
	checkpointRounds = 6
	shortRound       = 10 * time.Millisecond
)

// checkpoint copies the WAL into the database file and leaves it wholly copied (see above).
// PASSIVE never waits for readers or writers: a reader still on an old snapshot keeps its
// frames in the WAL until a later checkpoint. Best effort: what a failed checkpoint did not
// copy, the next one does.
func (d *DB) checkpoint() {
	for range checkpointRounds {
		t := time.Now()
		if _, err := d.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			return
		}
		if time.Since(t) < shortRound {
			break
		}
	}
	d.wmu.Lock()
	defer d.wmu.Unlock()
	d.db.Exec(`PRAGMA wal_checkpoint(PASSIVE)`)
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
