package detect

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phrase is a sequence of slots; each slot is a set of alternatives
// ("atoms", in view form), or one fixed atom. "{add|text} me on {whatsapp|line}"
// has three slots. Atoms are found by one automaton; a phrase matches when
// its slots' atoms follow each other in the view. Keeping alternatives as
// sets, not writing out every combination, keeps the automaton small and
// quick to build however many alternatives the data has.
type phrase struct {
	rule  int // index into Engine.rules
	lang  string
	slots []slot
	open0 bool // "*" at the start: no word boundary needed before it
	open1 bool // "*" at the end: none after it
}

type slot struct {
	atoms    []int32 // sorted atom ids
	optional bool    // an empty alternative: the slot may be skipped
	// spaced says a word separator comes before this slot; false means
	// it is glued to the slot before ("加{微信|V}", "{un|}lock").
	spaced bool
	// gap says up to maxGapWords words (or maxGapRunes letters of a script
	// without spaces) may stand between this slot and the one before.
	gap bool
	// first has bit b set when some atom of the slot begins with byte b: a
	// cheap test before expecting the slot at a position.
	first [4]uint64
}

func (s *slot) mayStartWith(b byte) bool { return s.first[b>>6]&(1<<(b&63)) != 0 }

// The widest gap "..." allows in a phrase.
const (
	maxGapWords = 4
	maxGapRunes = 6
)

func (s *slot) has(a int32) bool {
	_, ok := slices.BinarySearch(s.atoms, a)
	return ok
}

// phraseSet is every phrase of every language, compiled.
//
// The automaton finds each atom in one of two forms: at the start of a word
// (the pattern " atom", the view read as if a space came first), for slots
// that follow a separator or begin a phrase; or anywhere (the bare atom),
// for slots glued to the part before them, phrases marked "*", and scripts
// written without spaces. Short words such as "a" or "to" thus match only
// as words, not inside every other word.
type phraseSet struct {
	phrases []phrase
	atoms   []string         // atom id → text
	atomIDs map[string]int32 // atom text → id, while loading only
	ac      *automaton       // over patterns
	pats    []atomForm       // pattern → atom and form
	// hasWordForm[a] says atom a has a word-start pattern: where that one
	// fires, the bare one leaves expectations to it.
	hasWordForm []bool
}

// atomForm is one pattern of the automaton: an atom and whether it must
// start a word; starts lists the phrases it can begin in that form.
type atomForm struct {
	atom      int32
	size      int32 // the atom's length in bytes
	wordStart bool
	starts    []slotRef
}

type slotRef struct {
	phrase int32
	slot   int16
}

// loadPhrases reads every phrases/LANG.txt file of fsys.
//
// The format, for people who add a language: a line "[rule.id]" starts the
// phrases of a rule (ids are listed in rules.tsv); each following line is one
// phrase, written naturally.
//   - "{a|b|}" gives alternatives; an empty one makes the part optional.
//   - "..." between two parts lets up to four words (six letters in Chinese
//     or Thai) stand between them: "call ... to claim".
//   - "*" at the start or end lets the phrase sit inside a longer word:
//     "invest*" matches "investment".
//   - Words of Latin, Cyrillic and other spaced scripts match whole words
//     only; Chinese, Japanese, Thai, Khmer, Lao and Burmese phrases match
//     anywhere, and a comma or space between two parts does not stop them.
//   - Case, accents, full-width forms and look-alike letters do not matter;
//     punctuation separates words and symbols such as $ and @ are ignored,
//     so an alternative made only of symbols is refused.
//   - "#" starts a comment line.
func loadPhrases(fsys fs.FS, ruleIndex map[string]int) (*phraseSet, error) {
	names, err := fs.Glob(fsys, "phrases/*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	ps := &phraseSet{atomIDs: map[string]int32{}}
	var c phraseCompiler
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if err := ps.loadFile(fsys, name, lang, ruleIndex, &c); err != nil {
			return nil, err
		}
	}
	// Which forms each atom needs, and which phrases each form begins.
	type key struct {
		atom int32
		word bool
	}
	forms := map[key]int{}
	form := func(a int32, word bool) int {
		k := key{a, word}
		if i, ok := forms[k]; ok {
			return i
		}
		forms[k] = len(ps.pats)
		ps.pats = append(ps.pats, atomForm{atom: a, size: int32(len(ps.atoms[a])), wordStart: word})
		return forms[k]
	}
	for pi, p := range ps.phrases {
		starting := true // every slot so far was optional
		for si, sl := range p.slots {
			// How the slot can be reached from an earlier one: across a
			// separator, glued, or both (past optional slots).
			viaSpace, viaGlue := false, false
			spaced := false
			for j := si; j > 0; j-- {
				spaced = spaced || p.slots[j].spaced || p.slots[j].gap
				if spaced {
					viaSpace = true
				} else {
					viaGlue = true
				}
				if !p.slots[j-1].optional {
					break
				}
			}
			for _, a := range sl.atoms {
				r, _ := utf8.DecodeRuneInString(ps.atoms[a])
				spacedScript := !unspaced(r)
				if starting {
					i := form(a, spacedScript && !p.open0)
					ps.pats[i].starts = append(ps.pats[i].starts, slotRef{phrase: int32(pi), slot: int16(si)})
				}
				if viaSpace {
					form(a, spacedScript)
				}
				if viaGlue {
					form(a, false)
				}
			}
			if !sl.optional {
				starting = false
			}
		}
	}
	texts := make([]string, len(ps.pats))
	ps.hasWordForm = make([]bool, len(ps.atoms))
	for i, f := range ps.pats {
		texts[i] = ps.atoms[f.atom]
		if f.wordStart {
			texts[i] = " " + texts[i]
			ps.hasWordForm[f.atom] = true
		}
	}
	ps.ac = newAutomaton(texts)
	ps.atomIDs = nil // only needed while compiling
	return ps, nil
}

