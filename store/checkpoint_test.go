package store

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sync/atomic"
	"testing"
	"time"
)

// walRestarts reads the checkpoint sequence number of the WAL file's header (bytes 12–15,
// big-endian), which SQLite increments each time the WAL starts over from its beginning.
func walRestarts(t *testing.T, dbPath string) uint32 {
	t.Helper()
	f, err := os.Open(dbPath + "-wal")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var hdr [32]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil {
		t.Fatalf("WAL header: %v", err)
	}
	return binary.BigEndian.Uint32(hdr[12:16])
}

// TestCheckpointStartsWALOver checkpoints while documents are saved without a pause: once
// checkpoint returns, the next save must start the WAL over. A checkpoint that only ran beside
// the writer would leave the frames committed meanwhile, and the WAL would go on growing until
// the autocheckpoint stalled a save.
func TestCheckpointStartsWALOver(t *testing.T) {
	db, path := openTest(t)
	db.stopCheckpointer() // this test's checkpoints only
	full := fullRecord(t)
	var saves atomic.Int64
	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			p := Prepare(withSHA(t, full, fmt.Sprintf("sha%d", i), "cr.txt"))
			if _, err := db.SavePrepared(fmt.Sprintf("dir/%d.txt", i), p); err != nil {
				done <- err
				return
			}
			saves.Add(1)
		}
	}()
	waitSaves := func(n int64) {
		for deadline := time.Now().Add(30 * time.Second); saves.Load() < n; {
			if time.Now().After(deadline) {
				t.Fatalf("waited for %d saves, %d done", n, saves.Load())
			}
			time.Sleep(200 * time.Microsecond)
		}
	}
	waitSaves(2) // frames to copy, and the writer busy while the checkpoint runs
	before := walRestarts(t, path)
	db.checkpoint()
	waitSaves(saves.Load() + 2)
	close(stop)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if after := walRestarts(t, path); after == before {
		t.Errorf("WAL checkpoint sequence %d before and after: the WAL never started over", before)
	}
}
