package detect

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrase is one pattern of a phrase rule, in view form.
type phrase struct {
	rule  int // index into Engine.rules
	lang  string
	text  string // normalised
	open0 bool   // no word boundary needed before it
	open1 bool   // no word boundary needed after it
}

// loadPhrases reads every phrases/LANG.txt file of fsys.
//
// The format, for people who add a language: a line "[rule.id]" starts the
// phrases of a rule (ids are listed in rules.tsv); each following line is one
// phrase, written naturally. "{a|b|}" gives alternatives (an empty one makes
// the part optional); "*" at the start or end lets the phrase sit inside a
// longer word ("invest*" matches "investment"). Words of Latin, Cyrillic and
// other spaced scripts match whole words only; Chinese, Japanese, Thai, Khmer,
// Lao and Burmese phrases match anywhere. Case, accents, full-width forms and
// look-alike letters do not matter. "#" starts a comment line.
func loadPhrases(fsys fs.FS, ruleIndex map[string]int) ([]phrase, error) {
	names, err := fs.Glob(fsys, "phrases/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []phrase
	var vb viewBuilder
	var v view
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		rule, line := -1, 0
		for sc.Scan() {
			line++
			raw := strings.TrimSpace(sc.Text())
			if raw == "" || strings.HasPrefix(raw, "#") {
				continue
			}
			if strings.HasPrefix(raw, "[") && strings.HasSuffix(raw, "]") {
				id := raw[1 : len(raw)-1]
				r, ok := ruleIndex[id]
				if !ok {
					f.Close()
					return nil, fmt.Errorf("%s:%d: unknown rule %q (add it to rules.tsv)", name, line, id)
				}
				rule = r
				continue
			}
			if rule < 0 {
				f.Close()
				return nil, fmt.Errorf("%s:%d: phrase before any [rule] header", name, line)
			}
			alts, err := expand(raw)
			if err == nil {
				err = checkGroups(raw, &vb, &v)
			}
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			for _, a := range alts {
				p := phrase{rule: rule, lang: lang}
				if strings.HasPrefix(a, "*") {
					p.open0, a = true, a[1:]
				}
				if strings.HasSuffix(a, "*") {
					p.open1, a = true, a[:len(a)-1]
				}
				vb.build(a, &v)
				p.text = strings.TrimSpace(string(v.s))
				if p.text == "" {
					continue
				}
				if r, _ := utf8.DecodeRuneInString(p.text); unspaced(r) {
					p.open0 = true
				}
				if r, _ := utf8.DecodeLastRuneInString(p.text); unspaced(r) {
					p.open1 = true
				}
				if utf8.RuneCountInString(p.text) < 2 {
					f.Close()
					return nil, fmt.Errorf("%s:%d: phrase %q is too short to mean anything", name, line, a)
				}
				out = append(out, p)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
	}
	return out, nil
}

// expand writes out the alternatives of "{a|b}" groups.
func expand(s string) ([]string, error) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		if strings.ContainsAny(s, "|}") {
			return nil, fmt.Errorf("%q: '|' or '}' outside a {group}", s)
		}
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return nil, fmt.Errorf("%q: '{' without '}'", s)
	}
	j += i
	rest, err := expand(s[j+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, alt := range strings.Split(s[i+1:j], "|") {
		for _, r := range rest {
			out = append(out, s[:i]+alt+r)
		}
	}
	if len(out) > 16384 {
		return nil, fmt.Errorf("%q: over 16384 alternatives", s)
	}
	// An empty alternative leaves a double space; the view folds it away.
	return out, nil
}

// checkGroups refuses an alternative made only of symbols ("{$|usd}"): the
// matcher drops symbols, so it would silently match nothing there and turn
// the phrase into a shorter, looser one.
func checkGroups(s string, vb *viewBuilder, v *view) error {
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return nil
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return nil
		}
		for _, alt := range strings.Split(s[i+1:i+j], "|") {
			if strings.TrimSpace(alt) == "" {
				continue
			}
			if vb.build(alt, v); len(strings.TrimSpace(string(v.s))) == 0 {
				return fmt.Errorf("alternative %q is only symbols, which matching ignores; drop it", alt)
			}
		}
		s = s[i+j+1:]
	}
}

// unspaced reports whether r belongs to a script written without spaces
// between words, where a phrase may start or end inside a run of letters.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}

// atBoundary reports whether s[i] begins or ends a word (i is the position
// just outside the match: i-1 for a start, end for an end).
func atBoundary(s []byte, i int) bool {
	return i < 0 || i >= len(s) || s[i] == ' '
}
