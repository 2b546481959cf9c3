package detect

import (
	"runtime"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// benchTexts are the texts of messages.tsv when the corpus is there, or a
// small set written for the benchmark otherwise.
func benchTexts() []string {
	var texts []string
	rows, _ := readCorpusFile("messages.tsv")
	for _, r := range rows {
		texts = append(texts, r.text)
	}
	if len(texts) == 0 {
		texts = []string{
			"are we still on for lunch tomorrow?",
			"Add me on WhatsApp, my mentor guarantees 30% daily returns, deposit USDT to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
			"free nitro for everyone: https://dlscord-gift.xyz/claim",
			"did you try restarting the service with systemctl?",
			"Your parcel is on hold, pay the redelivery fee at https://bit.ly/abc123",
			"稳赚不赔，加微信了解详情",
		}
	}
	return texts
}

// BenchmarkCheck measures one goroutine checking the messages of
// messages.tsv; msgs/s is the figure the README reports.
func BenchmarkCheck(b *testing.B) {
	e := newTestEngine(b)
	texts := benchTexts()
	var bytes int
	for _, t := range texts {
		bytes += len(t)
	}
	b.SetBytes(int64(bytes / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Check(scam.Message{Text: texts[i%len(texts)]})
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkNew measures building an engine with every language loaded,
// and the memory it holds.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep *Engine
	for i := 0; i < b.N; i++ {
		e, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		keep = e
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	_ = keep.Check(scam.Message{Text: "warm"})
	b.ReportMetric(float64(after.HeapAlloc-min(before.HeapAlloc, after.HeapAlloc))/(1<<20), "MB-heap")
	b.ReportMetric(float64(after.Sys)/(1<<20), "MB-sys")
}
