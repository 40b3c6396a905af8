package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusLinesOf returns the lines of the text documents of the shared corpus, trimmed (none
// without it).
func corpusLinesOf(tb testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// BenchmarkAmountOpenerLines asks AmountOpener of every line of the corpus, as the body's
// amount reader asks it of the lines of prose.
func BenchmarkAmountOpenerLines(b *testing.B) {
	lines := corpusLinesOf(b)
	if len(lines) == 0 {
		b.Skip("no corpus")
	}
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, l := range lines {
			if AmountOpener(l) >= 0 {
				n++
			}
		}
	}
	_ = n
}

// nextOpenerPerf12 is nextOpener before round 13, two words a turn with amountFlagsPerf12: the
// reference. It returns the index of the first byte of text at or after i that opens an amount
// (a digit, or the stem of a currency mark: see amountOpensAt), or len(text). It flags the
// bytes eight at a time (amountFlags) and looks only at the flagged ones.
func nextOpenerPerf12(text string, i int) int {
	n := len(text)
	// Two words a turn while they fit, then one.
	for ; i+18 <= n; i += 16 {
		t := text[i : i+18]
		m := amountFlagsPerf12(load8(t[0:8]), load8(t[1:9]), load8(t[2:10]))
		m2 := amountFlagsPerf12(load8(t[8:16]), load8(t[9:17]), load8(t[10:18]))
		if m|m2 == 0 {
			continue
		}
		if m != 0 {
			if k := firstFlagged(i, m); digitByte(text[k]) {
				return k // the first flagged byte, a digit: no call
			}
			if k := flaggedOpener(text, i, m); k >= 0 {
				return k
			}
		}
		if m2 != 0 {
			if k := firstFlagged(i+8, m2); digitByte(text[k]) {
				return k
			}
			if k := flaggedOpener(text, i+8, m2); k >= 0 {
				return k
			}
		}
	}
	if i+10 <= n {
		t := text[i : i+10]
		if m := amountFlagsPerf12(load8(t[0:8]), load8(t[1:9]), load8(t[2:10])); m != 0 {
			if k := flaggedOpener(text, i, m); k >= 0 {
				return k
			}
		}
		i += 8
	}
	if i >= n {
		return n
	}
	if n < 10 {
		for ; i < n; i++ {
			if amountOpensAt(text, i) {
				return i
			}
		}
		return n
	}
	// The last window, which may overlap the bytes read before (their flags are cleared), flags
	// up to text[n-3], where "uro" opens last; the last two bytes can only be digits.
	t := text[n-10:]
	if m := amountFlagsPerf12(load8(t[0:8]), load8(t[1:9]), load8(t[2:10])) &^ (1<<(8*(i-(n-10))) - 1); m != 0 {
		if k := flaggedOpener(text, n-10, m); k >= 0 {
			return k
		}
	}
	if i <= n-2 && digitByte(text[n-2]) {
		return n - 2
	}
	if digitByte(text[n-1]) {
		return n - 1
	}
	return n
}

// amountFlagsPerf12 is amountFlags before round 13, which read digits with two subtractions.
func amountFlagsPerf12(x, y, z uint64) uint64 {
	const low, high = 0x0101010101010101, 0x8080808080808080
	hx := x | high
	e := x ^ 0xE2*low
	u := ((x ^ 'u'*low) | (y ^ 'r'*low) | (z ^ 'o'*low)) &^ (0x20 * low)
	return ((hx-'0'*low)&^(hx-('9'+1)*low)&^x | (e-low)&^e | (u-low)&^u) & high
}

// checkOpenerPerf12 checks nextOpener against nextOpenerPerf12 from every start of s.
func checkOpenerPerf12(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		if got, want := nextOpener(s, i), nextOpenerPerf12(s, i); got != want {
			t.Fatalf("nextOpener(%q, %d) = %d, want %d", s, i, got, want)
		}
	}
}

// TestNextOpenerMatchesPerf12 compares nextOpener with its reference on texts with an opener
// at every place, and on every line of the corpus.
func TestNextOpenerMatchesPerf12(t *testing.T) {
	for _, w := range []string{"7", "0", "9", "/", ":", "€", "uro", "URO", "Uro", "ur", "\xe2\x80\x99", "\xe2", "\xb0", "\xb9", "9€"} {
		for n := len(w); n <= 40; n++ {
			for at := 0; at+len(w) <= n; at++ {
				b := []byte(strings.Repeat("x", n))
				copy(b[at:], w)
				checkOpenerPerf12(t, string(b))
			}
		}
	}
	for _, l := range corpusLinesOf(t) {
		checkOpenerPerf12(t, l)
	}
}

// TestAmountFlagsDigits checks, for every byte in every lane, that amountFlags flags each
// digit and 0xE2, and that amountFlagsPerf12 and it flag the same lanes.
func TestAmountFlagsDigits(t *testing.T) {
	for c := range 256 {
		for lane := range 8 {
			x := uint64(c) << (8 * lane)
			got, want := amountFlags(x, 0, 0), amountFlagsPerf12(x, 0, 0)
			if got != want {
				t.Fatalf("amountFlags(%#x) = %#x, want %#x", x, got, want)
			}
			if flag := got>>(8*lane+7)&1 == 1; flag != ('0' <= c && c <= '9' || c == 0xE2) {
				t.Fatalf("byte %#x in lane %d: flagged %v", c, lane, flag)
			}
		}
	}
}

// FuzzNextOpenerPerf12 compares nextOpener with its reference on arbitrary text.
func FuzzNextOpenerPerf12(f *testing.F) {
	for _, s := range append(perf11Cases, amountSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			s = s[:200]
		}
		checkOpenerPerf12(t, s)
	})
}
