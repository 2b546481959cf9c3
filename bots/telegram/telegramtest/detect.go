package telegramtest

import (
	"strings"
	"unicode"
	"unicode/utf16"
)

// detectEntities marks what Telegram marks by itself in a user's message:
// bot commands, @mentions, #hashtags and links. tgbotapi's IsCommand and a
// bot reading url entities depend on it. Links are found by shape, not
// against the list of real top-level domains Telegram uses, so "notes.txt"
// is a link here and not there.
func detectEntities(text string) []MessageEntity {
	rs := []rune(text)
	off := make([]int, len(rs)+1) // UTF-16 offset of each rune
	for i, r := range rs {
		off[i+1] = off[i] + utf16.RuneLen(r)
	}
	var out []MessageEntity
	for i := 0; i < len(rs); {
		if i > 0 && (isWordRune(rs[i-1]) || rs[i-1] == '@') {
			i++
			continue
		}
		typ, j := "", i
		switch {
		case rs[i] == '/' && (i == 0 || unicode.IsSpace(rs[i-1])):
			typ, j = "bot_command", matchCommand(rs, i)
		case rs[i] == '@':
			if k := asciiWordEnd(rs, i+1); k-i-1 >= 5 && k-i-1 <= 32 {
				typ, j = "mention", k
			}
		case rs[i] == '#':
			k := i + 1
			for k < len(rs) && isWordRune(rs[k]) {
				k++
			}
			if strings.TrimFunc(string(rs[i+1:k]), unicode.IsDigit) != "" {
				typ, j = "hashtag", k
			}
		default:
			typ, j = "url", matchURL(rs, i)
		}
		if j > i {
			out = append(out, MessageEntity{Type: typ, Offset: off[i], Length: off[j] - off[i]})
			i = j
			continue
		}
		i++
	}
	return out
}

// matchCommand returns the end of "/name" or "/name@botname" at rs[i], or i.
func matchCommand(rs []rune, i int) int {
	j := asciiWordEnd(rs, i+1)
	if j == i+1 || j-i-1 > 64 {
		return i
	}
	if j < len(rs) && rs[j] == '@' {
		if k := asciiWordEnd(rs, j+1); k-j-1 >= 3 && k-j-1 <= 32 {
			j = k
		}
	}
	if j < len(rs) && isWordRune(rs[j]) {
		return i
	}
	return j
}

// matchURL returns the end of a link starting at rs[i] (with a scheme, or a
// bare host such as example.com), or i.
func matchURL(rs []rune, i int) int {
	rest := strings.ToLower(string(rs[i:min(i+8, len(rs))]))
	for _, scheme := range []string{"https://", "http://"} {
		if strings.HasPrefix(rest, scheme) {
			start := i + len(scheme)
			j := start
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			j = trimLinkEnd(rs, start, j)
			if j == start {
				return i
			}
			return j
		}
	}
	k := i
	for k < len(rs) && (unicode.IsLetter(rs[k]) || unicode.IsDigit(rs[k]) || rs[k] == '-' || rs[k] == '.') {
		k++
	}
	for k > i && rs[k-1] == '.' {
		k--
	}
	labels := strings.Split(string(rs[i:k]), ".")
	if len(labels) < 2 {
		return i
	}
	for _, l := range labels {
		if l == "" || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return i
		}
	}
	tld := []rune(labels[len(labels)-1])
	if len(tld) < 2 || strings.IndexFunc(string(tld), func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
		return i
	}
	if k < len(rs) && strings.ContainsRune("/?#:", rs[k]) {
		for k < len(rs) && !unicode.IsSpace(rs[k]) {
			k++
		}
		k = trimLinkEnd(rs, i, k)
	}
	return k
}

// trimLinkEnd drops trailing punctuation that ends the sentence rather than
// the link, and a closing parenthesis that has no opening one in the link.
func trimLinkEnd(rs []rune, start, end int) int {
	for end > start {
		last := rs[end-1]
		switch {
		case strings.ContainsRune(".,;:!?'\"", last):
			end--
			continue
		case last == ')':
			s := string(rs[start:end])
			if strings.Count(s, "(") < strings.Count(s, ")") {
				end--
				continue
			}
		}
		break
	}
	return end
}

func asciiWordEnd(rs []rune, i int) int {
	for i < len(rs) && (rs[i] < 128 && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) || rs[i] == '_') {
		i++
	}
	return i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}
