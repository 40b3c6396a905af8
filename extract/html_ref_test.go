package extract

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// htmlTextRef is htmlText as it was, writing the text byte by byte.
func htmlTextRef(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' {
			if c == '\n' || c == '\r' {
				c = ' '
			}
			b.WriteByte(c)
			i++
			continue
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		name := tagName(s[i+1 : i+end])
		i += end + 1
		switch name {
		case "head", "script", "style":
			if k := strings.Index(strings.ToLower(s[i:]), "</"+name); k >= 0 {
				i += k
			} else {
				i = len(s)
			}
		case "/td", "/th":
			b.WriteByte('\t')
		default:
			if htmlBreaks[name] {
				b.WriteByte('\n')
			}
		}
	}
	lines := strings.Split(html.UnescapeString(b.String()), "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.ReplaceAll(l, "\u00a0", " ")
		l = collapseRef(strings.TrimSpace(l))
		if l == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// collapseRef is collapse rune by rune.
func collapseRef(l string) string {
	if !strings.Contains(l, "  ") {
		return l
	}
	var b strings.Builder
	prev := false
	for _, r := range l {
		if r == ' ' {
			if prev {
				continue
			}
			prev = true
		} else {
			prev = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sameHTMLText(t *testing.T, s string) {
	t.Helper()
	if got, want := htmlText(s), htmlTextRef(s); got != want {
		t.Fatalf("htmlText(%q) = %q, want %q", s, got, want)
	}
	if got, want := collapse(s), collapseRef(s); got != want {
		t.Fatalf("collapse(%q) = %q, want %q", s, got, want)
	}
	if got, want := indexLineBreak(s), strings.IndexAny(s, "\n\r"); got != want {
		t.Fatalf("indexLineBreak(%q) = %d, want %d", s, got, want)
	}
}

func TestHTMLTextSame(t *testing.T) {
	for _, s := range []string{"", "a  b   c", "  a  ", "a \xff  b", "\xff", "a\r\nb<p>c\nd</p>e\rf", "<P>x  y</P><TD>1</TD>",
		"<html><head><title>t</title></head><body><p>Pr&eacute;sents&nbsp;: A</p><p></p><p></p><p>B</p></body></html>",
		"<script>a<b</script>x", "a<b", "12345678\n12345678\r", strings.Repeat("x", 20) + "\r" + strings.Repeat("é", 9) + "\n"} {
		sameHTMLText(t, s)
	}
	files, _ := filepath.Glob("../../shared/corpus/*/*.htm*")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameHTMLText(t, string(data))
	}
}

func FuzzHTMLTextSame(f *testing.F) {
	f.Add("<p>a  b\r\nc</p><td>x</td>")
	f.Add("a \xff  b")
	f.Fuzz(func(t *testing.T, s string) { sameHTMLText(t, s) })
}
