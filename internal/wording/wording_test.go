package wording_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

func load(t *testing.T) *wording.Catalog {
	t.Helper()
	c, err := wording.Load(messages.FS())
	if err != nil {
		t.Fatalf("the embedded catalog does not load: %v", err)
	}
	return c
}

func TestEveryRuleHasAnEnglishExplanation(t *testing.T) {
	c := load(t)
	e, err := detect.New(detect.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range e.RuleIDs() {
		if !c.Has(wording.Fallback, "rule."+id) {
			t.Errorf("rule %s has no explanation in replies/en.txt", id)
		}
	}
	for _, cat := range scam.Typologies {
		for _, prefix := range []string{"category.", "advice."} {
			if !c.Has(wording.Fallback, prefix+string(cat)) {
				t.Errorf("replies/en.txt lacks %s%s", prefix, cat)
			}
		}
	}
}

func TestCatalogFormatErrors(t *testing.T) {
	for name, content := range map[string]string{
		"a line without '='":    "just words\n",
		"a key defined twice":   "a = 1\na = 2\n",
		"a continuation at top": "  more\n",
		"a key with a space":    "a b = 1\n",
	} {
		fsys := fstest.MapFS{"replies/en.txt": {Data: []byte(content)}}
		if _, err := wording.Load(fsys); err == nil {
			t.Errorf("%s: loaded, want an error", name)
		}
	}
	if _, err := wording.Load(fstest.MapFS{"replies/fr.txt": {Data: []byte("a = b\n")}}); err == nil {
		t.Error("a catalog without English loaded")
	}
}

func TestContinuationLinesAndDetails(t *testing.T) {
	fsys := fstest.MapFS{"replies/en.txt": {Data: []byte("greet = Hello {detail},\n  welcome.\n")}}
	c, err := wording.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Text("en", "greet", "Ana"), "Hello Ana,\nwelcome."; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if got := c.Text("en", "missing.key", ""); got != "missing.key" {
		t.Errorf("a missing key reads %q, want the key itself", got)
	}
}

func TestExplainQuotesEvidence(t *testing.T) {
	c := load(t)
	text := "Congratulations you have won! Send the Steam gift card codes to claim."
	start := strings.Index(text, "Steam gift card codes")
	v := scam.Verdict{Level: scam.High, Category: scam.AdvanceFee, Signals: []scam.Signal{{
		Rule: "payment.gift_card", Category: scam.Payment, Weight: 2, Explain: "payment.gift_card",
		Evidence: []scam.Span{{Start: start, End: start + len("Steam gift card codes")}, {Start: 500, End: 600}},
	}}}
	e := c.Explain(v, text, "en")
	if e.Headline != "Very likely a scam" || e.Category == "" {
		t.Errorf("headline %q, category %q", e.Headline, e.Category)
	}
	if len(e.Flags) != 1 || len(e.Flags[0].Quotes) != 1 || e.Flags[0].Quotes[0] != "Steam gift card codes" {
		t.Errorf("flags = %+v, want one quote of the evidence (the span outside the text dropped)", e.Flags)
	}
	if len(e.Advice) < 2 || !strings.Contains(e.Advice[len(e.Advice)-1], "never asks") {
		t.Errorf("advice = %q, want it to end with the privacy promise", e.Advice)
	}
}

func TestQuoteIsShortAndValid(t *testing.T) {
	long := strings.Repeat("word ", 100)
	q := wording.Quote(long, scam.Span{Start: 0, End: len(long)})
	if n := len([]rune(q)); n > 80 || !strings.HasSuffix(q, "…") {
		t.Errorf("quote of %d runes %q, want at most 80 ending in …", n, q)
	}
	if q := wording.Quote("a\xffb", scam.Span{Start: 0, End: 3}); q != "a\uFFFDb" {
		t.Errorf("quote %q, want invalid bytes replaced", q)
	}
}
