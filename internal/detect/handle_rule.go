package detect

import (
	"unicode"
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// findHandleRule reports contact handles in Chinese text: an account id of
// letters then digits ("sx111505", "FTA675"; not a product code such as
// "rc202T" or "1051st") or a long number split to dodge
// filters ("75-275-36-36"), the way Chinese-language group spam leaves a
// WeChat, QQ or Telegram contact. In Chinese chat such tokens are rare; in
// English or tech chat ("x86", "win10", "rtx3080") they are common, so the
// rule only looks at texts written mostly in Chinese.
func findHandleRule(in *Input, emit func(Hit)) {
	if !hasCJKLeadByte(in.Text) {
		return
	}
	// Read the folded text, where full-width and styled letters
	// ("ＴＡＤ７６５", "𝘍𝘛𝘈675") are plain ASCII, and map spans back.
	f := in.folded
	text := f.s
	// Chinese characters against words of other letters: a Chinese
	// character is about a word, and a handle's own letters ("韵 FTA676
	// 麦P") must not outvote the Chinese around it.
	han, other := 0, 0
	inWord := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRune(text[i:])
		i += n
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			inWord = false
		case unicode.IsLetter(r) && r < 0x3000:
			if !inWord {
				other++
			}
			inWord = true
		case unicode.IsDigit(r):
			// digits continue a word ("FTA676") without starting one
		default:
			inWord = false
		}
	}
	if han < 2 || han < other {
		return
	}
	for p := 0; p < len(text); {
		c := text[p]
		if !isASCIIAlnum(c) {
			_, n := utf8.DecodeRune(text[p:])
			p += n
			continue
		}
		start, letters, digits, groups := p, 0, 0, 1
		q := p
		for q < len(text) {
			c := text[q]
			switch {
			case '0' <= c && c <= '9':
				digits++
			case isASCIILetter(c):
				letters++
			case c == '_' && letters+digits > 0 && q+1 < len(text) && isASCIIAlnum(text[q+1]):
				// "hr_kk2024": one name
			case (c == ' ' || c == '-' || c == '+' || c == '.') && q+1 < len(text) && '0' <= text[q+1] && text[q+1] <= '9' && digits > 0 && letters == 0:
				groups++ // "75-275-36-36", "29526 77544"
			default:
				goto done
			}
			q++
		}
	done:
		at := start > 0 && text[start-1] == '@' // a Telegram @name
		switch {
		case at && letters+digits >= 5 && letters+digits <= 32,
			letters >= 1 && digits >= 3 && letters+digits <= 20 && isASCIILetter(text[start]) && '0' <= text[q-1] && text[q-1] <= '9',
			letters == 0 && digits >= 7 && digits <= 12 && !sameDigit(text[start:q]) && !isMoney(string(text), number{start: start, end: q}):
			span := scam.Span{Start: int(f.start[start]), End: int(f.end[q-1])}
			emit(Hit{Rule: "contact.handle", Span: span})
			if utf8.RuneCountInString(in.Text) <= 30 {
				// A short message that is little more than an id is an
				// advert: "秀薇 w2753636".
				emit(Hit{Rule: "contact.handle_only", Span: span})
			}
			return
		}
		p = q
	}
}

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' }

// sameDigit reports whether s is one digit repeated ("7777777").
func sameDigit(s []byte) bool {
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return true
}

// hasCJKLeadByte reports whether text may hold a Han character: their
// UTF-8 forms begin with bytes E3 to E9.
func hasCJKLeadByte(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 0xE3 && c <= 0xE9 {
			return true
		}
	}
	return false
}
