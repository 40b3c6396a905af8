package main

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"minutes/extract"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	best := time.Duration(1 << 62)
	pages := 0
	var peak uint64
	for i := 0; i < 5; i++ {
		t0 := time.Now()
		src, err := extract.PDF(data)
		d := time.Since(t0)
		if err == nil {
			pages = src.Pages
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		best = min(best, d)
	}
	fmt.Printf("%.1f %d %.1f\n", float64(best.Microseconds())/1000, pages, float64(peak)/(1<<20))
}
