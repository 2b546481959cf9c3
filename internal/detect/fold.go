package detect

import (
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// foldRune returns what one rune becomes in the matching view: compatibility
// forms unified (NFKC: full-width letters, ligatures, circled letters),
// case folded, Latin diacritics dropped (people type "experience" for
// "expérience" and "tien" for "tiền"), and letters of other scripts that look
// like Latin ones mapped to them (the confusable skeleton), so that
// "pаypаl" with Cyrillic а reads as "paypal". Invisible characters become "".
//
// Both the rule phrases and the message go through it, so a phrase and the
// text meet in the same form whatever their script.
func foldRune(r rune) string {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return asciiStrings[r]
	}
	if r < 0x10000 {
		if p := foldCache[r].Load(); p != nil {
			return *p
		}
		s := foldSlow(r)
		foldCache[r].Store(&s)
		return s
	}
	return foldSlow(r)
}

// foldCache holds foldSlow's answers for the Basic Multilingual Plane. It is
// filled lazily, so the engine builds without walking all of Unicode.
var foldCache [0x10000]atomic.Pointer[string]

var asciiStrings = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

var folder = cases.Fold()

func foldSlow(r rune) string {
	if isInvisible(r) {
		return ""
	}
	// NFKD, then drop the Latin combining marks, then recompose with NFKC:
	// the same as NFKC except that accents on Latin, Greek and Cyrillic
	// letters are gone. Marks of other scripts (Thai vowels, Devanagari
	// signs) are kept: they are letters there, not accents.
	d := norm.NFKD.String(string(r))
	if strings.IndexFunc(d, isLatinMark) >= 0 {
		d = strings.Map(func(r rune) rune {
			if isLatinMark(r) {
				return -1
			}
			return r
		}, d)
	}
	s := norm.NFKC.String(folder.String(d))
	var b strings.Builder
	for _, c := range s {
		if isInvisible(c) {
			continue
		}
		if m, ok := confusables[c]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func isLatinMark(r rune) bool { return 0x0300 <= r && r <= 0x036F }

// isInvisible reports whether r draws nothing: zero-width spaces and joiners,
// direction marks, soft hyphens, variation selectors, tag characters and the
// other format characters spammers slip between letters.
func isInvisible(r rune) bool {
	switch {
	case r == 0x00AD, r == 0x034F, r == 0x115F, r == 0x1160, r == 0x17B4, r == 0x17B5,
		r == 0x180E, r == 0x3164, r == 0xFFA0, r == 0xFEFF:
		return true
	case 0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E, 0x2060 <= r && r <= 0x206F:
		return true
	case 0xFE00 <= r && r <= 0xFE0F, 0xE0000 <= r && r <= 0xE0FFF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// confusables maps letters of other scripts, and Latin letters that are
// only there to deceive, to the Latin letter they imitate. It is the part of
// the Unicode confusables table (UTS #39) that matters for chat: Cyrillic and
// Greek look-alikes and a few Latin variants. The full table also maps
// digits to letters and "rn" to "m", which would turn ordinary text into
// false matches, so it is not used whole.
var confusables = map[rune]string{
	// Cyrillic (after case folding).
	'а': "a", 'в': "b", 'е': "e", 'ё': "e", 'к': "k", 'м': "m", 'н': "h", 'о': "o",
	'р': "p", 'с': "c", 'т': "t", 'у': "y", 'х': "x", 'ѕ': "s", 'і': "i", 'ї': "i",
	'ј': "j", 'ԁ': "d", 'ԛ': "q", 'ԝ': "w", 'ɡ': "g", 'һ': "h", 'ӏ': "l", 'ү': "y",
	'ʏ': "y", 'ɑ': "a", 'ı': "i", 'ȷ': "j", 'ɩ': "i", 'ɪ': "i", 'ʀ': "r", 'ɴ': "n",
	'ᴏ': "o", 'ᴄ': "c", 'ᴅ': "d", 'ᴇ': "e", 'ᴍ': "m", 'ᴛ': "t", 'ᴜ': "u", 'ᴠ': "v",
	'ᴡ': "w", 'ᴢ': "z", 'ʙ': "b", 'ʜ': "h", 'ᴋ': "k", 'ʟ': "l", 'ᴘ': "p", 'ꜱ': "s",
	'ɢ': "g", 'ᴀ': "a", 'ꜰ': "f", 'ᴊ': "j",
	// Cyrillic letters that spam swaps for Latin ones in the other
	// direction ("кpuптa" for "крипта"): folding both to the Latin letter
	// makes the two spellings one.
	'и': "u", 'п': "n", 'г': "r",
	// Greek (after case folding; final sigma folds to σ).
	'α': "a", 'β': "b", 'ε': "e", 'η': "n", 'ι': "i", 'κ': "k", 'ν': "v", 'ο': "o",
	'ρ': "p", 'τ': "t", 'υ': "u", 'χ': "x", 'ω': "w", 'ϲ': "c", 'γ': "y",
	// Latin letters that stand in for plain ones.
	'đ': "d", 'ð': "d", 'ł': "l", 'ø': "o", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th",
	'ħ': "h", 'ŧ': "t", 'ƅ': "b", 'ɓ': "b", 'ƈ': "c", 'ɗ': "d", 'ƒ': "f", 'ɠ': "g",
	'ƙ': "k", 'ɱ': "m", 'ɲ': "n", 'ƥ': "p", 'ʠ': "q", 'ʂ': "s", 'ƭ': "t", 'ʋ': "v",
	'ⱳ': "w", 'ƴ': "y", 'ȥ': "z", 'ɛ': "e", 'ɔ': "o", 'ǝ': "e", 'ɐ': "a",
}
