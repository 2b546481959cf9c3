package detect

import (
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// BenchmarkAdversarial checks texts built to find slow paths (repeated
// atoms, dots, stars, brackets, long labels) at the size cap; each should
// stay in the low milliseconds.
func BenchmarkAdversarial(b *testing.B) {
	e := newTestEngine(b)
	inputs := []struct{ name, text string }{
		{"repeated_phrase_starts", strings.Repeat("you have ", 7000)},
		{"single_letters", strings.Repeat("a ", 30000)},
		{"dots", strings.Repeat("a.", 30000)},
		{"long_label", strings.Repeat("steamcommunity", 4) + ".com " + strings.Repeat("x", 60000)},
		{"digits", strings.Repeat("1", 64000)},
		{"dotted_digits", strings.Repeat("1.", 32000)},
		{"chinese", strings.Repeat("加微信", 20000)},
		{"chinese_ids", strings.Repeat("加 sx111505 ", 6000)},
		{"stars", strings.Repeat("*21*", 16000)},
		{"masked_links", strings.Repeat("[a](http", 8000)},
		{"defanged", strings.Repeat("hxxp[.]", 9000)},
		{"at_signs", strings.Repeat("a@b.", 16000)},
		{"hyphens", strings.Repeat("ab-", 20000) + ".com"},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				e.Check(scam.Message{Text: in.text})
			}
		})
	}
}
