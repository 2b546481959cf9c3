// Package tips loads the awareness library (messages/tips/LANG.txt) and
// decides which tip a chat sees next. The file format is described in
// messages/tips/FORMAT.md.
package tips

import (
	"bufio"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Original is the language every tip is written in first; translations
// inherit its tags, sources, priority and season.
const Original = "en"

// Limits of one tip: the body must fit one chat message.
const (
	MaxTitle = 80
	MaxBody  = 900
)

// Tags are the typology tags a tip may carry (scam.TipTags).
var Tags = scam.TipTags

// Tip is one awareness tip in one language (an alias, so callers need
// not import this package to hold one).
type Tip = scam.Tip

// Library is every tip in every language.
type Library struct {
	ids  []string                  // the original tips, in file order
	tips map[string]map[string]Tip // lang -> id -> tip
	set  *scam.LanguageSet
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads tips/*.txt from fsys and validates every entry: unique ids,
// required fields, length limits, known tags, and an original for every
// translation. The first problem found is returned with its file and line.
func Load(fsys fs.FS) (*Library, error) {
	names, err := fs.Glob(fsys, "tips/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	l := &Library{tips: map[string]map[string]Tip{}}
	files := map[string][]entry{}
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if _, err := language.Parse(lang); err != nil {
			return nil, fmt.Errorf("%s: %q is not a language code", name, lang)
		}
		es, err := readFile(fsys, name)
		if err != nil {
			return nil, err
		}
		files[lang] = es
	}
	orig, ok := files[Original]
	if !ok {
		return nil, fmt.Errorf("tips/%s.txt is missing: every tip is written in English first", Original)
	}
	l.tips[Original] = map[string]Tip{}
	for _, e := range orig {
		t, err := e.original()
		if err != nil {
			return nil, err
		}
		if _, dup := l.tips[Original][t.ID]; dup {
			return nil, e.errorf("tip %q is defined twice", t.ID)
		}
		l.tips[Original][t.ID] = t
		l.ids = append(l.ids, t.ID)
	}
	if l.set, err = scam.NewLanguageSet(Original, slices.Collect(maps.Keys(files))); err != nil {
		return nil, err
	}
	for _, lang := range l.set.Names()[1:] {
		l.tips[lang] = map[string]Tip{}
		for _, e := range files[lang] {
			o, ok := l.tips[Original][e.id]
			if !ok {
				return nil, e.errorf("tip %q has no English original in tips/%s.txt", e.id, Original)
			}
			t, err := e.translation(o, lang)
			if err != nil {
				return nil, err
			}
			if _, dup := l.tips[lang][t.ID]; dup {
				return nil, e.errorf("tip %q is defined twice", t.ID)
			}
			l.tips[lang][t.ID] = t
		}
	}
	return l, nil
}

// Languages lists the library's languages, English first.
func (l *Library) Languages() []string { return l.set.Names() }

// Match returns the library language that best fits a platform locale or
// an Accept-Language list ("fr-CA", "zh-Hans", "zh-TW"); English when
// nothing fits.
func (l *Library) Match(prefs ...string) string { return l.set.Match(prefs...) }

// IDs lists every tip id, in the order of the English file.
func (l *Library) IDs() []string { return slices.Clone(l.ids) }

// Get returns tip id in lang, or in English when it has no translation
// (Tip.Lang says which). ok is false for an unknown id.
func (l *Library) Get(id, lang string) (Tip, bool) {
	if t, ok := l.tips[lang][id]; ok {
		return t, true
	}
	t, ok := l.tips[Original][id]
	return t, ok
}

// Translated reports whether tip id has its own text in lang.
func (l *Library) Translated(id, lang string) bool {
	_, ok := l.tips[lang][id]
	return ok
}

// List returns every tip in lang (English where a translation is missing)
// that carries at least one of tags, or all of them when tags is empty.
func (l *Library) List(lang string, tags ...string) []Tip {
	var out []Tip
	for _, id := range l.ids {
		t, _ := l.Get(id, lang)
		if t.HasTag(tags...) {
			out = append(out, t)
		}
	}
	return out
}

// UnknownTags returns the tags of tags that no tip may carry, so a command
// can refuse "/tips tags jobs" with a clear message.
func UnknownTags(tags []string) []string { return scam.UnknownTipTags(tags) }

// entry is one [id] block of a file, not yet validated.
type entry struct {
	file   string
	line   int
	id     string
	fields map[string]string
	body   []string
}

func (e entry) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", e.file, e.line, fmt.Sprintf(format, args...))
}

func readFile(fsys fs.FS, name string) ([]entry, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []entry
	var cur *entry
	inBody := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		raw := strings.TrimRight(sc.Text(), " \t\r")
		if !utf8.ValidString(raw) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, n)
		}
		if strings.HasPrefix(raw, "#") {
			continue
		}
		if strings.HasPrefix(raw, "[") {
			id, ok := strings.CutSuffix(strings.TrimPrefix(raw, "["), "]")
			if !ok || !idPattern.MatchString(id) {
				return nil, fmt.Errorf("%s:%d: want [id] with lowercase letters, digits and hyphens, got %q", name, n, raw)
			}
			out = append(out, entry{file: name, line: n, id: id, fields: map[string]string{}})
			cur, inBody = &out[len(out)-1], false
			continue
		}
		switch {
		case cur == nil:
			if raw != "" {
				return nil, fmt.Errorf("%s:%d: text before the first [id]", name, n)
			}
		case inBody:
			cur.body = append(cur.body, raw)
		case raw == "":
			inBody = true
		default:
			key, val, ok := strings.Cut(raw, ":")
			key, val = strings.TrimSpace(key), strings.TrimSpace(val)
			if !ok || key == "" || strings.ContainsAny(key, " \t") {
				return nil, fmt.Errorf("%s:%d: want \"key: value\" before the body's empty line", name, n)
			}
			if _, dup := cur.fields[key]; dup {
				return nil, fmt.Errorf("%s:%d: %q given twice", name, n, key)
			}
			cur.fields[key] = val
		}
	}
	return out, sc.Err()
}

// text checks and returns the title and body every language must have.
func (e entry) text() (title, body string, err error) {
	title = e.fields["title"]
	body = strings.TrimSpace(strings.Join(e.body, "\n"))
	switch {
	case title == "":
		return "", "", e.errorf("tip %q has no title", e.id)
	case utf8.RuneCountInString(title) > MaxTitle:
		return "", "", e.errorf("tip %q: title is %d characters, at most %d fit", e.id, utf8.RuneCountInString(title), MaxTitle)
	case body == "":
		return "", "", e.errorf("tip %q has no body (after an empty line below its fields)", e.id)
	case utf8.RuneCountInString(body) > MaxBody:
		return "", "", e.errorf("tip %q: body is %d characters, at most %d fit one chat message", e.id, utf8.RuneCountInString(body), MaxBody)
	}
	return title, body, nil
}

func (e entry) original() (Tip, error) {
	title, body, err := e.text()
	if err != nil {
		return Tip{}, err
	}
	t := Tip{ID: e.id, Lang: Original, Title: title, Body: body, Priority: "normal"}
	for key, val := range e.fields {
		switch key {
		case "title":
		case "tags":
			t.Tags = splitList(val)
			if len(t.Tags) == 0 {
				return Tip{}, e.errorf("tip %q has no tags", e.id)
			}
			if bad := UnknownTags(t.Tags); len(bad) > 0 {
				return Tip{}, e.errorf("tip %q: unknown tag %q (known: %s)", e.id, bad[0], strings.Join(Tags, ", "))
			}
		case "sources":
			t.Sources = splitList(val)
			for _, s := range t.Sources {
				if !strings.HasPrefix(s, "https://") && !strings.HasPrefix(s, "http://") {
					return Tip{}, e.errorf("tip %q: source %q is not a web address", e.id, s)
				}
			}
		case "priority":
			if val != "high" && val != "normal" {
				return Tip{}, e.errorf("tip %q: priority is %q, want high or normal", e.id, val)
			}
			t.Priority = val
		case "season":
			s, err := scam.ParseSeason(val)
			if err != nil {
				return Tip{}, e.errorf("tip %q: %v", e.id, err)
			}
			t.Season = &s
		default:
			return Tip{}, e.errorf("tip %q: unknown field %q", e.id, key)
		}
	}
	switch {
	case t.Tags == nil:
		return Tip{}, e.errorf("tip %q has no tags", e.id)
	case len(t.Sources) == 0:
		return Tip{}, e.errorf("tip %q has no sources: every fact needs one", e.id)
	}
	return t, nil
}

// translation takes the metadata from the original o; a translation may
// only carry a title and a body.
func (e entry) translation(o Tip, lang string) (Tip, error) {
	title, body, err := e.text()
	if err != nil {
		return Tip{}, err
	}
	for key := range e.fields {
		if key != "title" {
			return Tip{}, e.errorf("tip %q: %q belongs in tips/%s.txt only; a translation has a title and a body", e.id, key, Original)
		}
	}
	t := o
	t.Lang, t.Title, t.Body = lang, title, body
	return t, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
