package store

/*
// sqlite3_config is SQLite's own, compiled in by github.com/mattn/go-sqlite3; declared here
// because this package does not see that package's header.
int sqlite3_config(int, ...);

// SQLITE_CONFIG_MEMSTATUS (9) off. It must come before SQLite initializes, which happens at the
// first connection.
static int minutesMemstatusOff(void) { return sqlite3_config(9, 0); }
*/
import "C"

// memstatusOff is what sqlite3_config returned: SQLITE_OK (0), or SQLITE_MISUSE (21) if SQLite
// was already initialized, which would only cost the speed below.
//
// SQLite keeps memory statistics by default, taking a mutex around every allocation; nothing
// here reads them, and sqlite.org lists SQLITE_DEFAULT_MEMSTATUS=0 among its recommended
// options. go-sqlite3 compiles without it and build flags would have to be in every user's
// environment, so it is set at run time: measured, 2.5 % fewer instructions in the ingest's
// writer (BenchmarkSaveCorpusWriter/deferred, 8.26 M to 8.05 M a document).
var memstatusOff = int(C.minutesMemstatusOff())
