package detect

import "github.com/scamwarn/scamwarn/internal/scam"

// findPhrases runs every phrase of every language over the view in one pass.
func (e *Engine) findPhrases(in *Input, emit func(Hit)) {
	v := in.view
	e.ac.match(v.s, func(pi int32, end int) {
		p := &e.phrases[pi]
		start := end - len(p.text)
		if !p.open0 && !atBoundary(v.s, start-1) || !p.open1 && !atBoundary(v.s, end) {
			return
		}
		s, t := v.span(start, end)
		emit(Hit{Rule: e.rules[p.rule].id, Span: scam.Span{Start: s, End: t}, lang: p.lang})
	})
}
