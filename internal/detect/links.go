package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// foundLink is a link found in a message or given by the platform.
type foundLink struct {
	span     scam.Span // where it is in the text; zero for a platform link not shown
	host     string    // lower case, ASCII (punycode)
	uhost    string    // the host as Unicode, when it differs from host
	reg      string    // registrable domain (eTLD+1); "" for an IP
	path     string    // path, query and fragment, lower case
	scheme   bool      // written with http:// or https://
	userinfo string    // the part before "@" in the authority
	email    bool      // an e-mail address, not a link
	ip       bool
	shown    string // the text shown for a platform link, if any
}

// linkText is the text as links are read: lower case, full-width forms
// made ASCII, invisible characters dropped, and the usual defanging undone
// ("hxxp", "[.]", "(.)", " dot "). It keeps a map back to the original.
type linkText struct {
	s     []byte
	start []int32
	end   []int32
}

func (lt *linkText) add(s string, p, n int) {
	for i := 0; i < len(s); i++ {
		lt.s = append(lt.s, s[i])
		lt.start = append(lt.start, int32(p))
		lt.end = append(lt.end, int32(p+n))
	}
}

// defang lists the written-out forms of "." and ":" that people use to make
// a link unclickable, and scammers use to slip past filters.
var defang = []struct{ from, to string }{
	{"[.]", "."}, {"(.)", "."}, {"{.}", "."}, {"[dot]", "."}, {"(dot)", "."}, {"{dot}", "."},
	{" [dot] ", "."}, {" (dot) ", "."}, {"[:]", ":"}, {"hxxp", "http"}, {"hxxps", "https"},
}

