package detect

import (
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func buildView(text string) view {
	var b viewBuilder
	var v view
	b.build(text, &v)
	return v
}

func TestViewNormalises(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lower-cases and folds punctuation to single spaces", "Add me on WhatsApp!!!", "add me on whatsapp"},
		{"undoes leetspeak inside words", "fr33 n1tro", "free nitro"},
		{"keeps numbers that are numbers", "call 0800 now, 150p/msg", "call 0800 now 150p msg"},
		{"joins spaced-out letters", "F R E E  N I T R O gift", "free nitro gift"},
		{"drops zero-width characters inside words", "pay\u200bpal ver\u200dify", "paypal verify"},
		{"maps Cyrillic look-alikes to Latin", "раураl", "paypal"},
		{"maps full-width forms", "ＦＲＥＥ　ＮＩＴＲＯ", "free nitro"},
		{"drops Latin accents", "Expérience non requise", "experience non requise"},
		{"keeps Chinese as it is", "稳赚不赔，加微信", "稳赚不赔 加微信"},
		{"keeps Thai vowel marks", "ลงทุน", "ลงทุน"},
		{"turns invalid bytes into separators", "free\xffnitro", "free nitro"},
		{"does not join three single letters", "u r a winner", "u r a winner"},
		{"drops a lone dollar sign", "send $ 500 now", "send 500 now"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := buildView(tt.in)
			if got := string(v.s); got != tt.want {
				t.Errorf("view(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestViewMapsBackToTheOriginal(t *testing.T) {
	in := "Héllo ＦＲＥＥ n1tro\u200b here"
	v := buildView(in)
	i := strings.Index(string(v.s), "free nitro")
	if i < 0 {
		t.Fatalf("view %q lacks %q", v.s, "free nitro")
	}
	s, e := v.span(i, i+len("free nitro"))
	if got, want := in[s:e], "ＦＲＥＥ n1tro"; got != want {
		t.Errorf("span maps to %q, want %q", got, want)
	}
	if len(v.src) != len(v.s) {
		t.Errorf("offset map has %d entries for %d bytes", len(v.src), len(v.s))
	}
}

func TestViewKeepsDigitsBesideChinese(t *testing.T) {
	if got, want := string(buildView("请在24小时内").s), "请在24小时内"; got != want {
		t.Errorf("view = %q, want %q", got, want)
	}
}

func TestPhraseGaps(t *testing.T) {
	e, err := New(Options{Data: testRules(t, "[prize.claim]\ncall ... to claim\n加 ... 微信\n")})
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"call our office now to claim":          true,
		"call to claim":                         true,
		"call one two three four five to claim": false,
		"to claim call":                         false,
		"加我的微信":                                 true,
		"加一二三四五六七八微信":                           false,
	} {
		got := false
		for _, s := range e.Check(scam.Message{Text: text}).Signals {
			got = got || s.Rule == "prize.claim"
		}
		if got != want {
			t.Errorf("%q: fired = %v, want %v", text, got, want)
		}
	}
}
