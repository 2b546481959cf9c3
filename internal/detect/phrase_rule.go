package detect

import (
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// expectation says: phrase p, begun at start, can go on with an atom of
// slot k that begins at the position it is filed under.
type expectation struct {
	phrase int32
	slot   int16
	start  int32
	next   int32 // the next expectation at the same position, or -1
}

// phraseScratch is the per-check memory of phrase matching.
type phraseScratch struct {
	head []int32 // position → first expectation there, or -1
	exps []expectation
}

func (ps *phraseScratch) reset(n int) {
	if cap(ps.head) < n {
		ps.head = make([]int32, n)
	}
	ps.head = ps.head[:n]
	for i := range ps.head {
		ps.head[i] = -1
	}
	ps.exps = ps.exps[:0]
}

func (ps *phraseScratch) expect(pos int, p int32, k int16, start int32) {
	if pos >= len(ps.head) {
		return
	}
	ps.exps = append(ps.exps, expectation{phrase: p, slot: k, start: start, next: ps.head[pos]})
	ps.head[pos] = int32(len(ps.exps) - 1)
}

// findPhrases finds every phrase of every language in the view, in one
// pass of the atom automaton: each atom either goes on with a phrase that
// expects it where it starts, or begins one.
func (e *Engine) findPhrases(in *Input, emit func(Hit)) {
	v := in.view
	set := e.phraseSet
	sc := in.phrase
	sc.reset(len(v.s) + 2)
	set.ac.matchAfterSpace(v.s, func(pi int32, end int) {
		f := &set.pats[pi]
		start := end - int(f.size)
		if len(f.starts) == 0 && sc.head[start] < 0 {
			return // a part that only goes on with a phrase, and none waits here
		}
		a := f.atom
		// Where the word-start form of the atom fires too, it alone goes on
		// with the phrases that expect the atom here.
		if f.wordStart || !set.hasWordForm[a] || (start > 0 && v.s[start-1] != ' ') {
			for x := sc.head[start]; x >= 0; x = sc.exps[x].next {
				ex := sc.exps[x]
				if set.phrases[ex.phrase].slots[ex.slot].has(a) {
					e.advance(in, ex.phrase, int(ex.slot), int(ex.start), end, emit)
				}
			}
		}
		for _, ref := range f.starts {
			e.advance(in, ref.phrase, int(ref.slot), start, end, emit)
		}
	})
}

// advance records that slot k of phrase pi matched up to end: the phrase is
// complete if no required slot follows, and expects its next slots.
func (e *Engine) advance(in *Input, pi int32, k, start, end int, emit func(Hit)) {
	p := &e.phraseSet.phrases[pi]
	v := in.view
	spaced := false
	for k2 := k + 1; ; k2++ {
		if k2 == len(p.slots) {
			e.complete(in, p, start, end, emit)
			return
		}
		s := &p.slots[k2]
		spaced = spaced || s.spaced
		if s.gap {
			expectAfterGap(in, pi, int16(k2), start, end)
			if !s.optional {
				return
			}
			continue
		}
		pos := end
		if spaced {
			if end >= len(v.s) || v.s[end] != ' ' {
				if !s.optional {
					return
				}
				continue
			}
			pos = end + 1
		} else if end < len(v.s) && v.s[end] == ' ' {
			// In scripts written without spaces a separator between two
			// parts is optional: "稳赚不赔，加微信" still matches
			// "稳赚不赔加微信".
			if r, _ := utf8.DecodeLastRune(v.s[:end]); unspaced(r) {
				in.phrase.expect(end+1, pi, int16(k2), int32(start))
			}
		}
		if pos < len(v.s) && s.mayStartWith(v.s[pos]) {
			in.phrase.expect(pos, pi, int16(k2), int32(start))
		}
		if !s.optional {
			return
		}
	}
}

// complete emits a phrase match after checking the word boundaries at its
// ends (none for scripts written without spaces, or where "*" says so).
func (e *Engine) complete(in *Input, p *phrase, start, end int, emit func(Hit)) {
	vs := in.view.s
	if !p.open0 {
		if r, _ := utf8.DecodeRune(vs[start:]); !unspaced(r) && !atBoundary(vs, start-1) {
			return
		}
	}
	if !p.open1 {
		if r, _ := utf8.DecodeLastRune(vs[:end]); !unspaced(r) && !atBoundary(vs, end) {
			return
		}
	}
	s, t := in.view.span(start, end)
	emit(Hit{Rule: e.rules[p.rule].id, Span: scam.Span{Start: s, End: t}, lang: p.lang})
}

// expectAfterGap expects slot k at the start of each of the next few words
// after end (or, in a script without spaces, at each of the next few
// letters).
func expectAfterGap(in *Input, pi int32, k int16, start, end int) {
	vs := in.view.s
	if r, _ := utf8.DecodeLastRune(vs[:end]); unspaced(r) {
		pos := end
		for n := 0; n <= maxGapRunes && pos <= len(vs); n++ {
			in.phrase.expect(pos, pi, k, int32(start))
			if pos == len(vs) {
				break
			}
			_, size := utf8.DecodeRune(vs[pos:])
			pos += size
		}
		return
	}
	words := 0
	for pos := end; pos < len(vs) && words <= maxGapWords; pos++ {
		if vs[pos] == ' ' {
			in.phrase.expect(pos+1, pi, k, int32(start))
			words++
		}
	}
}
