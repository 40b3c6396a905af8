package parse

import "testing"

// TestTakeChunk checks that the parts cut from a chunk are zeroed, as long as asked, capped,
// and never share elements, also when a part does not fit the chunk left.
func TestTakeChunk(t *testing.T) {
	cases := []struct {
		name  string
		takes []int
		size  int
	}{
		{"fits", []int{2, 3, 1}, 8},
		{"overflows", []int{3, 3, 3}, 4},
		{"bigger than size", []int{10}, 2},
		{"empty", []int{0, 2}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var slab []int
			var parts [][]int
			for k, n := range c.takes {
				p := takeChunk(&slab, n, c.size)
				if len(p) != n || cap(p) != n {
					t.Fatalf("take %d: len %d cap %d, want both %d", k, len(p), cap(p), n)
				}
				for i := range p {
					if p[i] != 0 {
						t.Fatalf("take %d: element %d is %d, want 0", k, i, p[i])
					}
					p[i] = k + 1
				}
				parts = append(parts, p)
			}
			for k, p := range parts {
				for i, v := range p {
					if v != k+1 {
						t.Errorf("part %d element %d = %d, want %d (overwritten by a later part)", k, i, v, k+1)
					}
				}
			}
		})
	}
}
