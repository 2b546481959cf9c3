package scam

import (
	"fmt"
	"slices"

	"golang.org/x/text/language"
)

// LanguageSet is the set of languages some content (replies, tips) exists
// in, and matches a reader's locale to the best of them.
type LanguageSet struct {
	names    []string // the fallback first
	matcher  language.Matcher
	fallback string
}

// NewLanguageSet builds the set of names (BCP 47 codes such as "en",
// "fr", "zh"); fallback must be one of them and is answered when nothing
// fits.
func NewLanguageSet(fallback string, names []string) (*LanguageSet, error) {
	if !slices.Contains(names, fallback) {
		return nil, fmt.Errorf("no %q among the languages %v", fallback, names)
	}
	others := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == fallback })
	slices.Sort(others)
	s := &LanguageSet{fallback: fallback, names: append([]string{fallback}, slices.Compact(others)...)}
	tags := make([]language.Tag, len(s.names))
	for i, n := range s.names {
		t, err := language.Parse(n)
		if err != nil {
			return nil, fmt.Errorf("%q is not a language code: %v", n, err)
		}
		tags[i] = t
	}
	// The fallback goes first: the matcher answers with it when nothing fits.
	s.matcher = language.NewMatcher(tags)
	return s, nil
}

// Names lists the languages, the fallback first.
func (s *LanguageSet) Names() []string { return slices.Clone(s.names) }

// Match returns the language that best fits the preferences given (BCP 47
// tags or Accept-Language lists such as "fr-CA", "zh-Hant-TW",
// "en-GB,en;q=0.8"); the fallback when nothing fits.
func (s *LanguageSet) Match(prefs ...string) string {
	var tags []language.Tag
	for _, p := range prefs {
		if p == "" {
			continue
		}
		if t, _, err := language.ParseAcceptLanguage(p); err == nil {
			tags = append(tags, t...)
		}
	}
	if len(tags) == 0 {
		return s.fallback
	}
	_, i, conf := s.matcher.Match(tags...)
	if conf == language.No {
		return s.fallback
	}
	return s.names[i]
}
