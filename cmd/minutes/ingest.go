package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"minutes/extract"
	"minutes/parse"
	"minutes/store"
)

// Statuses of one file in an ingest run, as printed by --log json and counted in the summary.
const (
	stAdded     = "added"
	stUnchanged = "unchanged"
	stReplaced  = "replaced"
	stFailed    = "failed"
	stSkipped   = "skipped" // not a format we read
)

// readable lists the extensions read without looking; other files are read when their content
// says PDF. Case is ignored.
var readable = map[string]bool{".pdf": true, ".txt": true, ".md": true, ".text": true, ".html": true, ".htm": true}

// job is one file to ingest, numbered in walk order so that the writer commits in that order
// whatever the order workers finish in: two runs over the same tree give the same database.
type job struct {
	seq  int
	path string
}

// outcome is what a worker made of a job.
type outcome struct {
	job
	status  string
	stage   string // where a failure happened: read, extract, parse, store
	err     error
	sha     string
	rec     *store.Prepared // the parsed record, prepared for saving; nil when the file was unchanged or failed
	force   bool            // re-parsed on request: replace the stored record of the same content
	elapsed time.Duration
}

// ingestOptions are the flags of `minutes ingest`.
type ingestOptions struct {
	db      string
	jobs    int
	reparse bool
	quiet   bool
	timeout time.Duration
	logJSON bool
}

func cmdIngest(e *env, args []string) int {
	fs := e.flags("ingest")
	var o ingestOptions
	var logFmt string
	fs.StringVar(&o.db, "db", "", "SQLite database file (created if missing)")
	fs.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "number of files extracted and parsed in parallel (the last of several only while the writer waits)")
	fs.BoolVar(&o.reparse, "reparse", false, "re-parse documents stored by another parser version")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress line")
	fs.DurationVar(&o.timeout, "timeout", 2*time.Minute, "give up on a file whose extraction and parsing take longer")
	fs.StringVar(&logFmt, "log", "", `per-file log on stdout: "json" for one JSON object per line`)
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	switch {
	case o.db == "":
		e.errorf("minutes ingest: --db is required")
		fs.Usage()
		return exitUsage
	case fs.NArg() == 0:
		e.errorf("minutes ingest: no PATH given")
		fs.Usage()
		return exitUsage
	case logFmt != "" && logFmt != "json":
		e.errorf("minutes ingest: --log takes only \"json\"")
		return exitUsage
	case o.jobs < 1:
		o.jobs = 1
	}
	o.logJSON = logFmt == "json"
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return ingest(ctx, e, o, fs.Args())
}

