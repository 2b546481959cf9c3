package detect

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// langID recognises the language a message is written in, with no hint:
// first by script (Thai, Khmer, Burmese, Chinese and the others with a
// script of their own), then, for Latin letters, by the letters only
// Vietnamese uses and by profiles of each language's frequent words
// (data/langid.txt).
//
// It names the language; it does not choose the rules. Every language's
// phrases are always matched, so a Thai scam forwarded by someone who reads
// English is checked with the Thai rules all the same, and explained in the
// reader's language.
type langID struct {
	names []string          // Latin-script languages, by bit
	words map[string]uint32 // word → the languages that use it, as bits
	vi    int               // index of "vi" in names, or -1
}

// script is a writing system that names its language by itself.
type script uint8

const (
	noScript script = iota
	thai
	khmer
	myanmar
	lao
	han
	kana
	hangul
	cyrillic
	arabic
	devanagari
	hebrew
	greek
	nScripts
)

// scriptLang is the language of each script.
var scriptLang = [nScripts]string{
	thai: "th", khmer: "km", myanmar: "my", lao: "lo", han: "zh", kana: "ja",
	hangul: "ko", cyrillic: "ru", arabic: "ar", devanagari: "hi", hebrew: "he",
	greek: "el",
}

// scriptWeight is what one letter of a script counts for against Latin
// letters: a Chinese character or kana stands for about as much text as
// three Latin letters, a Hangul syllable two, the others one.
var scriptWeight = [nScripts]int{
	thai: 1, khmer: 1, myanmar: 1, lao: 1, han: 3, kana: 3, hangul: 2,
	cyrillic: 1, arabic: 1, devanagari: 1, hebrew: 1, greek: 1,
}

// scriptOf names the script of r by its Unicode block: a switch on ranges
// is several times faster than unicode.Is over the script tables, and a
// block's few unassigned or shared points do not change a count.
func scriptOf(r rune) script {
	switch {
	case r < 0x0370:
		return noScript
	case r < 0x0400:
		return greek
	case r < 0x0530:
		return cyrillic
	case 0x0590 <= r && r < 0x0600:
		return hebrew
	case 0x0600 <= r && r < 0x0700, 0x0750 <= r && r < 0x0780:
		return arabic
	case 0x0900 <= r && r < 0x0980:
		return devanagari
	case 0x0E00 <= r && r < 0x0E80:
		return thai
	case 0x0E80 <= r && r < 0x0F00:
		return lao
	case 0x1000 <= r && r < 0x10A0, 0xA9E0 <= r && r < 0xAA00, 0xAA60 <= r && r < 0xAA80:
		return myanmar
	case 0x1100 <= r && r < 0x1200, 0x3130 <= r && r < 0x3190, 0xAC00 <= r && r < 0xD7B0:
		return hangul
	case 0x1780 <= r && r < 0x1800, 0x19E0 <= r && r < 0x1A00:
		return khmer
	case 0x3040 <= r && r < 0x3100, 0x31F0 <= r && r < 0x3200, 0xFF66 <= r && r < 0xFF9E:
		return kana
	case 0x3400 <= r && r < 0x4DC0, 0x4E00 <= r && r < 0xA000, 0xF900 <= r && r < 0xFB00, 0x20000 <= r && r < 0x32000:
		return han
	}
	return noScript
}

func loadLangID(fsys fs.FS) (*langID, error) {
	const name = "langid.txt"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	l := &langID{words: map[string]uint32{}, vi: -1}
	sc := bufio.NewScanner(bytes.NewReader(data))
	lang := -1
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			code := line[1 : len(line)-1]
			if code == "" || len(l.names) == 32 {
				return nil, fmt.Errorf("%s:%d: bad or one too many languages %q", name, n, line)
			}
			lang = len(l.names)
			l.names = append(l.names, code)
			if code == "vi" {
				l.vi = lang
			}
			continue
		case lang < 0:
			return nil, fmt.Errorf("%s:%d: words before the first [language]", name, n)
		}
		for _, w := range strings.Fields(line) {
			f := foldWord(w)
			if f != w {
				return nil, fmt.Errorf("%s:%d: write %q as the engine reads it: %q", name, n, w, f)
			}
			l.words[w] |= 1 << lang
		}
	}
	return l, sc.Err()
}

// foldWord is w as the engine reads it.
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// identify names the language of text, whose words view is words and
// whose links are links (their letters say nothing of the language); ""
// when there is too little to tell.
func (l *langID) identify(text string, words []byte, links []foundLink) string {
	var (
		latin, viet int
		counts      [nScripts]int // weighted letters per script
		nextLink    int
	)
	for i := 0; i < len(text); {
		// Links written in the text come first, in order; platform links
		// (shown text, or not in the text) follow and are words, not links.
		for nextLink < len(links) && (links[nextLink].span.End <= i || links[nextLink].shown != "") {
			nextLink++
		}
		if nextLink < len(links) && links[nextLink].span.Start <= i && links[nextLink].span.End > i {
			i = links[nextLink].span.End
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				latin++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r < 0x250: // Latin-1 and Latin Extended-A and B
			if unicode.IsLetter(r) {
				latin++
				if isVietnameseLetter(r) {
					viet++
				}
			}
		case 0x1EA0 <= r && r <= 0x1EF9: // Latin Extended Additional: Vietnamese tones
			latin++
			viet++
		default:
			sc := scriptOf(r)
			counts[sc] += scriptWeight[sc]
		}
	}
	best := noScript
	for sc := thai; sc < nScripts; sc++ {
		if sc != kana && counts[sc] > counts[best] {
			best = sc
		}
	}
	// Kana, with or without Chinese characters, are Japanese, unless they
	// are a stray emoticon in Chinese text.
	if k, h := counts[kana], counts[han]; k > 0 && k*5 >= h && k+h >= latin && k+h >= counts[best] {
		return "ja"
	}
	if best != noScript && counts[best] >= latin {
		return scriptLang[best]
	}
	if latin == 0 {
		return ""
	}
	// Latin letters. Two letters that only Vietnamese writes ("ư", "ộ")
	// settle it; without tone marks, the word profiles decide.
	if viet >= 2 && l.vi >= 0 {
		return "vi"
	}
	var score [32]float32
	for len(words) > 0 {
		w := words
		if sp := bytes.IndexByte(words, ' '); sp >= 0 {
			w, words = words[:sp], words[sp+1:]
		} else {
			words = nil
		}
		mask := l.words[string(w)]
		if mask == 0 {
			continue
		}
		share := 1 / float32(bits.OnesCount32(mask))
		for mask != 0 {
			k := bits.TrailingZeros32(mask)
			score[k] += share
			mask &^= 1 << k
		}
	}
	first, second := -1, float32(0)
	for k := range l.names {
		switch {
		case first < 0 || score[k] > score[first]:
			if first >= 0 {
				second = score[first]
			}
			first = k
		case score[k] > second:
			second = score[k]
		}
	}
	if first < 0 || score[first] < 1 || score[first] <= second {
		return ""
	}
	return l.names[first]
}

// isVietnameseLetter reports whether r is a letter of Latin-1 and Latin
// Extended-A/B that Vietnamese uses and the other Latin-script languages
// listed do not: ă, đ, ơ, ư (tone-marked vowels are in Latin Extended
// Additional).
func isVietnameseLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ă', 'đ', 'ơ', 'ư':
		return true
	}
	return false
}
