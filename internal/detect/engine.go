// Package detect turns a message into a verdict: normalises the text, finds
// red flags (phrases in several languages, deceptive links, crypto payment
// details, premium-rate numbers, forward facts) and scores them. Its rule
// data is embedded; weights and thresholds are data too.
package detect

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

//go:embed data
var embedded embed.FS

// DefaultMaxBytes is how much of a message is checked when Options.MaxBytes
// is zero: far more than any chat message (Telegram's limit is 4,096
// characters, Discord's 2,000 or 4,000), small enough that a pasted book
// cannot slow the bot down.
const DefaultMaxBytes = 64 << 10

// maxEvidence caps the evidence spans kept per signal.
const maxEvidence = 8

// Options configures an Engine. The zero value is ready to use.
type Options struct {
	// MaxBytes caps how much of a text is checked; 0 means DefaultMaxBytes.
	MaxBytes int
	// Data replaces the embedded rule data (for tests); nil means embedded.
	Data fs.FS
}

// Engine checks messages. It is safe for concurrent use.
type Engine struct {
	maxBytes  int
	rules     []ruleMeta
	index     map[string]int
	combos    []combo
	scoring   scoring
	phraseSet *phraseSet
	finders   []Rule
	domains   *domainData
	lists     atomic.Pointer[DomainLists]
	pool      sync.Pool
}

// Input is what a Rule looks at.
type Input struct {
	// Text is the text being checked (Message.Text, cut at the cap).
	Text    string
	Message *scam.Message
	view    *view
	links   []foundLink
	phrase  *phraseScratch
}

type scratch struct {
	vb     viewBuilder
	v      view
	hits   []Hit
	links  []foundLink
	lt     linkText
	phrase phraseScratch
}

// New builds an Engine from the embedded rule data.
func New(opts Options) (*Engine, error) {
	fsys := opts.Data
	if fsys == nil {
		sub, err := fs.Sub(embedded, "data")
		if err != nil {
			return nil, err
		}
		fsys = sub
	}
	e := &Engine{maxBytes: opts.MaxBytes}
	if e.maxBytes <= 0 {
		e.maxBytes = DefaultMaxBytes
	}
	var err error
	if e.rules, e.index, err = loadRules(fsys); err != nil {
		return nil, fmt.Errorf("rule data: %w", err)
	}
	if e.combos, err = loadCombos(fsys, e.index); err != nil {
		return nil, fmt.Errorf("rule data: %w", err)
	}
	if e.scoring, err = loadScoring(fsys); err != nil {
		return nil, fmt.Errorf("rule data: %w", err)
	}
	if e.phraseSet, err = loadPhrases(fsys, e.index); err != nil {
		return nil, fmt.Errorf("rule data: %w", err)
	}
	if e.domains, err = loadDomainData(fsys); err != nil {
		return nil, fmt.Errorf("rule data: %w", err)
	}
	e.lists.Store(&DomainLists{})
	e.finders = []Rule{
		RuleFunc(e.findPhrases),
		RuleFunc(e.findLinks),
		RuleFunc(findWalletRule),
		RuleFunc(findPhoneRule),
		RuleFunc(findForwardRule),
	}
	e.pool.New = func() any { return new(scratch) }
	return e, nil
}

// RuleIDs lists every rule and combo id the engine can report, sorted: the
// explanation keys a reply catalog must cover.
func (e *Engine) RuleIDs() []string {
	ids := make([]string, 0, len(e.rules)+len(e.combos))
	for _, r := range e.rules {
		ids = append(ids, r.id)
	}
	for _, c := range e.combos {
		ids = append(ids, c.meta.id)
	}
	sort.Strings(ids)
	return ids
}

// MaxBytes is the cap on checked text.
func (e *Engine) MaxBytes() int { return e.maxBytes }