// ingest walks paths, extracts and parses files on a pool of workers, and saves them from one
// writer (SQLite takes one writer at a time; one transaction per document).
func ingest(ctx context.Context, e *env, o ingestOptions, paths []string) int {
	// The writer spends most of its time in SQLite, through cgo: meanwhile the runtime hands
	// its P to a worker, and back from the call the writer would wait for a worker's time
	// slice to end (up to 10 ms, several times a document) before going on, the bottleneck
	// idle. One more P lets it go on at once; the OS shares the cores.
	defer extraProc()()
	db, err := store.Open(o.db)
	if err != nil {
		e.errorf("%s:0: %v", o.db, err)
		return exitFail
	}
	defer db.Close()
	start := time.Now()
	runID, err := db.StartRun(append([]string{"ingest"}, paths...), parse.Version, start)
	if err != nil {
		e.errorf("%s:0: %v", o.db, err)
		return exitFail
	}

	// window bounds the files between walk and commit, so that memory stays flat however large
	// the archive and however slow one file is.
	window := make(chan struct{}, o.jobs*8)
	jobs := make(chan job, o.jobs*2)
	// results holds the whole window, so that a worker never waits to hand over an outcome
	// while the writer commits a run of pending ones (tens of milliseconds, during which workers
	// with a smaller buffer sat blocked and cores idle).
	results := make(chan outcome, cap(window))
	var walked struct {
		sync.Mutex
		total   int
		done    bool
		skipped int
	}
	go func() {
		defer close(jobs)
		seq := 0
		for _, p := range paths {
			walk(p, func(path string, werr error) bool {
				if ctx.Err() != nil {
					return false
				}
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return false
				}
				j := job{seq: seq, path: path}
				seq++
				walked.Lock()
				walked.total++
				walked.Unlock()
				if werr != nil {
					// A path that cannot be walked is a failed file, reported in its turn.
					results <- outcome{job: j, status: stFailed, stage: "read", err: werr}
					return true
				}
				jobs <- j
				return true
			}, func() {
				walked.Lock()
				walked.skipped++
				walked.Unlock()
			})
		}
		walked.Lock()
		walked.done = true
		walked.Unlock()
	}()

	// hungry holds a token while the writer waits for an outcome. The last of several workers
	// takes a file only on such a token: when parsing outruns the single writer (text minutes,
	// where a worker needs less time a file than the writer) it stays idle rather than take a
	// core the writer waits for (on two cores, 14 % more text files a second); when the writer waits
	// (PDFs, slow to extract) it works on every file like the others.
	hungry := make(chan struct{}, 1)
	var wg sync.WaitGroup
	for i := 0; i < o.jobs; i++ {
		onDemand := o.jobs > 1 && i == o.jobs-1
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				if onDemand {
					// Never stuck here: the writer leaves a token each time it finds no
					// outcome ready, and it keeps draining outcomes until this worker is
					// done (results closes after wg.Wait).
					<-hungry
				}
				j, ok := <-jobs
				if !ok {
					return
				}
				results <- work(db, j, o.reparse, o.timeout)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	counts := map[string]int{}
	failedBy := map[string]int{}
	progress := newProgress(e.stderr, o.quiet, start)
	pending := map[int]outcome{}
	next := 0
	commit := func(r outcome) {
		if r.err == nil && r.status != stFailed {
			r = save(db, r, runID)
		}
		if r.status == stFailed {
			// A path that does not exist is a typo, not a document; anything else that failed
			// goes on the archivist's to-do list.
			if !errors.Is(r.err, fs.ErrNotExist) {
				if serr := db.SaveFailed(r.path, r.sha, r.stage, r.err, store.InRun(runID)); serr != nil {
					e.errorf("%s:0: recording the failure: %v", r.path, serr)
				}
			}
			failedBy[r.stage+": "+reason(r.err)]++
			progress.clear()
			e.fileError(r.path, r.err)
		}
		counts[r.status]++
		if o.logJSON {
			logLine(e.stdout, r)
		}
		walked.Lock()
		total, done := walked.total, walked.done
		walked.Unlock()
		progress.update(counts, total, done)
		<-window
	}
	for {
		var r outcome
		var ok bool
		select {
		case r, ok = <-results:
		default:
			select {
			case hungry <- struct{}{}:
			default: // a token waits already
			}
			r, ok = <-results
		}
		if !ok {
			break
		}
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			commit(r)
		}
	}
	progress.clear()
	walked.Lock()
	counts[stSkipped] = walked.skipped
	walked.Unlock()
	end := time.Now()
	rc := store.RunCounts{Added: counts[stAdded], Unchanged: counts[stUnchanged], Replaced: counts[stReplaced], Failed: counts[stFailed], Skipped: counts[stSkipped]}
	if err := db.EndRun(runID, end, rc); err != nil {
		e.errorf("%s:0: %v", o.db, err)
	}
	summary(e, o, counts, failedBy, end.Sub(start), ctx.Err() != nil)
	if counts[stFailed] > 0 || ctx.Err() != nil {
		return exitFail
	}
	return exitOK
}

// writers counts the ingests running in this process (tests run several at once), so that
// GOMAXPROCS and the GC target are changed by the first and restored by the last.
var writers struct {
	sync.Mutex
	n, procs, gc int
}

// ingestGCPercent is the garbage collector's target during an ingest, unless GOGC says
// otherwise. Parsing allocates a few hundred kilobytes per document that die with it; with the
// default target the collector runs every few documents and costs about a tenth of the ingest's
// CPU. Four times the target keeps the heap around 100 MB on the dev corpus (60 MB by default).
const ingestGCPercent = 400

// extraProc raises GOMAXPROCS by one for the ingest's writer, and the GC target, and returns
// the function that undoes both.
func extraProc() (restore func()) {
	writers.Lock()
	defer writers.Unlock()
	if writers.n == 0 {
		writers.procs = runtime.GOMAXPROCS(0)
		runtime.GOMAXPROCS(writers.procs + 1)
		writers.gc = -2 // untouched
		if os.Getenv("GOGC") == "" {
			writers.gc = debug.SetGCPercent(ingestGCPercent)
		}
	}
	writers.n++
	return func() {
		writers.Lock()
		defer writers.Unlock()
		if writers.n--; writers.n == 0 {
			runtime.GOMAXPROCS(writers.procs)
			if writers.gc != -2 {
				debug.SetGCPercent(writers.gc)
			}
		}
	}
}

