package wording_test

import (
	"slices"
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

// Every language says everything English says: each engine explanation,
// category, advice, help text and error. A missing phrase would silently
// fall back to English in the middle of a French answer.
func TestEveryLanguageHasEveryPhrase(t *testing.T) {
	c := load(t)
	for _, want := range []string{"fr", "zh"} {
		if !slices.Contains(c.Languages(), want) {
			t.Errorf("no replies/%s.txt", want)
		}
	}
	en := c.Keys(wording.Fallback)
	for _, lang := range c.Languages()[1:] {
		for _, k := range en {
			if !c.Has(lang, k) {
				t.Errorf("replies/%s.txt lacks %s", lang, k)
			}
		}
		for _, k := range c.Keys(lang) {
			if !c.Has(wording.Fallback, k) {
				t.Errorf("replies/%s.txt has %s, which English does not", lang, k)
			}
		}
		for _, k := range en {
			if strings.Contains(c.Text(wording.Fallback, k, "{detail}"), "{detail}") != strings.Contains(c.Text(lang, k, "{detail}"), "{detail}") {
				t.Errorf("replies/%s.txt: %s uses {detail} differently from English", lang, k)
			}
		}
	}
}

func TestDirectory(t *testing.T) {
	d, err := wording.LoadDirectory(messages.FS())
	if err != nil {
		t.Fatalf("the embedded reporting directory does not load: %v", err)
	}
	codes := d.Codes()
	if len(codes) < 16 {
		t.Errorf("%d countries, want at least 16: %v", len(codes), codes)
	}
	for _, want := range []string{"CA", "US", "GB", "AU", "SG", "MY", "TH", "PH", "ID", "VN", "KH", "HK", "TW", "CN", "IN", "KR"} {
		if !slices.Contains(codes, want) {
			t.Errorf("the directory lacks %s", want)
		}
	}
	sg, ok := d.Lookup("sg")
	if !ok || len(sg.Sources) == 0 || sg.Checked == "" {
		t.Fatalf("Lookup(sg) = %+v, %v", sg, ok)
	}
	c := load(t)
	p := c.WhereToReport(d, "SG", "fr")
	if !strings.Contains(p.Heading, "Singapour") || len(p.Lines) == 0 || p.Lines[0].Label == "" {
		t.Errorf("French place = %+v, want the country named in French and labelled lines", p)
	}
	if p := c.WhereToReport(d, "", "en"); p.Note == "" || len(p.Lines) != 0 {
		t.Errorf("no country: %+v", p)
	}
	if p := c.WhereToReport(d, "ZZ", "en"); !strings.Contains(p.Note, "ZZ") {
		t.Errorf("unknown country: %+v", p)
	}
	if got := d.CountryName("TW", "zh"); got == "" || got == "Taiwan" {
		t.Errorf("CountryName(TW, zh) = %q, want a Chinese name", got)
	}
}

func TestDirectoryFormatErrors(t *testing.T) {
	for text, want := range map[string]string{
		"[SG]\nname: Singapore\nphone: 1799\nchecked: 2026-01-01\n":            "no sources",
		"[SG]\nname: Singapore\nsources: https://x\nchecked: 2026-01-01\n":     "no report or phone",
		"[SG]\nphone: 1799\nsources: https://x\nchecked: 2026-01-01\n":         "no name",
		"[SG]\nname: S\nphone: 1799\nsources: https://x\n":                     "no checked date",
		"[SG]\nname: S\nphone: 1799\nsources: https://x\nchecked: yesterday\n": "YYYY-MM-DD",
		"[Sg]\nname: S\n":         "want [XX]",
		"[SG]\nname: S\nfax: 1\n": "unknown field",
		"name: S\n":               "before the first",
		"[SG]\nname: S\nphone: 1\nsources: https://x\nchecked: 2026-01-01\n[SG]\nname: S\nphone: 1\nsources: https://x\nchecked: 2026-01-01\n": "listed twice",
	} {
		_, err := wording.LoadDirectory(fstest.MapFS{"reporting/directory.txt": &fstest.MapFile{Data: []byte(text)}})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error with %q", text, err, want)
		}
	}
}

func TestDirectoryNotesInOtherLanguages(t *testing.T) {
	const entry = "[SG]\nname: Singapore\nphone: 1799 | Helpline\nphone: 999 | Police\nsources: https://x\nchecked: 2026-01-01\n"
	load := func(notes string) (*wording.Directory, error) {
		return wording.LoadDirectory(fstest.MapFS{
			"reporting/directory.txt": &fstest.MapFile{Data: []byte(entry)},
			"reporting/notes/ms.txt":  &fstest.MapFile{Data: []byte(notes)},
		})
	}
	d, err := load("# Malay\n[SG]\n1799 = Talian bantuan\n")
	if err != nil {
		t.Fatal(err)
	}
	e, _ := d.Lookup("SG")
	if e.Channels[0].Notes["ms"] != "Talian bantuan" || e.Channels[1].Notes != nil {
		t.Errorf("channels = %+v", e.Channels)
	}
	for notes, want := range map[string]string{
		"[SG]\n1800 = Talian\n":                     "no channel",
		"[MY]\n1799 = Talian\n":                     "not in the directory",
		"1799 = Talian\n":                           "before the first",
		"[SG]\n1799 Talian\n":                       "address = note",
		"[SG]\n1799 = Talian\n1799 = Talian lagi\n": "two notes",
	} {
		if _, err := load(notes); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error with %q", notes, err, want)
		}
	}
}

// Every translated note names a real channel of a country the directory
// lists, and the answers in that language show it.
func TestRealDirectoryNotesAreShown(t *testing.T) {
	c := load(t)
	d, err := wording.LoadDirectory(messages.FS())
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, code := range d.Codes() {
		e, _ := d.Lookup(code)
		for _, ch := range e.Channels {
			for lang, note := range ch.Notes {
				p := c.WhereToReport(d, code, lang)
				if !slices.ContainsFunc(p.Lines, func(l wording.PlaceLine) bool { return l.Note == note }) {
					t.Errorf("%s %s: the %s note is not in the answer", code, ch.Address, lang)
				}
				shown++
			}
		}
	}
	if shown == 0 {
		t.Error("no translated note in the directory")
	}
	// An answer in a language without a note shows none, not English.
	if p := c.WhereToReport(d, "TH", "fr"); slices.ContainsFunc(p.Lines, func(l wording.PlaceLine) bool { return l.Note != "" }) {
		t.Errorf("a French answer about Thailand shows notes: %+v", p.Lines)
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
