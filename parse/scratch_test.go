package parse

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unsafe"

	"minutes/extract"
)

// TestMain runs the package's tests with poisonScratch set, so that every test that parses
// also checks that its records point into no pooled buffer; benchmarks run without it, as
// users do.
func TestMain(m *testing.M) {
	flag.Parse()
	setPoison(flag.Lookup("test.bench").Value.String() == "")
	os.Exit(m.Run())
}

// setPoison turns the poisoning of released scratch on or off.
func setPoison(on bool) {
	if !on {
		poisonScratch.Store(nil)
		return
	}
	f := poisonAll
	poisonScratch.Store(&f)
}

// poisoned reports whether released scratch is poisoned.
func poisoned() bool { return poisonScratch.Load() != nil }

// poisonAll overwrites every element, up to its capacity, of every slice of s — in its fields,
// in structs among them, in the elements of those slices — with values no parse produces: an
// invalid UTF-8 byte and strings of it, all-ones integers, true, NaN, nil pointers. Every such
// slice belongs to the scratch (the rule of scratch), so nothing else is written. Reflection
// cannot set unexported fields; the values are reached through their addresses instead.
func poisonAll(s *scratch) {
	poisonValue(reflect.ValueOf(s).Elem(), false)
}

func poisonValue(v reflect.Value, elem bool) {
	v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem() // settable
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			poisonValue(v.Field(i), elem)
		}
	case reflect.Array:
		for i := range v.Len() {
			poisonValue(v.Index(i), elem)
		}
	case reflect.Slice:
		all := v.Slice(0, v.Cap())
		for i := range all.Len() {
			poisonValue(all.Index(i), true)
		}
	case reflect.String:
		if elem {
			v.SetString("\xff")
		}
	case reflect.Bool:
		if elem {
			v.SetBool(true)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if elem {
			v.SetInt(-1)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if elem {
			v.SetUint(math.MaxUint64 >> (64 - v.Type().Bits()))
		}
	case reflect.Float32, reflect.Float64:
		if elem {
			v.SetFloat(math.NaN())
		}
	case reflect.Pointer, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan:
		if elem {
			v.SetZero()
		}
	}
}

// TestScratchPoisonShows: the poison reaches a string cut from the folded text, so a record
// holding one would print differently — the check the other tests rely on.
func TestScratchPoisonShows(t *testing.T) {
	if !poisoned() {
		t.Skip("benchmark run: no poison")
	}
	src, err := extract.Text([]byte("Présents : M. Jean DUPONT\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(src)
	s := d.folded[0]
	before := string([]byte(s))
	d.release()
	if s == before {
		t.Errorf("folded line %q unchanged after release", s)
	}
}

// scratchSources are the bundled sample and, when ../shared is there, every file of the
// development corpus and of the variants that extract reads.
func scratchSources(t *testing.T) []*extract.Source {
	files, _ := filepath.Glob("../testdata/sample/*")
	for _, dir := range []string{"dev", "variants"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", dir, "*"))
		files = append(files, m...)
	}
	var srcs []*extract.Source
	for _, f := range files {
		if filepath.Ext(f) == ".py" || filepath.Base(f) == "SOURCES.md" || filepath.Base(f) == "README.md" {
			continue
		}
		src, err := extract.File(f)
		if err != nil {
			t.Logf("%s: %v", f, err)
			continue
		}
		srcs = append(srcs, src)
	}
	if len(srcs) < 2 {
		t.Fatalf("%d documents read", len(srcs))
	}
	return srcs
}

// TestScratchCorpus: on every document at hand, the record is the same whether the pooled
// buffers are poisoned on release or not, and stays the same while later documents reuse them;
// a document read with reused buffers reads as it did first.
func TestScratchCorpus(t *testing.T) {
	srcs := scratchSources(t)
	defer setPoison(poisoned())
	recs := make([]*Record, len(srcs))
	first := make([][]byte, len(srcs))
	for i, src := range srcs {
		setPoison(false)
		recs[i] = Minutes(src)
		first[i] = mustJSON(t, recs[i])
		setPoison(true)
		if got := mustJSON(t, Minutes(src)); string(got) != string(first[i]) {
			t.Errorf("%s: the record points into a pooled buffer (it changes when they are poisoned)", src.Name)
		}
	}
	for i, src := range srcs {
		if again := mustJSON(t, Minutes(src)); string(again) != string(first[i]) {
			t.Errorf("%s: a second parse differs from the first", src.Name)
		}
		if kept := mustJSON(t, recs[i]); string(kept) != string(first[i]) {
			t.Errorf("%s: the record changed while other documents were parsed", src.Name)
		}
	}
}

func mustJSON(t *testing.T, r *Record) []byte {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzScratch: for any text, the record is the same whether the pooled buffers are poisoned on
// release or not — no path of the parser leaves the record pointing into one.
func FuzzScratch(f *testing.F) {
	if data, err := os.ReadFile("../testdata/sample/numerian-2023-12-15.txt"); err == nil {
		f.Add(data[:min(len(data), 6000)])
	}
	f.Add([]byte("Chapitre\n011\n012\n65\nCharges générales\nPersonnel\nAutres\n1 000,00\n2 000,00\n3 000,00\n"))
	f.Add([]byte("Présents : M. A, Mme B\nPouvoirs : M. C donne pouvoir à M. A\n1. Budget\tPour : 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := extract.Bytes("fuzz.txt", data)
		if err != nil {
			return
		}
		defer setPoison(poisoned())
		setPoison(false)
		want := mustJSON(t, Minutes(src))
		setPoison(true)
		if got := mustJSON(t, Minutes(src)); string(got) != string(want) {
			t.Errorf("the record points into a pooled buffer:\n%s\nwith poison:\n%s", want, got)
		}
	})
}
