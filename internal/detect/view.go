package detect

import (
	"unicode"
	"unicode/utf8"
)

// view is the matching form of a text: folded (see foldRune), with leetspeak
// undone inside words ("fr33 n1tro" → "free nitro"), spaced-out letters
// joined ("f r e e" → "free"), and every run of spaces, punctuation and
// symbols between words written as one space. Words of scripts written
// without spaces (Chinese, Thai) stay as they are.
//
// start[i] and end[i] give, for byte i of s, the byte range of the original
// text it came from, so a match in s maps back to evidence in the original.
type view struct {
	s          []byte
	start, end []int32
	// A view built from another (the words view from the folded text)
	// keeps, instead of start and end, the index src[i] of the byte of
	// from that byte i stands for: one array to fill instead of two.
	src  []int32
	from *view
}

// reset empties v, keeping its memory.
func (v *view) reset() {
	v.s, v.start, v.end, v.src = v.s[:0], v.start[:0], v.end[:0], v.src[:0]
}

// span maps the view's byte range [i, j) back to the original text.
func (v *view) span(i, j int) (int, int) {
	if v.from != nil {
		return int(v.from.start[v.src[i]]), int(v.from.end[v.src[j-1]])
	}
	return int(v.start[i]), int(v.end[j-1])
}

// token is a word of the folded text before leetspeak and spacing are
// handled.
type token struct {
	i, j    int // byte range in the folded buffer
	letters int // letters in it
	ascii   int // ASCII letters among them
	leet    int // digits and symbols that may stand for letters
	sym     int // symbols among them
	single  bool
}

// folder builds views; it keeps scratch memory between calls and is not
// safe for concurrent use.
type viewBuilder struct {
	f      view // the folded text, before words are joined
	tokens []token
}

func (b *viewBuilder) build(text string, v *view) {
	b.fold(text)
	b.words(v)
}

// fold fills b.f with the text folded rune by rune. Separators are kept as
// they are (ASCII punctuation and spaces) or as one space (anything else
// that is not a letter, digit or mark).
func (b *viewBuilder) fold(text string) {
	f := &b.f
	f.reset()
	if cap(f.s) < len(text) {
		f.s = make([]byte, 0, len(text)+len(text)/4)
		f.start = make([]int32, 0, cap(f.s))
		f.end = make([]int32, 0, cap(f.s))
	}
	for p := 0; p < len(text); {
		if c := text[p]; c < utf8.RuneSelf && c != '\'' {
			// ASCII, the common case: lower-case it in place.
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			f.s = append(f.s, c)
			f.start = append(f.start, int32(p))
			f.end = append(f.end, int32(p+1))
			p++
			continue
		}
		r, n := rune(text[p]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[p:])
		}
		var out string
		switch {
		case isApostrophe(r) && p > 0 && p+n < len(text) && isASCIILetter(text[p-1]) && isASCIILetter(text[p+n]):
			// "won't" is one word, "wont", not "won" and "t".
			out = ""
		case r == utf8.RuneError && n == 1:
			out = " "
		case r < utf8.RuneSelf:
			out = foldRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || isInvisible(r):
			out = foldRune(r)
		case unicode.IsNumber(r): // circled and superscript digits
			out = foldRune(r)
		default:
			out = " "
		}
		for k := 0; k < len(out); k++ {
			f.s = append(f.s, out[k])
			f.start = append(f.start, int32(p))
			f.end = append(f.end, int32(p+n))
		}
		p += n
	}
}

// leetMap says which digit or symbol stands for which letter inside a word.
var leetMap = [utf8.RuneSelf]byte{
	'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '|': 'l',
}

func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '@' || c == '$' || c == '|'
}

// words turns b.f into v: tokens with leetspeak undone, spaced-out letters
// joined, one space between tokens.
func (b *viewBuilder) words(v *view) {
	f := &b.f
	b.tokens = b.tokens[:0]
	for i := 0; i < len(f.s); {
		if !isWordByte(f.s[i]) {
			i++
			continue
		}
		t := token{i: i}
		for i < len(f.s) && isWordByte(f.s[i]) {
			c := f.s[i]
			switch {
			case c >= utf8.RuneSelf:
				r, n := utf8.DecodeRune(f.s[i:])
				if unicode.IsLetter(r) {
					t.letters++
				}
				i += n
				continue
			case 'a' <= c && c <= 'z':
				t.letters++
				t.ascii++
			case leetMap[c] != 0:
				t.leet++
				if c == '@' || c == '$' || c == '|' {
					t.sym++
				}
			}
			i++
		}
		t.j = i
		if t.sym == t.j-t.i {
			continue // a lone symbol is a separator
		}
		t.single = t.j-t.i == 1 && t.letters == 1
		b.tokens = append(b.tokens, t)
	}
	v.reset()
	v.from = f
	if cap(v.s) < len(f.s) {
		v.s = make([]byte, 0, len(f.s)+len(f.s)/4)
		v.src = make([]int32, 0, cap(v.s))
	}
	for k := 0; k < len(b.tokens); k++ {
		t := b.tokens[k]
		// Spaced-out letters: four or more one-letter words in a row, each
		// one separator apart, are one word.
		if t.single {
			m := k
			for m+1 < len(b.tokens) && b.tokens[m+1].single && b.tokens[m+1].i-b.tokens[m].j == 1 {
				m++
			}
			if m-k+1 >= 4 {
				if len(v.s) > 0 {
					v.push(' ', f, t.i)
				}
				for q := k; q <= m; q++ {
					v.push(f.s[b.tokens[q].i], f, b.tokens[q].i)
				}
				k = m
				continue
			}
		}
		if len(v.s) > 0 {
			v.push(' ', f, t.i)
		}
		// Leetspeak only where the word is mostly Latin letters and starts
		// with one: "n1tro", "fr33", not "150p", "2024" or "24小时".
		leet := t.leet > 0 && t.ascii > 0 && t.ascii == t.letters && t.letters >= t.leet &&
			isASCIILetter(f.s[t.i]) // "50rb", "5k" and "2day" keep their digits
		if t.leet == 0 {
			// Nothing to rewrite: copy the word as it is.
			v.s = append(v.s, f.s[t.i:t.j]...)
			for q := t.i; q < t.j; q++ {
				v.src = append(v.src, int32(q))
			}
			continue
		}
		for q := t.i; q < t.j; q++ {
			c := f.s[q]
			if c == '@' || c == '$' || c == '|' || leet && c < utf8.RuneSelf && leetMap[c] != 0 {
				if !leet {
					continue // a symbol in a word of digits is not a letter
				}
				c = leetMap[c]
			}
			v.push(c, f, q)
		}
	}
}

// push appends byte c standing for byte q of the folded text f (a space
// stands for the gap before q).
func (v *view) push(c byte, f *view, q int) {
	v.s = append(v.s, c)
	v.src = append(v.src, int32(q))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
