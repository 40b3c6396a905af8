package parse

import "flag"

// update rewrites the golden files under testdata/ instead of comparing with them:
// go test -tags sqlite_fts5 ./parse -update, then review the diff.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")
