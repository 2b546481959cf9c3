package detect

import (
	"testing"
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// FuzzCheck: Check never panics, and every piece of evidence lies inside
// the checked text, on rune boundaries.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"",
		"hello",
		"Add me on WhatsApp, guaranteed returns, send USDT to TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
		"fr33 n1tro at hxxps://dlscord[.]gift/claim",
		"ｐａｙｐａｌ．com.verify-login.top/?url=https://evil.example",
		"F R E E  N I T R O",
		"稳赚不赔，加微信 wx123456，USDT 地址",
		"\xff\xfe\x00free\u200bnitro\xc3",
		"[discord.com](https://xn--dscord-7va.com)",
		"call 09061701461 or text WIN to 80086, £1000 prize",
		"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
	} {
		f.Add(s)
	}
	e, err := New(Options{MaxBytes: 4096})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v := e.Check(scam.Message{Text: text, Forward: &scam.Forward{HiddenSender: len(text)%2 == 0}})
		checked := text[:v.CheckedBytes]
		if v.CheckedBytes > len(text) || v.Truncated != (v.CheckedBytes < len(text)) {
			t.Fatalf("checked %d of %d bytes, truncated=%v", v.CheckedBytes, len(text), v.Truncated)
		}
		bounds := runeBounds(checked)
		for _, s := range v.Signals {
			for _, ev := range s.Evidence {
				if ev.Start < 0 || ev.End > len(checked) || ev.Start >= ev.End {
					t.Fatalf("%s: evidence %v outside [0,%d)", s.Rule, ev, len(checked))
				}
				if !bounds[ev.Start] || !bounds[ev.End] {
					t.Fatalf("%s: evidence %v not on rune boundaries of %q", s.Rule, ev, checked)
				}
			}
		}
		if v.Level < scam.Low || v.Level > scam.High {
			t.Fatalf("level %v", v.Level)
		}
	})
}

// runeBounds marks the offsets where decoding text from its start lands:
// the starts of runes (invalid bytes count as one rune each) and the end.
func runeBounds(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		b[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	b[len(text)] = true
	return b
}
