package tips

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/messages"
)

func tip(id, tags, extra, title, body string) string {
	s := "[" + id + "]\ntitle: " + title + "\n"
	if tags != "" {
		s += "tags: " + tags + "\nsources: https://example.org/" + id + "\n"
	}
	return s + extra + "\n" + body + "\n\n"
}

func load(t *testing.T, files map[string]string) *Library {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys["tips/"+name] = &fstest.MapFile{Data: []byte(text)}
	}
	l, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The real library must load; every translation must have an original,
// and every language needs the count the issue promises.
func TestRealLibrary(t *testing.T) {
	l, err := Load(messages.FS())
	if err != nil {
		t.Fatalf("the embedded tip library does not load: %v", err)
	}
	if n := len(l.IDs()); n < 40 {
		t.Errorf("%d English tips, want at least 40", n)
	}
	for _, lang := range l.Languages() {
		n := 0
		for _, id := range l.IDs() {
			if l.Translated(id, lang) {
				n++
			}
		}
		t.Logf("%s: %d tips", lang, n)
		if n < 40 {
			t.Errorf("%s has %d tips of its own, want at least 40", lang, n)
		}
	}
	for _, want := range []string{"en", "fr", "zh"} {
		if !slices.Contains(l.Languages(), want) {
			t.Errorf("no tips in %s", want)
		}
	}
	// Every typology tag has tips, so a chat asking for it is never empty.
	for _, tag := range Tags {
		if tag == "general" {
			continue
		}
		if len(l.List(Original, tag)) == 0 {
			t.Errorf("no tip carries the tag %q", tag)
		}
	}
}

func TestLoadRefusesBadEntries(t *testing.T) {
	good := tip("a-tip", "job", "", "Title", "Body.")
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no English file", map[string]string{"fr.txt": good}, "tips/en.txt is missing"},
		{"duplicate id", map[string]string{"en.txt": good + good}, "defined twice"},
		{"unknown tag", map[string]string{"en.txt": tip("a", "jobs", "", "T", "B")}, `unknown tag "jobs"`},
		{"no tags", map[string]string{"en.txt": "[a]\ntitle: T\nsources: https://x.org\n\nBody\n"}, "no tags"},
		{"no sources", map[string]string{"en.txt": "[a]\ntitle: T\ntags: job\n\nBody\n"}, "no sources"},
		{"source not a web address", map[string]string{"en.txt": "[a]\ntitle: T\ntags: job\nsources: SCAMS.md\n\nBody\n"}, "not a web address"},
		{"no title", map[string]string{"en.txt": "[a]\ntags: job\nsources: https://x.org\n\nBody\n"}, "no title"},
		{"no body", map[string]string{"en.txt": "[a]\ntitle: T\ntags: job\nsources: https://x.org\n"}, "no body"},
		{"long body", map[string]string{"en.txt": tip("a", "job", "", "T", strings.Repeat("é", MaxBody+1))}, "at most 900"},
		{"long title", map[string]string{"en.txt": tip("a", "job", "", strings.Repeat("t", MaxTitle+1), "B")}, "title is 81"},
		{"bad id", map[string]string{"en.txt": tip("A Tip", "job", "", "T", "B")}, "want [id]"},
		{"bad priority", map[string]string{"en.txt": tip("a", "job", "priority: urgent\n", "T", "B")}, "priority"},
		{"bad season", map[string]string{"en.txt": tip("a", "job", "season: 13-01..14-01\n", "T", "B")}, "not a day of the year"},
		{"unknown field", map[string]string{"en.txt": tip("a", "job", "colour: red\n", "T", "B")}, `unknown field "colour"`},
		{"translation without original", map[string]string{"en.txt": good, "fr.txt": tip("other", "", "", "T", "B")}, "no English original"},
		{"translation with tags", map[string]string{"en.txt": good, "fr.txt": tip("a-tip", "job", "", "T", "B")}, "belongs in tips/en.txt"},
		{"not a language", map[string]string{"en.txt": good, "xx-notlang.txt": good}, "not a language code"},
		{"text before the first tip", map[string]string{"en.txt": "hello\n" + good}, "before the first [id]"},
		{"invalid UTF-8", map[string]string{"en.txt": tip("a", "job", "", "T", "B\xff")}, "not valid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range tc.files {
				fsys["tips/"+name] = &fstest.MapFile{Data: []byte(text)}
			}
			_, err := Load(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load: got %v, want an error with %q", err, tc.want)
			}
		})
	}
}

