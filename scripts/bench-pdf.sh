#!/bin/sh
# bench-pdf.sh times our PDF extraction (extract.PDF: text, layout, tables, furniture; through
# BenchmarkPDF) against `pdftotext -layout` (poppler-utils, needed only here) on the same files in
# the same run, and prints the time ratio. Usage: scripts/bench-pdf.sh [PDF...]
# Default files: ../shared/corpus/bench/numerian-x50.pdf (900 pages) and the dev corpus PDFs.
set -eu
cd "$(dirname "$0")/.."
command -v pdftotext >/dev/null || { echo "pdftotext missing: apt-get install -y poppler-utils" >&2; exit 1; }
if [ $# -eq 0 ]; then
	set -- ../shared/corpus/bench/numerian-x50.pdf ../shared/corpus/dev/*.pdf
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -tags sqlite_fts5 -c -o "$tmp/extract.test" ./extract
printf '%-62s %6s %10s %10s %7s\n' file pages "ours ms" "poppler ms" ratio
for f in "$@"; do
	[ -f "$f" ] || continue
	abs=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
	# mean of 5 extractions; a file that is refused (a scan) has no figure
	line=$(cd "$tmp" && MINUTES_BENCH_PDF="$abs" ./extract.test -test.run '^$' -test.bench '^BenchmarkPDF$' -test.benchtime 5x 2>/dev/null | grep 'ns/op' || true)
	if [ -z "$line" ]; then
		printf '%-62s %6s %10s\n' "$(basename "$f")" - "refused"
		continue
	fi
	ours=$(echo "$line" | awk '{for (i = 1; i <= NF; i++) if ($(i+1) == "ns/op") printf "%.1f", $i / 1e6}')
	pps=$(echo "$line" | awk '{for (i = 1; i <= NF; i++) if ($(i+1) == "pages/s") print $i}')
	pages=$(awk "BEGIN{printf \"%d\", $pps * $ours / 1000 + 0.5}")
	best=""
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		pdftotext -layout "$f" /dev/null 2>/dev/null || true
		t1=$(date +%s%N)
		ms=$(( (t1 - t0) / 1000000 ))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
	done
	[ "$best" -eq 0 ] && best=1
	printf '%-62s %6s %10s %10s %7s\n' "$(basename "$f")" "$pages" "$ours" "$best" "$(awk "BEGIN{printf \"%.2f\", $ours/$best}")"
done
echo "ratio = our time (mean of 5, BenchmarkPDF) / pdftotext -layout time (best of 5); target ≤ 1.5 on numerian-x50.pdf"
