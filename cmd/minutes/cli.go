package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"minutes/extract"
	"minutes/parse"
)

// Exit codes, documented in -h and the README: cron jobs and scripts branch on them.
const (
	exitOK    = 0 // everything asked for was done
	exitFail  = 1 // at least one file or query failed; the others were done
	exitUsage = 2 // the command line was wrong; nothing was done
)

// command is one subcommand: its flags are parsed by run from its own flag set.
type command struct {
	name    string
	args    string // synopsis of the positional arguments
	summary string
	run     func(e *env, args []string) int
}

// env carries the streams of one invocation, so that the CLI runs in-process in tests.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

func (e *env) errorf(format string, a ...any) {
	fmt.Fprintf(e.stderr, format+"\n", a...)
}

var commands []command

func init() {
	commands = []command{
		{"parse", "[--json] FILE...", "parse minutes files and print their records (JSON)", cmdParse},
		{"extract", "FILE...", "print the text the parser sees, with page markers", cmdExtract},
		{"ingest", "--db DB [flags] PATH...", "load files and folders into the database", cmdIngest},
		{"export", "--db DB [--json]", "print the records stored in the database", cmdExport},
		{"query", "--db DB SQL", "run an SQL query and print a table", cmdQuery},
		{"search", "--db DB QUERY", "full-text search of sections, decisions and debate", cmdSearch},
		{"version", "", "print the parser version", func(e *env, _ []string) int {
			fmt.Fprintf(e.stdout, "minutes parser %s, record %s\n", parse.Version, parse.Schema)
			return exitOK
		}},
	}
}

// Do runs the CLI with args (without the program name) and returns the exit code.
func Do(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(e, args[1:])
		}
	}
	e.errorf("minutes: unknown command %q", args[0])
	usage(e.stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: minutes COMMAND [flags] [arguments]\n\nFlags come before arguments.\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nExit status: 0 success, 1 some file or query failed, 2 usage error.\nRun `minutes COMMAND -h` for a command's flags.\n")
}

// flags makes the flag set of a subcommand; its -h prints the synopsis and the flags.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		for _, c := range commands {
			if c.name == name {
				fmt.Fprintf(e.stderr, "Usage: minutes %s %s\n\n%s.\n", name, c.args, c.summary)
			}
		}
		fmt.Fprintf(e.stderr, "Exit status: 0 success, 1 failure, 2 usage error.\n")
		if hasFlags(fs) {
			fmt.Fprintf(e.stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parseFlags parses args and returns the exit code to stop with, or -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	return -1
}

// fileError prints an error as `file:line: message` (line 0 when the error is about the whole
// file), the form editors and CI logs understand.
func (e *env) fileError(path string, err error) {
	msg := err.Error()
	// extract wraps errors with the path already: don't print it twice.
	msg = strings.TrimPrefix(msg, path+": ")
	e.errorf("%s:0: %s", path, msg)
}

func cmdParse(e *env, args []string) int {
	fs := e.flags("parse")
	_ = fs.Bool("json", true, "print JSON records (the only output format; kept for the documented command line)")
	indent := fs.Bool("indent", true, "indent the JSON")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		e.errorf("minutes parse: no FILE given")
		fs.Usage()
		return exitUsage
	}
	code := exitOK
	var recs []*parse.Record
	for _, path := range fs.Args() {
		src, err := extract.File(path)
		if err != nil {
			e.fileError(path, err)
			code = exitFail
			continue
		}
		recs = append(recs, parse.Minutes(src))
	}
	if len(recs) > 0 {
		if err := writeRecords(e.stdout, recs, *indent); err != nil {
			e.errorf("minutes parse: %v", err)
			return exitFail
		}
	}
	return code
}

// writeRecords prints one record as an object, several as an array.
func writeRecords(w io.Writer, recs []*parse.Record, indent bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if len(recs) == 1 {
		return enc.Encode(recs[0])
	}
	return enc.Encode(recs)
}

func cmdExtract(e *env, args []string) int {
	fs := e.flags("extract")
	if code := parseFlags(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() == 0 {
		e.errorf("minutes extract: no FILE given")
		fs.Usage()
		return exitUsage
	}
	code := exitOK
	for _, path := range fs.Args() {
		src, err := extract.File(path)
		if err != nil {
			e.fileError(path, err)
			code = exitFail
			continue
		}
		fmt.Fprintf(e.stdout, "==> %s (%s, %d pages, %s)\n", path, src.Format, src.Pages, src.Encoding)
		page := 0
		for _, l := range src.Lines {
			if l.Page != page {
				page = l.Page
				fmt.Fprintf(e.stdout, "--- page %d ---\n", page)
			}
			fmt.Fprintf(e.stdout, "%s\n", l.Text)
		}
		if len(src.Furniture) > 0 {
			fmt.Fprintf(e.stdout, "--- page furniture ---\n")
			for _, l := range src.Furniture {
				fmt.Fprintf(e.stdout, "%s\t%s\n", l.Pos, l.Text)
			}
		}
	}
	return code
}

// checkPath reports whether path exists, so that reading commands do not create a database.
func checkPath(path string) error {
	_, err := os.Stat(path)
	return err
}
