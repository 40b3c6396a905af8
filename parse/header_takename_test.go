package parse

import (
	"strings"
	"testing"
)

// roleAfter reads a role written right after a name: ", Maire", "(Maire)", ", Député-Maire de …".
func roleAfter(rest string) string {
	r := strings.TrimLeft(rest, " ,(")
	fs, _ := leadFields(r, 1)
	if len(fs) == 0 {
		return ""
	}
	return roleWord(fs[0])
}

// checkRoleAfterFields compares roleAfterFields on takeNameFields' words with roleAfter on the
// text takeName returns.
func checkRoleAfterFields(t *testing.T, s string) {
	var buf [8]string
	n, fs, more, ok := takeNameFields(s, buf[:0])
	n2, rest, ok2 := takeName(s)
	if ok != ok2 || n != n2 {
		t.Fatalf("takeNameFields(%q) = %+v, %v; takeName gives %+v, %v", s, n, ok, n2, ok2)
	}
	if !ok {
		return
	}
	if got, want := strings.Join(append(fs[:len(fs):len(fs)], strings.Fields(more)...), " "), rest; got != want {
		t.Errorf("takeNameFields(%q) rest %q, want %q", s, got, want)
	}
	if got, want := roleAfterFields(fs, more), roleAfter(rest); got != want {
		t.Errorf("roleAfterFields after %q = %q, want %q", s, got, want)
	}
}

func TestRoleAfterFields(t *testing.T) {
	for _, s := range append(rxSamples(t), "M. Jean DUPONT, Maire", "M. Jean DUPONT , ( Maire)", "Mme X ,,(( (,Présidente de",
		"M. Jean DUPONT\t,\tMaire", "Philippe SAUREL Député-Maire", "M. A B C D E F G H , ( , Maire", "M. Jean DUPONT ,", "M. X (maire)") {
		checkRoleAfterFields(t, s)
	}
}

func FuzzRoleAfterFields(f *testing.F) {
	for _, s := range []string{"Monsieur le Maire, Philippe SAUREL, Maire", "M. Jean de la TOUR (Président)", "M. X ,( ,Maire"} {
		f.Add(s)
	}
	f.Fuzz(checkRoleAfterFields)
}
