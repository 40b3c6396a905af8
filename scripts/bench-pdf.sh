#!/bin/sh
# bench-pdf.sh times our PDF extraction (extract.PDF: text, layout, tables, furniture) against
# `pdftotext -layout` (poppler-utils, needed only here) on the same files in the same run, and
# prints the time ratio. Usage: scripts/bench-pdf.sh [PDF...]
# Default files: ../shared/corpus/bench/numerian-x50.pdf (900 pages) and the dev corpus PDFs.
set -eu
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install -y poppler-utils" >&2; exit 1; }
if [ $# -eq 0 ]; then
	set -- ../shared/corpus/bench/numerian-x50.pdf ../shared/corpus/dev/*.pdf
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a tiny program that extracts each file given N times and prints the best wall time in ms
mkdir -p "$tmp/benchpdf"
cat > "$tmp/benchpdf/main.go" <<'GO'
package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"minutes/extract"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	best := time.Duration(1 << 62)
	pages := 0
	var peak uint64
	for i := 0; i < 5; i++ {
		t0 := time.Now()
		src, err := extract.PDF(data)
		d := time.Since(t0)
		if err == nil {
			pages = src.Pages
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		best = min(best, d)
	}
	fmt.Printf("%.1f %d %.1f\n", float64(best.Microseconds())/1000, pages, float64(peak)/(1<<20))
}
GO
mkdir -p cmd/.benchpdf-tmp && cp "$tmp/benchpdf/main.go" cmd/.benchpdf-tmp/main.go
trap 'rm -rf "$tmp" cmd/.benchpdf-tmp' EXIT
go build -tags sqlite_fts5 -o "$tmp/benchpdf.bin" ./cmd/.benchpdf-tmp
printf '%-62s %6s %10s %10s %7s %8s\n' file pages "ours ms" "poppler ms" ratio "heap MB"
for f in "$@"; do
	[ -f "$f" ] || continue
	set -- $("$tmp/benchpdf.bin" "$f")
	ours=$1 pages=$2 heap=$3
	best=""
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		pdftotext -layout "$f" /dev/null 2>/dev/null || true
		t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	done
	[ "$best" -eq 0 ] && best=1
	printf '%-62s %6s %10s %10s %7s %8s\n' "$(basename "$f")" "$pages" "$ours" "$best" "$(awk "BEGIN{printf \"%.2f\", $ours/$best}")" "$heap"
done
echo "ratio = our time / pdftotext -layout time (best of 5 each); target ≤ 1.5 on numerian-x50.pdf"