// walk calls visit for every file under root in lexical order; a file given by name is read
// whatever its extension, a file found in a folder only when its extension or content is one we
// read (others call skip). Symbolic links to folders are not followed, so no loop is possible.
func walk(root string, visit func(path string, err error) bool, skip func()) {
	fi, err := os.Stat(root)
	if err != nil {
		visit(root, err)
		return
	}
	if !fi.IsDir() {
		visit(root, nil)
		return
	}
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !visit(path, err) {
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || strings.HasPrefix(d.Name(), ".") {
			skip()
			return nil
		}
		if !readable[strings.ToLower(filepath.Ext(path))] && !sniffPDF(path) {
			skip()
			return nil
		}
		if !visit(path, nil) {
			return filepath.SkipAll
		}
		return nil
	})
}

// sniffPDF reports whether a file without a known extension is a PDF by its first bytes.
func sniffPDF(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return extract.IsPDF(head[:n])
}

// work reads, hashes and — unless the database already has this content — extracts and parses
// one file. It runs on a worker; it never writes.
func work(db *store.DB, j job, reparse bool, timeout time.Duration) (r outcome) {
	t0 := time.Now()
	r.job = j
	defer func() { r.elapsed = time.Since(t0) }()
	fail := func(stage string, err error) outcome {
		r.status, r.stage, r.err = stFailed, stage, err
		return r
	}
	buf := readBufs.Get().(*[]byte)
	data, err := readFile(j.path, *buf)
	if err != nil {
		readBufs.Put(buf)
		return fail("read", err)
	}
	*buf = data[:0] // grown to the largest file read
	r.sha = extract.Hash(data)
	status, version, ok, err := db.Lookup(r.sha)
	if err != nil {
		readBufs.Put(buf)
		return fail("store", err)
	}
	if ok && status == "loaded" {
		if !reparse || version == parse.Version {
			readBufs.Put(buf)
			r.status = stUnchanged
			return r
		}
		r.force = true
	}
	type parsed struct {
		rec   *parse.Record
		stage string
		err   error
	}
	done := make(chan parsed, 1)
	sha := r.sha
	go func() {
		src, err := extract.BytesHashed(j.path, data, sha) // hashed once, above
		if err != nil {
			done <- parsed{stage: "extract", err: err}
			return
		}
		done <- parsed{rec: parse.Minutes(src)}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case p := <-done:
		// A text's bytes were copied into its decoded string: the buffer can take the next
		// file. A PDF's are left to the collector, in case its reader kept a view of them.
		if !extract.IsPDF(data) {
			readBufs.Put(buf)
		}
		if p.err != nil {
			return fail(p.stage, p.err)
		}
		// Prepared here, on the worker, so that the writer only writes.
		r.rec = store.Prepare(p.rec)
		return r
	case <-timer.C:
		// The PDF library can loop forever on some damaged files (deps.md); a goroutine cannot
		// be stopped, so this one is abandoned, with its buffer, and the batch goes on without it.
		return fail("extract", fmt.Errorf("gave up after %s", timeout))
	}
}

// readBufs holds the buffers that workers read files into, so that each file does not
// allocate (and the collector sweep) a buffer of its size.
var readBufs = sync.Pool{New: func() any { return new([]byte) }}

// errIsDir is the failure of a path that is a directory.
var errIsDir = errors.New("is a directory")

// readFile is os.Stat, a directory refused, then os.ReadFile, with their errors, but reading
// into buf (grown as needed) and with one stat of the open file instead of a stat by name
// before ReadFile's own. A file that cannot be opened is looked at again as before, so that
// its error is the one os.Stat or os.ReadFile gives.
func readFile(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return statThenRead(path)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return statThenRead(path)
	}
	if fi.IsDir() {
		return nil, errIsDir
	}
	// One byte more than the size, as ReadFile does, for the read that meets the end.
	size := 512
	if n := fi.Size(); n >= 0 && n < int64(math.MaxInt-512) {
		size = max(size, int(n)+1)
	}
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	data := buf[:0]
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return data, err
		}
		if len(data) >= cap(data) {
			d := append(data[:cap(data)], 0)
			data = d[:len(data)]
		}
	}
}

// statThenRead is what work did before readFile: a stat by name, then os.ReadFile.
func statThenRead(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, errIsDir
	}
	return os.ReadFile(path)
}

