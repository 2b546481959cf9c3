package detect

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

func TestEmbeddedDataLoads(t *testing.T) {
	newTestEngine(t)
}

// testRules returns the embedded rule data with the phrase files replaced
// by one English file holding phrases.
func testRules(t *testing.T, phrases string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(embedded, "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "data/phrases/") {
			return err
		}
		b, err := fs.ReadFile(embedded, p)
		m[strings.TrimPrefix(p, "data/")] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m["phrases/en.txt"] = &fstest.MapFile{Data: []byte(phrases)}
	return m
}

func TestPhraseFormatErrors(t *testing.T) {
	for name, phrases := range map[string]string{
		"an unknown rule":            "[no.such.rule]\nhello there\n",
		"a phrase before any header": "hello there\n",
		"an unclosed group":          "[prize.claim]\n{claim|win now\n",
		"a symbol-only alternative":  "[prize.claim]\n{$|usd} prize\n",
		"a gap at the end":           "[prize.claim]\nclaim ...\n",
		"only optional parts":        "[prize.claim]\n{a|} {b|}\n",
	} {
		if _, err := New(Options{Data: testRules(t, phrases)}); err == nil {
			t.Errorf("%s: loaded, want an error", name)
		}
	}
}
