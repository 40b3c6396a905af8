package normalize

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkAppendFoldLines folds every line of the sample minutes into one buffer, as the parser
// does for each document (parse.foldLines).
func BenchmarkAppendFoldLines(b *testing.B) {
	data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt")
	if err != nil {
		b.Skip("sample minutes not found:", err)
	}
	lines := strings.Split(string(data), "\n")
	buf := make([]byte, 0, len(data)+64)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		buf = buf[:0]
		for _, l := range lines {
			buf = AppendFold(buf, l)
		}
	}
}
