package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// number is a run of digits as people write them: "+44 7700 900123",
// "0906-170-1461", "1,000.50".
type number struct {
	start, end int // byte range in the text, '+' included
	digits     string
	plus       bool
	seps       int
}

// scanNumbers finds digit runs; single spaces, dots, commas, dashes and
// brackets between digits keep a run together.
func scanNumbers(text string, fn func(n number)) {
	var buf [24]byte
	for p := 0; p < len(text); p++ {
		c := text[p]
		if c < '0' || c > '9' {
			continue
		}
		if p > 0 && isASCIILetter(text[p-1]) && !currencyCodeBefore(text[:p]) {
			// Part of a word or handle ("mp3", "sx111505"): skip it whole.
			for p < len(text) && (isASCIILetter(text[p]) || '0' <= text[p] && text[p] <= '9') {
				p++
			}
			continue
		}
		n := number{start: p}
		if p > 0 && text[p-1] == '+' {
			n.start, n.plus = p-1, true
		}
		d := buf[:0]
		q := p
		for q < len(text) {
			c := text[q]
			if '0' <= c && c <= '9' {
				if len(d) < cap(d) {
					d = append(d, c)
				} else {
					d = d[:cap(d)] // too long to be a phone number or sum
				}
				q++
				continue
			}
			if strings.IndexByte(" -.,()/", c) >= 0 && q+1 < len(text) && '0' <= text[q+1] && text[q+1] <= '9' {
				n.seps++
				q++
				continue
			}
			break
		}
		n.end = q
		n.digits = string(d)
		fn(n)
		p = q
	}
}

