package detect

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// findLinks judges every link on its registrable domain, never on a
// substring of the whole URL.
func (e *Engine) findLinks(in *Input, emit func(Hit)) {
	lists := e.lists.Load()
	for i := range in.links {
		e.judgeLink(&in.links[i], lists, emit)
	}
}

func (e *Engine) judgeLink(l *foundLink, lists *DomainLists, emit func(Hit)) {
	hit := func(rule, detail string) { emit(Hit{Rule: rule, Span: l.span, Detail: detail}) }
	if inList(lists.Allow, l.host) {
		return
	}
	if inList(lists.Deny, l.host) {
		hit("link.denied", l.host)
	}
	if l.ip {
		hit("link.ip_host", "")
		return
	}
	d := e.domains
	if app, ok := d.contact[l.host]; ok {
		if !l.email {
			hit("contact.link", app)
		}
		return
	}
	if app, ok := d.contact[l.reg]; ok && !l.email {
		hit("contact.link", app)
		return
	}
	if l.shown != "" {
		if shown, ok := parseLink(strings.ToLower(strings.TrimSpace(l.shown)), false); ok && shown.reg != l.reg {
			hit("link.text_mismatch", shown.reg+" → "+l.reg)
		}
	}
	if l.userinfo != "" && l.scheme {
		hit("link.userinfo", l.reg)
	}
	if d.shorteners[l.host] || d.shorteners[l.reg] {
		hit("link.shortener", l.reg)
	}
	if l.path != "" {
		if target := redirectTarget(l.path); target != "" && target != l.reg {
			hit("link.open_redirect", target)
		}
	}
	if _, official := d.official[l.reg]; official {
		return // the brand's own site: nothing below applies
	}
	// A free host's subdomain is its own site: judge the subdomain label.
	name := strings.TrimSuffix(l.reg, "."+publicSuffix(l.reg))
	sub := strings.TrimSuffix(strings.TrimSuffix(l.host, l.reg), ".")
	for _, fh := range d.freeHosts {
		if l.host != fh && strings.HasSuffix(l.host, "."+fh) {
			hit("link.free_hosting", fh)
			site := strings.TrimSuffix(l.host, "."+fh)
			name, sub = site[strings.LastIndexByte(site, '.')+1:], ""
			if k := strings.LastIndexByte(site, '.'); k >= 0 {
				sub = site[:k]
			}
			break
		}
	}
	if l.uhost != "" {
		hit("link.punycode", l.uhost)
	}
	if w := d.tlds[l.reg[strings.LastIndexByte(l.reg, '.')+1:]]; w == 2 {
		hit("link.tld_high_abuse", l.reg)
	} else if w == 1 {
		hit("link.tld_abuse", l.reg)
	}
	if b, how := e.brandClaim(name, l.uhost); b >= 0 {
		switch how {
		case claimExact:
			hit("link.brand_other_domain", d.brands[b].name)
		case claimCombo:
			hit("link.brand_combo", d.brands[b].name)
		case claimLookalike:
			hit("link.brand_lookalike", d.brands[b].name)
		}
	} else if sub != "" {
		for _, label := range strings.Split(sub, ".") {
			if b, how := e.brandClaim(label, ""); b >= 0 && how != claimLookalike {
				hit("link.brand_subdomain", d.brands[b].name)
				break
			}
		}
	}
	for _, w := range d.words {
		if strings.Contains(name, w) || sub != "" && strings.Contains(sub, w) {
			hit("link.scam_words", w)
			break
		}
	}
}

func publicSuffix(domain string) string {
	s, _ := publicsuffix.PublicSuffix(domain)
	return s
}

// redirectTarget returns the registrable domain a query parameter sends
// the visitor on to ("?url=https://evil.example"), or "".
func redirectTarget(path string) string {
	q := path
	if k := strings.IndexByte(q, '?'); k >= 0 {
		q = q[k+1:]
	} else {
		return ""
	}
	for _, kv := range strings.Split(q, "&") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		switch k {
		case "url", "u", "redirect", "redirect_url", "redir", "next", "target", "dest", "destination",
			"goto", "go", "to", "out", "link", "continue", "return", "returnurl", "return_url", "r", "q":
		default:
			continue
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = strings.ToLower(uv)
		}
		if rest, ok := strings.CutPrefix(v, "https://"); ok {
			v = rest
		} else if rest, ok := strings.CutPrefix(v, "http://"); ok {
			v = rest
		} else if rest, ok := strings.CutPrefix(v, "//"); ok {
			v = rest
		} else {
			continue
		}
		if fl, ok := parseLink(v, true); ok && fl.reg != "" {
			return fl.reg
		}
	}
	return ""
}

