package parse

import (
	"reflect"
	"regexp"
	"sync"
	"testing"
)

// TestPatternsCompile builds every pattern of the package, which is otherwise built at its first
// use: a bad pattern fails here, never in a user's run.
func TestPatternsCompile(t *testing.T) {
	for _, r := range allRx {
		if _, err := regexp.Compile(r.String()); err != nil {
			t.Errorf("pattern %q: %v", r.String(), err)
			continue
		}
		r.Regexp.get()
		r.prefilter()
	}
	if len(allRx) < 100 {
		t.Errorf("only %d patterns registered", len(allRx))
	}
	for _, l := range allLazy {
		if _, err := regexp.Compile(l.String()); err != nil {
			t.Errorf("pattern %q: %v", l.String(), err)
		}
	}
	for _, s := range allSpots {
		if p := s.plan(); p.spots != nil {
			p.at.get()
			p.at0.get()
		}
	}
}

// TestRxLazySame checks that the prefilter built at first use is the one derived from the
// pattern, and that goroutines racing to build it all get the same one.
func TestRxLazySame(t *testing.T) {
	exprs := []string{`\b(?:adopt|approuv|accept)(?:e|ee|es|ees|ent)\b`, `^\s*\d+\.`, `\t|\s{3,}`, `(?i)a l'exception de`}
	for _, expr := range exprs {
		r := mustRx(expr)
		var wg sync.WaitGroup
		got := make([]*rxFilter, 4)
		res := make([]*regexp.Regexp, 4)
		for k := range got {
			wg.Go(func() { got[k], res[k] = r.prefilter(), r.Regexp.get() })
		}
		wg.Wait()
		for k := range got {
			if got[k] != got[0] || res[k] != res[0] {
				t.Errorf("%s: goroutine %d got another prefilter or regexp", expr, k)
			}
		}
		if want := newRxFilter(expr); !reflect.DeepEqual(got[0], want) {
			t.Errorf("%s: prefilter %+v, want %+v", expr, got[0], want)
		}
		if res[0].String() != expr {
			t.Errorf("%s: regexp %q", expr, res[0].String())
		}
	}
	allRx = allRx[:len(allRx)-len(exprs)]
}

// BenchmarkRxBuild measures what the first use of every pattern of the package costs: its
// prefilter, its spots and its regexp (a run of the program pays it for the patterns it uses).
func BenchmarkRxBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range allRx {
			newRxFilter(r.String())
			regexp.MustCompile(r.String())
		}
		for _, s := range allSpots {
			newSpotPlan(s.String())
		}
	}
}

// BenchmarkRxAnalyse measures the prefilters and spots alone.
func BenchmarkRxAnalyse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range allRx {
			newRxFilter(r.String())
		}
		for _, s := range allSpots {
			newSpotPlan(s.String())
		}
	}
}
