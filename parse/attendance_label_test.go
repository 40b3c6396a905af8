package parse

import (
	"strings"
	"testing"

	"minutes/normalize"
)

// checkLabelHead checks foldedHead against normalize.Fold, and that labelHeadRejects only
// labels classifyLabel rejects.
func checkLabelHead(t *testing.T, s string) {
	var buf [labelHeadLen]byte
	head, complete, known := foldedHead(s, buf[:0])
	f := normalize.Fold(s)
	if known && (!strings.HasPrefix(f, string(head)) || complete && f != string(head) || !complete && len(head) != labelHeadLen) {
		t.Errorf("foldedHead(%q) = %q, %v; Fold gives %q", s, head, complete, f)
	}
	if strings.ContainsRune(s, '(') {
		return
	}
	if labelHeadRejects(s) {
		if _, _, ok := classifyLabel(s); ok {
			t.Errorf("labelHeadRejects(%q), but classifyLabel reads it as a label", s)
		}
	}
}

func TestLabelHead(t *testing.T) {
	for _, s := range []string{"", " ", "Présents", "PRESENTS", "Absents excusés", "Étaient présents", "\u00a0Excusés",
		"`a", "Œuvre", "Ελ", "\xffa", "1. Budget", "A. Direction Générale", "Membres en exercice", "Se sont excusés",
		"Egalement présents", "ÉGALEMENT PRÉSENTS ET TRÈS NOMBREUX À ÊTRE LÀ", "Représentées", "représentéééééééééééééééés",
		"Invitée", "a", "en", "Non", "ont", "Personnes", "Suppléants", "Ordre du jour"} {
		checkLabelHead(t, s)
	}
	for _, s := range rxSamples(t) {
		checkLabelHead(t, s)
	}
	for _, l := range corpusLines() {
		checkLabelHead(t, l)
	}
}

func FuzzLabelHead(f *testing.F) {
	for _, s := range []string{"Présents", "Absents excusés", "A. Direction", "Étaient\u00a0présents"} {
		f.Add(s)
	}
	f.Fuzz(checkLabelHead)
}