type claim int

const (
	claimNone claim = iota
	claimExact
	claimCombo
	claimLookalike
)

// brandClaim says whether a domain name (the registrable label, without
// its suffix) claims to be a protected brand, and how: the brand's name on
// another domain, the name combined with other words, or a look-alike
// spelling (by edit distance on the confusable skeleton).
func (e *Engine) brandClaim(name, unicodeHost string) (int, claim) {
	d := e.domains
	tokens := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	skel := domainSkeleton(name)
	if unicodeHost != "" {
		u := unicodeHost
		if k := strings.IndexByte(u, '.'); k >= 0 {
			// The label before the suffix: drop the last label.
			u = u[:strings.LastIndexByte(u, '.')]
			if j := strings.LastIndexByte(u, '.'); j >= 0 {
				u = u[j+1:]
			}
		}
		skel = domainSkeleton(u)
	}
	flat := strings.ReplaceAll(skel, "-", "")
	bestB, best := -1, claimNone
	for bi, b := range d.brands {
		for _, k := range b.keywords {
			switch {
			case name == k:
				return bi, claimExact
			case len(k) < 5:
				for _, t := range tokens {
					if t == k && best < claimCombo {
						bestB, best = bi, claimCombo
					}
				}
			case strings.Contains(name, k):
				if best < claimCombo {
					bestB, best = bi, claimCombo
				}
			case best == claimNone || best == claimLookalike:
				if flat == k || nearContains(flat, k) {
					bestB, best = bi, claimLookalike
				}
			}
		}
	}
	// A look-alike outranks a plain combination only when nothing
	// spelled the brand right.
	return bestB, best
}

// domainSkeleton folds a domain label to the letters it imitates: look-alike
// letters of other scripts, digits used as letters, and the two-letter
// tricks "rn" for "m", "vv" for "w", "cl" for "d".
func domainSkeleton(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= utf8.RuneSelf {
			b.WriteString(foldRune(r))
			continue
		}
		switch r {
		case '0':
			r = 'o'
		case '1':
			r = 'l'
		case '3':
			r = 'e'
		case '5':
			r = 's'
		case '4':
			r = 'a'
		}
		b.WriteRune(r)
	}
	out := b.String()
	out = strings.ReplaceAll(out, "rn", "m")
	out = strings.ReplaceAll(out, "vv", "w")
	return out
}

// nearContains reports whether some substring of s is a near miss of k:
// within an edit distance that grows with k's length. The caller has
// already ruled out k spelled right in the raw name.
// Short brand names only count as the whole label, so "stream" is not a
// look-alike of "steam".
func nearContains(s, k string) bool {
	max := 1
	switch {
	case len(k) < 5:
		return false
	case len(k) >= 13:
		max = 3
	case len(k) >= 9:
		max = 2
	}
	if len(k) < 8 {
		// Whole label (or a hyphen-separated part of it) only.
		for _, t := range strings.Split(s, "-") {
			if editDistance(t, k, max) <= max {
				return true
			}
		}
		return false
	}
	return approxContains(s, k, max)
}

// editDistance is the Levenshtein distance of a and b, or max+1 when it
// is over max.
func editDistance(a, b string, max int) int {
	if abs(len(a)-len(b)) > max {
		return max + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// approxContains reports whether k occurs in s with at most max edits, and
// (Sellers' algorithm: the match may start anywhere in s).
func approxContains(s, k string, max int) bool {
	// col[i] is the distance of k[:i] to the best substring of s ending at
	// the current position.
	col := make([]int, len(k)+1)
	for i := range col {
		col[i] = i
	}
	best := col[len(k)]
	for j := 0; j < len(s); j++ {
		diag := col[0] // col[0] stays 0: a match may start at any j
		for i := 1; i <= len(k); i++ {
			c := diag
			if k[i-1] != s[j] {
				c++
			}
			c = min(c, col[i]+1, col[i-1]+1)
			diag, col[i] = col[i], c
		}
		best = min(best, col[len(k)])
	}
	return best <= max
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