func TestTranslationsInheritAndFallBack(t *testing.T) {
	l := load(t, map[string]string{
		"en.txt": "# comment\n" + tip("one", "job, task", "priority: high\n", "One", "First paragraph.\n\nSecond paragraph.") +
			tip("two", "romance", "", "Two", "Body two."),
		"fr.txt": tip("one", "", "", "Un", "Premier paragraphe.\n\nDeuxième."),
	})
	fr, ok := l.Get("one", "fr")
	if !ok || fr.Lang != "fr" || fr.Title != "Un" || !slices.Equal(fr.Tags, []string{"job", "task"}) || fr.Priority != "high" || len(fr.Sources) != 1 {
		t.Errorf("French tip = %+v, want its own text and the original's metadata", fr)
	}
	if fr.Body != "Premier paragraphe.\n\nDeuxième." {
		t.Errorf("body = %q, paragraphs should be kept", fr.Body)
	}
	two, _ := l.Get("two", "fr")
	if two.Lang != "en" || two.Title != "Two" {
		t.Errorf("untranslated tip = %+v, want the English one", two)
	}
	if got := len(l.List("fr", "task")); got != 1 {
		t.Errorf("List(fr, task) has %d tips, want 1", got)
	}
	if _, ok := l.Get("nope", "en"); ok {
		t.Error("Get of an unknown id says ok")
	}
}

