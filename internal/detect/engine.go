// Package detect turns a message into a verdict: normalises the text, finds
// red flags (phrases in several languages, deceptive links, crypto payment
// details, premium-rate numbers, forward facts) and scores them. Its rule
// data is embedded; weights and thresholds are data too.
package detect

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
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
	langID    *langID
	lists     atomic.Pointer[DomainLists]
	pool      sync.Pool
}

// Input is what a Rule looks at.
type Input struct {
	// Text is the text being checked (Message.Text, cut at the cap).
	Text    string
	Message *scam.Message
	view    *view
	folded  *view // the text folded rune by rune, before words are joined
	links   []foundLink
	phrase  *phraseScratch
	lang    string // the language the text is written in, "" when unknown
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
	if e.langID, err = loadLangID(fsys); err != nil {
		return nil, fmt.Errorf("rule data: %w", err)
	}
	e.lists.Store(&DomainLists{})
	e.finders = []Rule{
		RuleFunc(e.findPhrases),
		RuleFunc(e.findLinks),
		RuleFunc(findWalletRule),
		RuleFunc(findPhoneRule),
		RuleFunc(findHandleRule),
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
	in := Input{Text: text, Message: &m, view: &sc.v, folded: &sc.vb.f, phrase: &sc.phrase}
	sc.links = e.extractLinks(text, m.Links, &sc.lt, sc.links[:0])
	in.links = sc.links
	in.lang = e.langID.identify(text, sc.v.s, sc.links)
	sc.hits = sc.hits[:0]
	emit := func(h Hit) { sc.hits = append(sc.hits, h) }
	for _, r := range e.finders {
		r.Find(&in, emit)
	}
	e.score(sc.hits, &verdict)
	// The language the text is written in; when it is too short to tell,
	// the language of the phrases it matched, then the hint.
	verdict.Language = in.lang
	if verdict.Language == "" {
		verdict.Language = e.language(sc.hits)
	}
	if verdict.Language == "" && m.Lang != "" {
		base, _, _ := strings.Cut(m.Lang, "-")
		verdict.Language = strings.ToLower(base)
	}
	return verdict
}

// score turns hits into signals, a score and a level.
func (e *Engine) score(hits []Hit, v *scam.Verdict) {
	v.Category = scam.Generic
	if len(hits) == 0 {
		return
	}
	// A message has few signals: slices beat maps here.
	var ruleBuf [16]int
	ruleOf := ruleBuf[:0] // rule index of each signal
	for _, h := range hits {
		ri, ok := e.index[h.Rule]
		if !ok {
			// A finder named a rule the data does not list: a bug caught
			// by the data test, not something to show.
			continue
		}
		pos := slices.Index(ruleOf, ri)
		if pos < 0 {
			meta := e.rules[ri]
			pos = len(v.Signals)
			ruleOf = append(ruleOf, ri)
			v.Signals = append(v.Signals, scam.Signal{
				Rule: meta.id, Category: meta.category, Weight: meta.weight,
				Detail: h.Detail, Explain: meta.id,
			})
		}
		s := &v.Signals[pos]
		if h.Span.End > h.Span.Start {
			s.Evidence = addSpan(s.Evidence, h.Span)
		}
	}
	for _, c := range e.combos {
		if comboHolds(c, ruleOf, v.Signals) {
			v.Signals = append(v.Signals, scam.Signal{
				Rule: c.meta.id, Category: c.meta.category, Weight: c.meta.weight, Explain: c.meta.id,
			})
		}
	}
	type catWeight struct {
		cat scam.Category
		w   float64
	}
	var weightBuf [16]catWeight
	weights := weightBuf[:0]
	for i := range v.Signals {
		s := &v.Signals[i]
		v.Score += s.Weight
		if s.Weight <= 0 {
			// Facts, and the damping of a message that warns about
			// scams, name no kind of scam.
			continue
		}
		k := slices.IndexFunc(weights, func(cw catWeight) bool { return cw.cat == s.Category })
		if k < 0 {
			weights = append(weights, catWeight{cat: s.Category})
			k = len(weights) - 1
		}
		weights[k].w += s.Weight
	}
	v.Score = max(v.Score, 0)
	// Strongest first, then in text order, so replies lead with what matters.
	slices.SortStableFunc(v.Signals, func(sa, sb scam.Signal) int {
		if sa.Weight != sb.Weight {
			if sa.Weight > sb.Weight {
				return -1
			}
			return 1
		}
		return firstStart(sa) - firstStart(sb)
	})
	best := 0.0
	for _, t := range scam.Typologies {
		for _, cw := range weights {
			if cw.cat == t && cw.w > best {
				best, v.Category = cw.w, t
			}
		}
	}
	switch {
	case v.Score >= e.scoring.high && len(weights) >= e.scoring.highKinds:
		v.Level = scam.High
	case v.Score >= e.scoring.medium:
		v.Level = scam.Medium
	}
}

func comboHolds(c combo, ruleOf []int, signals []scam.Signal) bool {
	for _, r := range c.rules {
		if !slices.Contains(ruleOf, r) {
			return false
		}
	}
	for _, cat := range c.cats {
		if !slices.ContainsFunc(signals, func(s scam.Signal) bool { return s.Category == cat }) {
			return false
		}
	}
	return true
}

// addSpan adds sp to the sorted evidence list, merging it with spans it
// overlaps, and keeps at most maxEvidence spans.
func addSpan(ev []scam.Span, sp scam.Span) []scam.Span {
	for i := range ev {
		if sp.Start < ev[i].End && ev[i].Start < sp.End {
			ev[i].Start = min(ev[i].Start, sp.Start)
			ev[i].End = max(ev[i].End, sp.End)
			return ev
		}
	}
	if len(ev) >= maxEvidence {
		return ev
	}
	i, _ := slices.BinarySearchFunc(ev, sp.Start, func(x scam.Span, t int) int { return x.Start - t })
	return slices.Insert(ev, i, sp)
}

func firstStart(s scam.Signal) int {
	if len(s.Evidence) == 0 {
		return -1
	}
	return s.Evidence[0].Start
}

// language names the rule language most phrase hits came from.
func (e *Engine) language(hits []Hit) string {
	type count struct {
		lang string
		n    int
	}
	var counts [8]count // a message matches few languages
	used := 0
	best, bestN := "", 0
	for _, h := range hits {
		if h.lang == "" {
			continue
		}
		k := 0
		for k < used && counts[k].lang != h.lang {
			k++
		}
		if k == used {
			if used == len(counts) {
				continue
			}
			counts[k].lang = h.lang
			used++
		}
		counts[k].n++
		if n := counts[k].n; n > bestN || n == bestN && h.lang < best {
			best, bestN = h.lang, n
		}
	}
	return best
}