func (ps *phraseSet) loadFile(fsys fs.FS, name, lang string, ruleIndex map[string]int, c *phraseCompiler) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
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
				return fmt.Errorf("%s:%d: unknown rule %q (add it to rules.tsv)", name, line, id)
			}
			rule = r
			continue
		}
		if rule < 0 {
			return fmt.Errorf("%s:%d: phrase before any [rule] header", name, line)
		}
		p, err := c.compile(raw, ps)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", name, line, err)
		}
		p.rule, p.lang = rule, lang
		ps.phrases = append(ps.phrases, p)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

// phraseCompiler turns a phrase line into slots; it reuses its buffers.
type phraseCompiler struct {
	vb viewBuilder
	v  view
}

func (c *phraseCompiler) norm(s string) string {
	c.vb.build(s, &c.v)
	return strings.TrimSpace(string(c.v.s))
}

// isSeparator reports whether r becomes a word separator in the view.
func isSeparator(r rune) bool {
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '@' || r == '$' || r == '|' || r == '*')
}

func (c *phraseCompiler) compile(raw string, ps *phraseSet) (phrase, error) {
	var p phrase
	if strings.HasPrefix(raw, "*") {
		p.open0, raw = true, raw[1:]
	}
	if strings.HasSuffix(raw, "*") {
		p.open1, raw = true, raw[:len(raw)-1]
	}
	spacedNext := false // a separator was seen since the last slot
	gapNext := false    // "..." was seen since the last slot
	addSlot := func(alts []string) error {
		s := slot{spaced: spacedNext && len(p.slots) > 0, gap: gapNext && len(p.slots) > 0}
		for _, a := range alts {
			if strings.TrimSpace(a) == "" {
				s.optional = true
				continue
			}
			n := c.norm(a)
			if n == "" {
				return fmt.Errorf("alternative %q is only symbols, which matching ignores; drop it", a)
			}
			id, ok := ps.atomIDs[n]
			if !ok {
				id = int32(len(ps.atoms))
				ps.atomIDs[n] = id
				ps.atoms = append(ps.atoms, n)
			}
			if !slices.Contains(s.atoms, id) {
				s.atoms = append(s.atoms, id)
				s.first[n[0]>>6] |= 1 << (n[0] & 63)
			}
		}
		slices.Sort(s.atoms)
		if len(s.atoms) == 0 {
			return fmt.Errorf("a group has no alternative")
		}
		p.slots = append(p.slots, s)
		spacedNext, gapNext = false, false
		return nil
	}
	addLiteral := func(lit string) error {
		if r, _ := utf8.DecodeRuneInString(lit); isSeparator(r) {
			spacedNext = true
		}
		if core := strings.TrimFunc(lit, isSeparator); core != "" {
			if c.norm(core) == "" {
				spacedNext = true // only symbols: a separator
			} else if err := addSlot([]string{core}); err != nil {
				return err
			}
		}
		if r, _ := utf8.DecodeLastRuneInString(lit); lit != "" && isSeparator(r) {
			spacedNext = true
		}
		return nil
	}
	for raw != "" {
		if raw[0] == '{' {
			j := strings.IndexByte(raw, '}')
			if j < 0 {
				return p, fmt.Errorf("'{' without '}'")
			}
			if err := addSlot(strings.Split(raw[1:j], "|")); err != nil {
				return p, err
			}
			raw = raw[j+1:]
			continue
		}
		k := strings.IndexByte(raw, '{')
		if k < 0 {
			k = len(raw)
		}
		lit := raw[:k]
		raw = raw[k:]
		if strings.ContainsAny(lit, "|}") {
			return p, fmt.Errorf("'|' or '}' outside a {group}")
		}
		for i, part := range strings.Split(lit, "...") {
			if i > 0 {
				if len(p.slots) == 0 {
					return p, fmt.Errorf("\"...\" must stand between two parts")
				}
				gapNext = true
			}
			if err := addLiteral(part); err != nil {
				return p, err
			}
		}
	}
	if gapNext {
		return p, fmt.Errorf("\"...\" must stand between two parts")
	}
	required := 0
	for _, s := range p.slots {
		if !s.optional {
			required++
		}
	}
	if required == 0 {
		return p, fmt.Errorf("every part is optional")
	}
	return p, nil
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