// Check returns the verdict on m. It never panics on any text.
func (e *Engine) Check(m scam.Message) scam.Verdict {
	sc := e.pool.Get().(*scratch)
	defer e.pool.Put(sc)

	text := m.Text
	var verdict scam.Verdict
	if len(text) > e.maxBytes {
		cut := e.maxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
		verdict.Truncated = true
	}
	verdict.CheckedBytes = len(text)

	sc.vb.build(text, &sc.v)
	in := Input{Text: text, Message: &m, view: &sc.v, phrase: &sc.phrase}
	sc.links = e.extractLinks(text, m.Links, &sc.lt, sc.links[:0])
	in.links = sc.links
	sc.hits = sc.hits[:0]
	emit := func(h Hit) { sc.hits = append(sc.hits, h) }
	for _, r := range e.finders {
		r.Find(&in, emit)
	}
	e.score(sc.hits, &verdict)
	verdict.Language = e.language(sc.hits)
	return verdict
}

// score turns hits into signals, a score and a level.
func (e *Engine) score(hits []Hit, v *scam.Verdict) {
	if len(hits) == 0 {
		v.Category = scam.Generic
		return
	}
	byRule := map[int]int{} // rule index → position in v.Signals
	for _, h := range hits {
		ri, ok := e.index[h.Rule]
		if !ok {
			// A finder named a rule the data does not list: a bug caught
			// by the data test, not something to show.
			continue
		}
		pos, seen := byRule[ri]
		if !seen {
			meta := e.rules[ri]
			pos = len(v.Signals)
			byRule[ri] = pos
			v.Signals = append(v.Signals, scam.Signal{
				Rule: meta.id, Category: meta.category, Weight: meta.weight,
				Detail: h.Detail, Explain: meta.id,
			})
		}
		s := &v.Signals[pos]
		if h.Span.End > h.Span.Start && len(s.Evidence) < maxEvidence && !hasSpan(s.Evidence, h.Span) {
			s.Evidence = append(s.Evidence, h.Span)
		}
	}
	cats := map[scam.Category]bool{}
	for _, s := range v.Signals {
		cats[s.Category] = true
	}
	for _, c := range e.combos {
		if comboHolds(c, byRule, cats) {
			v.Signals = append(v.Signals, scam.Signal{
				Rule: c.meta.id, Category: c.meta.category, Weight: c.meta.weight, Explain: c.meta.id,
			})
		}
	}
	weightBy := map[scam.Category]float64{}
	for i := range v.Signals {
		s := &v.Signals[i]
		sort.Slice(s.Evidence, func(a, b int) bool { return s.Evidence[a].Start < s.Evidence[b].Start })
		if s.Weight > 0 {
			v.Score += s.Weight
			weightBy[s.Category] += s.Weight
		}
	}
	// Strongest first, then in text order, so replies lead with what matters.
	sort.SliceStable(v.Signals, func(a, b int) bool {
		sa, sb := v.Signals[a], v.Signals[b]
		if sa.Weight != sb.Weight {
			return sa.Weight > sb.Weight
		}
		return firstStart(sa) < firstStart(sb)
	})
	v.Category = scam.Generic
	best := 0.0
	for _, t := range scam.Typologies {
		if w := weightBy[t]; w > best {
			best, v.Category = w, t
		}
	}
	switch {
	case v.Score >= e.scoring.high && len(weightBy) >= e.scoring.highKinds:
		v.Level = scam.High
	case v.Score >= e.scoring.medium:
		v.Level = scam.Medium
	}
}

func comboHolds(c combo, byRule map[int]int, cats map[scam.Category]bool) bool {
	for _, r := range c.rules {
		if _, ok := byRule[r]; !ok {
			return false
		}
	}
	for _, cat := range c.cats {
		if !cats[cat] {
			return false
		}
	}
	return true
}

func hasSpan(ss []scam.Span, s scam.Span) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func firstStart(s scam.Signal) int {
	if len(s.Evidence) == 0 {
		return -1
	}
	return s.Evidence[0].Start
}

// language names the rule language most phrase hits came from.
func (e *Engine) language(hits []Hit) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for _, h := range hits {
		if h.lang == "" {
			continue
		}
		counts[h.lang]++
		if n := counts[h.lang]; n > bestN || n == bestN && h.lang < best {
			best, bestN = h.lang, n
		}
	}
	return best
}