func buildLinkText(text string, lt *linkText) {
	lt.s, lt.start, lt.end = lt.s[:0], lt.start[:0], lt.end[:0]
	// Only the words that may hold a link are read ("see example.com"
	// reads "example.com"), unless "dot" defanging may span words.
	if containsDotWord(text) {
		appendLinkText(text, 0, len(text), lt)
		return
	}
	for i := 0; i < len(text); {
		for i < len(text) && isSpace(text[i]) {
			i++
		}
		j := i
		for j < len(text) && !isSpace(text[j]) {
			j++
		}
		if j > i && mayHaveLink(text[i:j]) {
			appendLinkText(text, i, j, lt)
			lt.add(" ", j, 0)
		}
		i = j
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// containsDotWord reports whether text has "dot" in any case: " dot ",
// " [dot] " and the like spread a link over several words.
func containsDotWord(text string) bool {
	for i := 0; i+3 <= len(text); i++ {
		if text[i]|0x20 == 'd' && text[i+1]|0x20 == 'o' && text[i+2]|0x20 == 't' {
			return true
		}
	}
	return false
}

// appendLinkText adds text[from:to] to lt in link form.
func appendLinkText(text string, from, to int, lt *linkText) {
	for p := from; p < to; {
		c := text[p]
		if c < utf8.RuneSelf {
			if n, rep := defangAt(text, p); n > 0 {
				lt.add(rep, p, n)
				p += n
				continue
			}
			lt.add(asciiStrings[lower(c)], p, 1)
			p++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[p:])
		switch {
		case r == utf8.RuneError && n == 1:
			lt.add(" ", p, 1)
		case isInvisible(r):
		case r == '。' || r == '．' || r == '｡':
			lt.add(".", p, n)
		case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII
			lt.add(asciiStrings[lower(byte(r-0xFEE0))], p, n)
		case unspaced(r):
			// "t.me/shop详情" ends at the Chinese: links glued to text in a
			// script without spaces stop where the script starts.
			lt.add(" ", p, n)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			lt.add(string(unicode.ToLower(r)), p, n)
		default:
			lt.add(" ", p, n)
		}
		p += n
	}
}

// defangAt returns the length of a defanged form at text[p:] and what it
// stands for, or 0.
func defangAt(text string, p int) (int, string) {
	switch text[p] {
	case '[', '(', '{', 'h', 'H':
		for _, d := range defang {
			if d.from[0] == text[p]|0x20 || d.from[0] == text[p] {
				if len(text)-p >= len(d.from) && strings.EqualFold(text[p:p+len(d.from)], d.from) {
					return len(d.from), d.to
				}
			}
		}
	case ' ':
		if p+1 >= len(text) {
			break
		}
		switch text[p+1] {
		case '[', '(', '{', 'd', 'D':
			for _, d := range defang {
				if d.from[0] == ' ' && len(text)-p >= len(d.from) && strings.EqualFold(text[p:p+len(d.from)], d.from) {
					return len(d.from), d.to
				}
			}
			// " dot " only between letters of a domain: "example dot com".
			if len(text)-p > 5 && strings.EqualFold(text[p:p+5], " dot ") && p > 0 &&
				isHostByte(lower(text[p-1])) && isHostByte(lower(text[p+5])) {
				return 5, "."
			}
		}
	}
	return 0, ""
}

// mayHaveLink is a quick test before building the link text: a dot
// followed by a letter or digit ("x.com", "t.me"), a scheme, or a defanged
// or full-width dot. Sentence dots (". ") are not enough.
func mayHaveLink(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		switch c := text[i]; {
		case c == '.' && (isASCIIAlnum(text[i+1]) || text[i+1] >= utf8.RuneSelf):
			return true
		case c == ']' || c == ')' || c == '}':
			if i > 0 && text[i-1] == '.' || i > 2 && strings.EqualFold(text[i-3:i], "dot") {
				return true
			}
		case c == ' ' && i+4 < len(text) && text[i+1]|0x20 == 'd' && text[i+2]|0x20 == 'o' && text[i+3]|0x20 == 't' && text[i+4] == ' ':
			return true
		case c == 0xE3 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0x82, // 。
			c == 0xEF && i+2 < len(text) && (text[i+1] == 0xBC && text[i+2] == 0x8E || text[i+1] == 0xBD && text[i+2] == 0xA1): // ．｡
			return true
		}
	}
	return false
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isHostByte(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c >= utf8.RuneSelf
}

// isURLByte says what may appear in a link as people write it in chat.
// Brackets, quotes and commas end a link: they wrap links in prose.
func isURLByte(c byte) bool {
	if isHostByte(c) {
		return true
	}
	switch c {
	case '.', '_', '~', ':', '/', '?', '#', '@', '&', '=', '%', '+', '!', '$':
		return true
	}
	return false
}

// fileExt are endings that are both a top-level domain and a common file
// name ending; written bare in chat ("run setup.py") they are files.
var fileExt = map[string]bool{"py": true, "sh": true, "md": true, "rs": true, "pl": true, "zip": true, "mov": true, "so": true, "ps": true}

// extractLinks finds the links of text and adds the platform's links.
func (e *Engine) extractLinks(text string, given []scam.Link, lt *linkText, out []foundLink) []foundLink {
	if mayHaveLink(text) {
		buildLinkText(text, lt)
		out = scanLinks(lt, out)
	}
	given = append(given, maskedLinks(text)...)
	for _, l := range given {
		fl, ok := parseLink(strings.ToLower(strings.TrimSpace(l.URL)), true)
		if !ok {
			continue
		}
		fl.span = l.Span
		fl.shown = l.Shown
		out = append(out, fl)
	}
	return out
}

// scanLinks finds candidate runs in lt and keeps those that parse as links.
func scanLinks(lt *linkText, out []foundLink) []foundLink {
	s := lt.s
	for i := 0; i < len(s); {
		if !isURLByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isURLByte(s[j]) {
			j++
		}
		run := s[i:j]
		// Trailing punctuation belongs to the sentence.
		for len(run) > 0 && strings.IndexByte(".:?!#&=+$@", run[len(run)-1]) >= 0 {
			run = run[:len(run)-1]
		}
		if k := strings.Index(string(run), "://"); k >= 0 {
			// Keep only the scheme's letters: "see:http://x" → "http://x".
			a := k
			for a > 0 && 'a' <= run[a-1] && run[a-1] <= 'z' {
				a--
			}
			scheme := string(run[a:k])
			if scheme == "http" || scheme == "https" {
				if fl, ok := parseLink(string(run[k+3:]), true); ok {
					fl.span = scam.Span{Start: int(lt.start[i+a]), End: int(lt.end[i+len(run)-1])}
					out = append(out, fl)
				}
			}
		} else if strings.IndexByte(string(run), '.') > 0 {
			if fl, ok := parseLink(string(run), false); ok {
				fl.span = scam.Span{Start: int(lt.start[i]), End: int(lt.end[i+len(run)-1])}
				out = append(out, fl)
			}
		}
		i = j
	}
	return out
}

// parseLink reads "host[:port][/path]" (after the scheme, if any) or a
// bare form, and says whether it is a link worth judging.
func parseLink(s string, scheme bool) (foundLink, bool) {
	fl := foundLink{scheme: scheme}
	if rest, ok := strings.CutPrefix(s, "https://"); ok {
		s, fl.scheme = rest, true
	} else if rest, ok := strings.CutPrefix(s, "http://"); ok {
		s, fl.scheme = rest, true
	}
	auth := s
	if k := strings.IndexAny(s, "/?#"); k >= 0 {
		auth, fl.path = s[:k], s[k:]
	}
	if k := strings.LastIndexByte(auth, '@'); k >= 0 {
		fl.userinfo, auth = auth[:k], auth[k+1:]
		if !fl.scheme && fl.path == "" {
			fl.email = true
		}
	}
	if k := strings.LastIndexByte(auth, ':'); k >= 0 {
		auth = auth[:k]
	}
	host := strings.TrimSuffix(auth, ".")
	if host == "" || len(host) > 253 || strings.Contains(host, "..") || strings.HasPrefix(host, ".") {
		return fl, false
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return fl, false
	}
	if isIPv4(labels) {
		// A bare "1.2.3.4" is as often a version number as an address.
		fl.host, fl.ip = host, true
		return fl, fl.scheme
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return fl, false
		}
		for _, r := range l {
			if !(r == '-' || 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r))) {
				return fl, false
			}
		}
	}
	ascii, err := idna.Punycode.ToASCII(host)
	if err != nil {
		return fl, false
	}
	fl.host = ascii
	if ascii != host {
		fl.uhost = host
	} else if strings.Contains(ascii, "xn--") {
		if u, err := idna.Punycode.ToUnicode(ascii); err == nil && u != ascii {
			fl.uhost = u
		}
	}
	tld := ascii[strings.LastIndexByte(ascii, '.')+1:]
	if _, icann := publicsuffix.PublicSuffix(tld); !icann {
		return fl, false
	}
	if !fl.scheme && !strings.HasPrefix(ascii, "www.") && fl.path == "" && fileExt[tld] {
		return fl, false
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(ascii)
	if err != nil {
		return fl, false
	}
	fl.reg = reg
	return fl, true
}

func isIPv4(labels []string) bool {
	if len(labels) != 4 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 3 {
			return false
		}
		n := 0
		for i := 0; i < len(l); i++ {
			if l[i] < '0' || l[i] > '9' {
				return false
			}
			n = n*10 + int(l[i]-'0')
		}
		if n > 255 {
			return false
		}
	}
	return true
}

// maskedLinks finds Markdown links "[shown](https://target)" in text, as
// Discord and many chat apps render them: the shown text can name another
// site than the target.
func maskedLinks(text string) []scam.Link {
	var out []scam.Link
	for i := 0; ; {
		k := strings.Index(text[i:], "](http")
		if k < 0 {
			return out
		}
		k += i
		open := strings.LastIndexByte(text[:k], '[')
		end := strings.IndexByte(text[k:], ')')
		if open >= 0 && end > 0 && !strings.ContainsAny(text[open+1:k], "[]\n") {
			out = append(out, scam.Link{
				URL:   text[k+2 : k+end],
				Shown: text[open+1 : k],
				Span:  scam.Span{Start: open, End: k + end + 1},
			})
		}
		i = k + 2
	}
}
