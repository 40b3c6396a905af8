package normalize

import (
	"slices"
	"strings"
	"testing"
)

// TestTokensIn: the tokens read into a caller's buffer are vtokenize's, for texts on both sides
// of the buffer's size.
func TestTokensIn(t *testing.T) {
	unit := "le 15 décembre 2023 à 10h00, "
	for n := 0; n < 16; n++ {
		text := strings.Repeat(unit, n)
		for cut := 0; cut < 4 && cut <= len(text); cut++ {
			s := text[cut:]
			var buf [stackTokens]vtoken
			if got, want := tokensIn(s, buf[:]), vtokenize(s); !slices.Equal(got, want) {
				t.Errorf("tokensIn(%q) = %v, want %v", s, got, want)
			}
		}
	}
}