func TestMatch(t *testing.T) {
	l := load(t, map[string]string{
		"en.txt": tip("a", "job", "", "A", "B"),
		"fr.txt": tip("a", "", "", "A", "B"),
		"zh.txt": tip("a", "", "", "A", "B"),
	})
	for in, want := range map[string]string{
		"fr-CA": "fr", "fr": "fr", "zh-Hans": "zh", "zh-CN": "zh", "zh-TW": "zh", "en-GB": "en",
		"de": "en", "": "en", "not a tag!": "en", "de-DE,fr;q=0.8": "fr",
	} {
		if got := l.Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

// poolOf is a library of n English tips with the same tag.
func poolOf(t *testing.T, n int) *Library {
	var en strings.Builder
	for i := range n {
		fmt.Fprint(&en, tip(fmt.Sprintf("t%02d", i), "job", "", "T", "B"))
	}
	return load(t, map[string]string{"en.txt": en.String()})
}

func TestRotationNeverRepeatsWithinARound(t *testing.T) {
	l := poolOf(t, 7)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var seen []string
	for i := range 7 * 3 {
		tp, err := l.Next(Request{Chat: "tg:-100123", Lang: "en", Seen: seen, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		// Since its last showing, every other tip must have been shown.
		if k := lastIndex(seen, tp.ID); k >= 0 && len(distinct(seen[k+1:])) != 6 {
			t.Fatalf("post %d: %s repeats after only %v", i, tp.ID, seen[k+1:])
		}
		seen = append(seen, tp.ID)
	}
	// Each round of 7 holds every tip once.
	for r := range 3 {
		if got := len(distinct(seen[r*7 : r*7+7])); got != 7 {
			t.Errorf("round %d has %d different tips: %v", r, got, seen[r*7:r*7+7])
		}
	}
}

func TestRotationIsStablePerChatAndDiffersBetweenChats(t *testing.T) {
	l := poolOf(t, 12)
	order := func(chat string) []string {
		var seen []string
		for range 12 {
			tp, err := l.Next(Request{Chat: chat, Lang: "en", Seen: seen})
			if err != nil {
				t.Fatal(err)
			}
			seen = append(seen, tp.ID)
		}
		return seen
	}
	a, again, b := order("tg:1"), order("tg:1"), order("dc:2")
	if !slices.Equal(a, again) {
		t.Errorf("same chat, different order: %v vs %v", a, again)
	}
	if slices.Equal(a, b) {
		t.Errorf("two chats got the same order %v", a)
	}
}

func TestRotationFiltersPrefersAndFallsBack(t *testing.T) {
	l := load(t, map[string]string{
		"en.txt": tip("plain", "job", "", "P", "B") +
			tip("urgent", "job", "priority: high\n", "U", "B") +
			tip("xmas", "job", "season: 12-01..01-15\n", "X", "B") +
			tip("other", "romance", "", "O", "B") +
			tip("french", "job", "", "F", "B"),
		"fr.txt": tip("french", "", "", "Fr", "B"),
	})
	june := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	jan := time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC)
	next := func(lang string, now time.Time, seen ...string) string {
		tp, err := l.Next(Request{Chat: "c", Lang: lang, Tags: []string{"job"}, Seen: seen, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		return tp.ID
	}
	// English: in-season seasonal first, then high priority.
	if got := next("en", jan); got != "xmas" {
		t.Errorf("January: first tip %q, want the seasonal one", got)
	}
	if got := next("en", jan, "xmas"); got != "urgent" {
		t.Errorf("then %q, want the high-priority one", got)
	}
	// Out of season: never offered; the pool is the other three job tips.
	var seen []string
	for range 6 {
		id := next("en", june, seen...)
		if id == "xmas" || id == "other" {
			t.Fatalf("June offered %q", id)
		}
		seen = append(seen, id)
	}
	// French: the translated tip first, then English ones.
	tp, _ := l.Next(Request{Chat: "c", Lang: "fr", Tags: []string{"job"}, Now: june})
	if tp.ID != "french" || tp.Lang != "fr" {
		t.Errorf("French chat first got %s in %s, want the translated tip", tp.ID, tp.Lang)
	}
	tp, _ = l.Next(Request{Chat: "c", Lang: "fr", Tags: []string{"job"}, Seen: []string{"french"}, Now: june})
	if tp.Lang != "en" {
		t.Errorf("French chat then got %s in %s, want an English fallback", tp.ID, tp.Lang)
	}
	// Unknown tags and empty pools are clear errors.
	if _, err := l.Next(Request{Chat: "c", Tags: []string{"jobs"}}); scam.CodeOf(err) != scam.CodeBadArgument {
		t.Errorf("unknown tag: %v", err)
	}
	if _, err := l.Next(Request{Chat: "c", Tags: []string{"sextortion"}}); scam.CodeOf(err) != scam.CodeNotFound {
		t.Errorf("empty pool: %v", err)
	}
}

func TestNewTipIsShownBeforeRepeats(t *testing.T) {
	l := poolOf(t, 3)
	// t00..t02 exist; history holds two rounds of only t00 and t01 (t02 was
	// added later) and a tip that no longer exists.
	tp, err := l.Next(Request{Chat: "c", Lang: "en", Seen: []string{"t00", "t01", "gone", "t01", "t00"}})
	if err != nil || tp.ID != "t02" {
		t.Fatalf("got %s, %v; want the never-seen t02", tp.ID, err)
	}
}

func TestSeason(t *testing.T) {
	s, err := scam.ParseSeason("12-01..01-15")
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]bool{"2026-12-01": true, "2026-12-31": true, "2027-01-15": true, "2027-01-16": false, "2026-11-30": false, "2026-06-01": false} {
		d, _ := time.Parse(time.DateOnly, date)
		if got := s.Contains(d); got != want {
			t.Errorf("%s in %s = %v, want %v", date, s, got, want)
		}
	}
	if s, err := scam.ParseSeason("02-29..03-01"); err != nil || s.From.Day != 29 {
		t.Errorf("02-29 refused: %v", err)
	}
	for _, bad := range []string{"", "12-01", "02-30..03-01", "1-1..2-2", "12-01..01-15x", "13-01..01-01"} {
		if _, err := scam.ParseSeason(bad); err == nil {
			t.Errorf("ParseSeason(%q) accepted", bad)
		}
	}
}

func lastIndex(s []string, v string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func distinct(s []string) map[string]bool {
	m := map[string]bool{}
	for _, v := range s {
		m[v] = true
	}
	return m
}
