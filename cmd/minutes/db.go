package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"minutes/parse"
	"minutes/store"
)

// openDB opens an existing database for reading commands; a missing file is an error rather
// than a new empty database, since a typo in --db should not look like "no data".
func openDB(e *env, cmd, path string) (*store.DB, int) {
	if path == "" {
		e.errorf("minutes %s: --db is required", cmd)
		return nil, exitUsage
	}
	if err := checkPath(path); err != nil {
		e.errorf("%s:0: %v", path, err)
		return nil, exitFail
	}
	db, err := store.Open(path)
	if err != nil {
		e.errorf("%s:0: %v", path, err)
		return nil, exitFail
	}
	return db, -1
}

func cmdExport(e *env, args []string) int {
	fs := e.flags("export")
	dbPath := fs.String("db", "", "SQLite database file")
	_ = fs.Bool("json", true, "print JSON records (the only output format)")
	indent := fs.Bool("indent", true, "indent the JSON")
	doc := fs.String("doc", "", "export only the document with this SHA-256")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	db, code := openDB(e, "export", *dbPath)
	if db == nil {
		return code
	}
	defer db.Close()
	if *doc != "" {
		rec, err := db.ExportOne(*doc)
		if err == nil {
			err = writeRecords(e.stdout, []*parse.Record{rec}, *indent)
		}
		if err != nil {
			e.errorf("%s:0: %v", *dbPath, err)
			return exitFail
		}
		return exitOK
	}
	// Records stream out one at a time, so that exporting a large archive does not hold it in
	// memory. A database of one document prints one object, like `minutes parse --json FILE`;
	// otherwise an array.
	var first *parse.Record
	n := 0
	w := &arrayWriter{w: e.stdout, indent: *indent}
	err := db.ExportEach(func(rec *parse.Record) error {
		n++
		switch n {
		case 1:
			first = rec
			return nil
		case 2:
			if err := w.add(first); err != nil {
				return err
			}
		}
		return w.add(rec)
	})
	if err == nil {
		switch n {
		case 0:
			_, err = io.WriteString(e.stdout, "[]\n")
		case 1:
			err = writeRecords(e.stdout, []*parse.Record{first}, *indent)
		default:
			err = w.close()
		}
	}
	if err != nil {
		e.errorf("%s:0: %v", *dbPath, err)
		return exitFail
	}
	return exitOK
}

// arrayWriter prints records as the elements of one JSON array, as they come.
type arrayWriter struct {
	w      io.Writer
	indent bool
	n      int
}

func (a *arrayWriter) add(rec *parse.Record) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // as writeRecords: "<" stays "<" in French text
	if a.indent {
		enc.SetIndent("  ", "  ")
	}
	if err := enc.Encode(rec); err != nil {
		return err
	}
	b := bytes.TrimRight(buf.Bytes(), "\n")
	sep := "[\n  "
	if a.n > 0 {
		sep = ",\n  "
	}
	a.n++
	if _, err := io.WriteString(a.w, sep); err != nil {
		return err
	}
	_, err := a.w.Write(b)
	return err
}

func (a *arrayWriter) close() error {
	_, err := io.WriteString(a.w, "\n]\n")
	return err
}

func cmdQuery(e *env, args []string) int {
	fs := e.flags("query")
	dbPath := fs.String("db", "", "SQLite database file")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		e.errorf("minutes query: give exactly one SQL statement (quote it)")
		fs.Usage()
		return exitUsage
	}
	db, code := openDB(e, "query", *dbPath)
	if db == nil {
		return code
	}
	defer db.Close()
	cols, rows, err := db.Query(fs.Arg(0))
	if err != nil {
		e.errorf("%s:0: %v", *dbPath, err)
		return exitFail
	}
	printTable(e.stdout, cols, rows)
	return exitOK
}

// printTable prints rows as an aligned text table, cells cut at 60 characters so a wide text
// column does not wreck the layout (use sqlite3 for whole values).
func printTable(w io.Writer, cols []string, rows [][]string) {
	const maxw = 60
	cut := func(s string) string {
		s = strings.ReplaceAll(s, "\n", " ")
		if utf8.RuneCountInString(s) > maxw {
			r := []rune(s)
			return string(r[:maxw-1]) + "…"
		}
		return s
	}
	width := make([]int, len(cols))
	for i, c := range cols {
		width[i] = utf8.RuneCountInString(c)
	}
	for _, r := range rows {
		for i := range r {
			if n := utf8.RuneCountInString(cut(r[i])); i < len(width) && n > width[i] {
				width[i] = n
			}
		}
	}
	line := func(cells []string) {
		var b strings.Builder
		for i, c := range cells {
			if i > 0 {
				b.WriteString(" | ")
			}
			c = cut(c)
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)))
			}
		}
		fmt.Fprintln(w, b.String())
	}
	line(cols)
	sep := make([]string, len(cols))
	for i := range sep {
		sep[i] = strings.Repeat("-", width[i])
	}
	fmt.Fprintln(w, strings.Join(sep, "-+-"))
	for _, r := range rows {
		line(r)
	}
	fmt.Fprintf(w, "(%d rows)\n", len(rows))
}

func cmdSearch(e *env, args []string) int {
	fs := e.flags("search")
	dbPath := fs.String("db", "", "SQLite database file")
	limit := fs.Int("limit", 20, "maximum number of hits")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		e.errorf("minutes search: no QUERY given")
		fs.Usage()
		return exitUsage
	}
	db, code := openDB(e, "search", *dbPath)
	if db == nil {
		return code
	}
	defer db.Close()
	hits, err := db.Search(strings.Join(fs.Args(), " "), *limit)
	if err != nil {
		e.errorf("%s:0: %v", *dbPath, err)
		return exitFail
	}
	for _, h := range hits {
		fmt.Fprintf(e.stdout, "%s  %s  %s:p%d:%d\n  %s %s (%s)\n  %s\n\n", h.Date, h.Body, h.Document, h.Page, h.Line, h.ItemPath, h.ItemTitle, h.Kind, h.Snippet)
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stderr, "no match")
	}
	return exitOK
}