// currencyCodeBefore reports whether the letters just before a number are
// a currency code written against it ("RM50", "Rp50.000", "USD100").
func currencyCodeBefore(before string) bool {
	w := len(before)
	for w > 0 && isASCIILetter(before[w-1]) {
		w--
	}
	if w > 0 && (isASCIILetter(before[w-1]) || '0' <= before[w-1] && before[w-1] <= '9') {
		return false
	}
	switch strings.ToLower(before[w:]) {
	case "rm", "rp", "rs", "usd", "php", "idr", "inr", "gbp", "eur", "sgd", "hkd", "rmb", "vnd", "thb":
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// currencyBefore and currencyAfter are the ways a sum of money is written
// around its digits.
var (
	currencyBefore = []string{"us$", "hk$", "nt$", "s$", "$", "£", "€", "¥", "₱", "₹", "₩", "฿", "₫", "₦", "rp", "rs", "inr", "usd", "rm", "php", "idr", "rmb", "gbp", "eur", "sgd", "hkd", "vnd", "thb"}
	currencyAfter  = []string{"руб", "₽", "тыс", "грн", "₴", "к", "usdt", "usdc", "usd", "btc", "eth", "eur", "gbp", "dollars", "dollar", "euros", "euro", "pounds", "baht", "pesos", "peso", "rupees", "ringgit", "dong", "jt", "juta", "rb", "ribu", "元", "万", "块", "美金", "u", "k", "m", "€", "$", "£"}
)

// callForwardCodes are GSM codes that forward a phone's calls elsewhere
// ("*21*number#"). Scammers ask for them to receive the victim's
// verification calls and take over accounts.
var callForwardCodes = []string{"**21*", "*21*", "**61*", "*61*", "**62*", "*62*", "**67*", "*67*", "**004*", "*004*", "*#21#"}

// findCallForward reports a call-forwarding code followed by a number.
func findCallForward(text string, emit func(Hit)) {
	for _, code := range callForwardCodes {
		for i := 0; ; {
			k := strings.Index(text[i:], code)
			if k < 0 {
				break
			}
			start := i + k
			end := start + len(code)
			for end < len(text) && ('0' <= text[end] && text[end] <= '9' || text[end] == '+') && end-start < 40 {
				end++
			}
			// An optional service class: "*21*0812345678*11#".
			if end+1 < len(text) && text[end] == '*' && '0' <= text[end+1] && text[end+1] <= '9' {
				for end++; end < len(text) && '0' <= text[end] && text[end] <= '9' && end-start < 44; end++ {
				}
			}
			if end < len(text) && text[end] == '#' && (end > start+len(code) || code == "*#21#") {
				emit(Hit{Rule: "credential.call_forward", Span: scam.Span{Start: start, End: end + 1}})
				return
			}
			i = start + 1
		}
	}
}

// findPhoneRule reports phone numbers, premium-rate numbers, text-to-win
// short codes and sums of money.
func findPhoneRule(in *Input, emit func(Hit)) {
	text := in.Text
	if strings.Contains(text, "*") {
		findCallForward(text, emit)
	}
	scanNumbers(text, func(n number) {
		span := scam.Span{Start: n.start, End: n.end}
		nd := len(n.digits)
		switch {
		case nd == 11 && (strings.HasPrefix(n.digits, "09") || strings.HasPrefix(n.digits, "087")) && in.lang == "en":
			// UK premium-rate and revenue-sharing ranges. The same shape is
			// an ordinary mobile number in the Philippines and Myanmar
			// (0917…, 09 xxx…) and Indonesia (087…): only text recognised
			// as English reads it as premium-rate.
			emit(Hit{Rule: "premium.number", Span: span})
			return
		case nd >= 9 && nd <= 15 && (n.plus || n.digits[0] == '0' || n.seps >= 2 || nd >= 10) &&
			!isMoney(text, n) && looksLikePhone(text, n) && !inLink(in.links, n):
			emit(Hit{Rule: "contact.phone", Span: span})
			return
		case nd >= 4 && nd <= 6 && n.seps == 0 && shortCodeBefore(text[:n.start], nd):
			emit(Hit{Rule: "premium.shortcode", Span: span})
			return
		}
		if s, e, ok := moneyAround(text, n); ok {
			emit(Hit{Rule: "money.amount", Span: scam.Span{Start: s, End: e}})
		}
	})
}

// looksLikePhone rules out digit runs that are something else: dotted
// versions, IP addresses and dates ("10.0.19045", "203.0.113.20",
// "25.11.2024 14"), and ISBNs.
func looksLikePhone(text string, n number) bool {
	run := text[n.start:n.end]
	if !n.plus && strings.Count(run, ".") >= 2 {
		return false
	}
	if len(n.digits) == 13 && (strings.HasPrefix(n.digits, "978") || strings.HasPrefix(n.digits, "979")) {
		return false
	}
	return true
}

// inLink reports whether number n sits inside one of the links of the
// message (a meeting id, a tracking number in a URL).
func inLink(links []foundLink, n number) bool {
	for _, l := range links {
		if l.span.Start <= n.start && n.end <= l.span.End && l.span.End > 0 {
			return true
		}
	}
	return false
}

func isMoney(text string, n number) bool {
	_, _, ok := moneyAround(text, n)
	return ok
}

// moneyAround returns the span of a sum of money around number n.
func moneyAround(text string, n number) (int, int, bool) {
	raw := text[max(0, n.start-6):n.start]
	trimmed := strings.TrimRight(raw, " .")
	if gap := len(raw) - len(trimmed); gap <= 2 {
		low := strings.ToLower(trimmed)
		for _, c := range currencyBefore {
			if !strings.HasSuffix(low, c) {
				continue
			}
			s := n.start - gap - len(c)
			if s > 0 && isASCIILetter(text[s-1]) && isASCIILetter(c[0]) {
				continue // "chars 100", not "rs 100"
			}
			return s, n.end, true
		}
	}
	after := text[n.end:min(len(text), n.end+9)]
	rest := strings.TrimLeft(after, " ")
	skip := len(after) - len(rest)
	low := strings.ToLower(rest)
	for _, c := range currencyAfter {
		if !strings.HasPrefix(low, c) {
			continue
		}
		end := n.end + skip + len(c)
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && unicode.IsLetter(r) {
			if first, _ := utf8.DecodeRuneInString(c); unicode.IsLetter(first) {
				continue // "10 kids" is not "10k", "10 км" not "10 к"
			}
		}
		if len(c) == 1 && isASCIILetter(c[0]) && skip > 0 {
			continue // "5 u" is not "5u"
		}
		return n.start, end, true
	}
	return 0, 0, false
}

// shortCodeBefore reports whether the text before a short number asks to
// send a keyword to it: "text WIN to 80086", "reply STOP to 8007". The
// keyword is the tell: a service asking for feedback ("send SMS to 1166")
// names no keyword.
func shortCodeBefore(before string, digits int) bool {
	b := before[max(0, len(before)-40):]
	b = strings.TrimRight(b, " :")
	low := strings.ToLower(b)
	var rest string
	switch {
	case strings.HasSuffix(low, " to"):
		rest = b[:len(b)-3]
	case strings.HasSuffix(low, " on"):
		rest = b[:len(b)-3]
	default:
		return false
	}
	fields := strings.Fields(rest)
	if len(fields) < 2 {
		return false
	}
	word := strings.Trim(fields[len(fields)-1], "'\"")
	switch strings.ToLower(word) {
	case "sms", "msg", "message", "messages", "free", "mms", "feedback", "it", "this", "us", "me":
		return false
	}
	verb := false
	for _, f := range fields[max(0, len(fields)-4) : len(fields)-1] {
		switch strings.ToLower(f) {
		case "txt", "text", "send", "reply", "sms":
			verb = true
		}
	}
	caps := len(word) >= 2 && strings.ToUpper(word) == word && strings.ToLower(word) != word
	// Five-digit codes are the premium ranges of the UK and others; shorter
	// ones are common service numbers, so those need a keyword in capitals.
	return verb && (caps || digits >= 5)
}