// save commits one outcome from the writer.
func save(db *store.DB, r outcome, runID int64) outcome {
	if r.rec == nil {
		// Unchanged content: only make sure this path is one of its locations.
		out, err := db.SaveLocation(r.path, r.sha)
		if err != nil {
			r.status, r.stage, r.err = stFailed, "store", err
			return r
		}
		r.status = statusOf(out)
		return r
	}
	// Texts are indexed for search a batch at a time, the rest when the database closes.
	opts := []store.SaveOption{store.InRun(runID), store.DeferIndex()}
	if r.force {
		opts = append(opts, store.Force())
	} else {
		opts = append(opts, store.NotLoaded()) // the worker's Lookup found it so
	}
	out, err := db.SavePrepared(r.path, r.rec, opts...)
	r.rec.Release()
	r.rec = nil
	if err != nil {
		r.status, r.stage, r.err = stFailed, "store", err
		return r
	}
	r.status = statusOf(out)
	return r
}

func statusOf(o store.Outcome) string {
	switch o {
	case store.Added:
		return stAdded
	case store.Replaced:
		return stReplaced
	default:
		return stUnchanged
	}
}

// reason shortens an error to what groups failures in the summary ("PDF is encrypted").
func reason(err error) string {
	for _, known := range []error{extract.ErrNoText, extract.ErrEncrypted, extract.ErrCorrupt, extract.ErrBinary, extract.ErrEmpty, extract.ErrEncoding, fs.ErrNotExist, fs.ErrPermission} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}

func logLine(w io.Writer, r outcome) {
	type line struct {
		Path   string  `json:"path"`
		SHA256 string  `json:"sha256,omitempty"`
		Status string  `json:"status"`
		Stage  string  `json:"stage,omitempty"`
		Error  string  `json:"error,omitempty"`
		Millis float64 `json:"ms"`
	}
	l := line{Path: r.path, SHA256: r.sha, Status: r.status, Stage: r.stage, Millis: float64(r.elapsed.Microseconds()) / 1000}
	if r.err != nil {
		l.Error = r.err.Error()
	}
	b, _ := json.Marshal(l)
	fmt.Fprintf(w, "%s\n", b)
}

func summary(e *env, o ingestOptions, counts, failedBy map[string]int, took time.Duration, interrupted bool) {
	n := counts[stAdded] + counts[stUnchanged] + counts[stReplaced] + counts[stFailed]
	rate := float64(n) / took.Seconds()
	if o.logJSON {
		b, _ := json.Marshal(map[string]any{
			"summary": true, "added": counts[stAdded], "unchanged": counts[stUnchanged],
			"replaced": counts[stReplaced], "failed": counts[stFailed], "skipped": counts[stSkipped],
			"failed_by": failedBy, "seconds": took.Seconds(), "interrupted": interrupted,
		})
		fmt.Fprintf(e.stdout, "%s\n", b)
		return
	}
	w := e.stderr
	fmt.Fprintf(w, "ingested %d files in %s (%.1f files/s): %d added, %d unchanged, %d replaced, %d failed, %d skipped\n",
		n, took.Round(time.Millisecond), rate, counts[stAdded], counts[stUnchanged], counts[stReplaced], counts[stFailed], counts[stSkipped])
	keys := make([]string, 0, len(failedBy))
	for k := range failedBy {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "  failed: %d × %s\n", failedBy[k], k)
	}
	if interrupted {
		fmt.Fprintf(w, "interrupted: run the same command again to finish\n")
	}
}

// progress draws a one-line progress report on a terminal, and nothing elsewhere (cron, pipes).
type progress struct {
	w     io.Writer
	on    bool
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, quiet bool, start time.Time) *progress {
	p := &progress{w: w, start: start}
	if f, ok := w.(*os.File); ok && !quiet {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) update(counts map[string]int, total int, walkDone bool) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	done := counts[stAdded] + counts[stUnchanged] + counts[stReplaced] + counts[stFailed]
	rate := float64(done) / now.Sub(p.start).Seconds()
	of, eta := "?", "?"
	if walkDone {
		of = fmt.Sprint(total)
		if rate > 0 {
			eta = (time.Duration(float64(total-done)/rate) * time.Second).Round(time.Second).String()
		}
	}
	fmt.Fprintf(p.w, "\r\033[K%d/%s files, %.1f/s, ETA %s, %d failed", done, of, rate, eta, counts[stFailed])
}

func (p *progress) clear() {
	if p.on {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
