// Package wording turns verdicts into words in the reader's language, from
// the reply catalogs in messages/ (replies/LANG.txt).
package wording

import (
	"bufio"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Fallback is the language every catalog falls back to.
const Fallback = "en"

// Catalog holds the reply phrases of every language.
type Catalog struct {
	langs map[string]map[string]string
	set   *scam.LanguageSet
}

// Load reads replies/*.txt from fsys. English must be there: it is the
// fallback for keys a translation lacks.
func Load(fsys fs.FS) (*Catalog, error) {
	names, err := fs.Glob(fsys, "replies/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	c := &Catalog{langs: map[string]map[string]string{}}
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if _, err := language.Parse(lang); err != nil {
			return nil, fmt.Errorf("%s: %q is not a language code: %v", name, lang, err)
		}
		entries, err := readCatalog(fsys, name)
		if err != nil {
			return nil, err
		}
		c.langs[lang] = entries
	}
	if c.langs[Fallback] == nil {
		return nil, fmt.Errorf("replies/%s.txt is missing", Fallback)
	}
	c.set, err = scam.NewLanguageSet(Fallback, slices.Collect(maps.Keys(c.langs)))
	if err != nil {
		return nil, err
	}
	return c, nil
}

func readCatalog(fsys fs.FS, name string) (map[string]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	line, last := 0, ""
	for sc.Scan() {
		line++
		raw := sc.Text()
		trimmed := strings.TrimSpace(raw)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if raw[0] == ' ' || raw[0] == '\t' {
			if last == "" {
				return nil, fmt.Errorf("%s:%d: continuation line with no entry above", name, line)
			}
			out[last] += "\n" + trimmed
			continue
		}
		key, val, ok := strings.Cut(trimmed, "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			return nil, fmt.Errorf("%s:%d: want \"key = text\"", name, line)
		}
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("%s:%d: %q is defined twice", name, line, key)
		}
		out[key], last = val, key
	}
	return out, sc.Err()
}

// Languages lists the catalog's languages, the fallback first.
func (c *Catalog) Languages() []string { return c.set.Names() }

// Match returns the catalog language that best fits the preferences given
// ("fr-CA", "zh-Hant-TW", "en-GB,en;q=0.8"); English when nothing fits.
func (c *Catalog) Match(prefs ...string) string { return c.set.Match(prefs...) }

// Has reports whether lang's own catalog (not the fallback) has key.
func (c *Catalog) Has(lang, key string) bool {
	_, ok := c.langs[lang][key]
	return ok
}

// Keys lists the keys of lang's catalog.
func (c *Catalog) Keys(lang string) []string {
	keys := make([]string, 0, len(c.langs[lang]))
	for k := range c.langs[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Text returns the phrase for key in lang, falling back to English, with
// {detail} replaced by detail. A key missing everywhere returns the key
// itself, so a gap shows in tests rather than as an empty reply.
func (c *Catalog) Text(lang, key, detail string) string {
	s, ok := c.langs[lang][key]
	if !ok {
		if s, ok = c.langs[Fallback][key]; !ok {
			return key
		}
	}
	if detail != "" || strings.Contains(s, "{detail}") {
		s = strings.ReplaceAll(s, "{detail}", detail)
	}
	return s
}
