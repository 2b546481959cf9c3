package detect

import (
	"math/bits"
	"net/url"
	"slices"
	"strings"
	"unicode"
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
		if p, _, _ := strings.Cut(l.path, "?"); strings.HasSuffix(p, ".apk") {
			// An app from outside the app stores: the usual way phone
			// malware arrives ("invitation.apk", "update.apk").
			hit("link.apk", l.reg)
		}
	}
	// A free host's subdomain (or, for hosts that publish by path, the host
	// itself) is anyone's site, even under a brand's own domain
	// ("sites.google.com"): judge the site's own name, not the host's owner.
	name := strings.TrimSuffix(l.reg, "."+publicSuffix(l.reg))
	sub := strings.TrimSuffix(strings.TrimSuffix(l.host, l.reg), ".")
	if fh := d.freeHost(l.host); fh != "" && (l.host != fh || publicSuffix(fh) != fh) {
		hit("link.free_hosting", fh)
		site := strings.TrimSuffix(strings.TrimSuffix(l.host, fh), ".")
		name, sub = site, ""
		if k := strings.LastIndexByte(site, '.'); k >= 0 {
			name, sub = site[k+1:], site[:k]
		}
	} else if _, official := d.official[l.reg]; official {
		return // the brand's own site: nothing below applies
	}
	if l.uhost != "" {
		if mixesLatin(l.uhost) {
			hit("link.homograph", l.uhost)
		} else {
			hit("link.punycode", l.uhost)
		}
	}
	if w := d.tlds[l.reg[strings.LastIndexByte(l.reg, '.')+1:]]; w == 2 {
		hit("link.tld_high_abuse", l.reg)
	} else if w == 1 {
		hit("link.tld_abuse", l.reg)
	}
	// Ordinary words that hold a bait word or a brand ("authority",
	// "steamboat") say nothing about the site.
	name = strings.Trim(d.holders.Replace(name), "-")
	if name == "" {
		return
	}
	b, how, common := e.brandClaim(name, l.uhost)
	if b >= 0 {
		switch how {
		case claimExact:
			if common {
				// "ethereum.link", "opensea.institute": names of open
				// technologies and ordinary words are often used by others.
				hit("link.brand_other_domain_common", d.brands[b].name)
			} else {
				hit("link.brand_other_domain", d.brands[b].name)
			}
		case claimCombo:
			if common {
				hit("link.brand_combo_common", d.brands[b].name)
			} else {
				hit("link.brand_combo", d.brands[b].name)
			}
		case claimToken:
			hit("link.brand_token", d.brands[b].name)
		case claimLookalike:
			hit("link.brand_lookalike", d.brands[b].name)
		case claimNear:
			if common {
				hit("link.brand_near_common", d.brands[b].name)
			} else {
				hit("link.brand_near", d.brands[b].name)
			}
		}
	} else if sub != "" {
		for _, label := range strings.Split(sub, ".") {
			if b, how, _ := e.brandClaim(label, ""); b >= 0 && (how == claimExact || how == claimCombo || how == claimToken) {
				hit("link.brand_subdomain", d.brands[b].name)
				break
			}
		}
	}
	if how == claimExact {
		return // "ledgerwallet" names the brand; "wallet" is part of it
	}
	if how == claimCombo || how == claimToken {
		// Bait words are looked for beside the brand, not inside its name
		// ("dropbox" holds "drop").
		for _, k := range d.brands[b].keywords {
			name = strings.ReplaceAll(name, k, "-")
		}
	}
	found := 0
	// Look-alike spellings of bait words count only when digits stand in
	// for letters ("cla1m"): the letter pairs of the skeleton make real
	// words match ("dalmatian" holds "claim" read as "dalm").
	leet := strings.ContainsAny(name, "0123456789")
	nameSkel := domainSkeleton(name)
	for i, w := range d.words {
		if !strings.Contains(name, w) && (sub == "" || !strings.Contains(sub, w)) && (!leet || !strings.Contains(nameSkel, d.wordSkeletons[i])) {
			continue
		}
		found++
		switch {
		case found > 1:
			hit("link.scam_words_many", w)
			return
		case d.weakWords[i] || sub == "" && wholeWord(name, w):
			// A site named by the word alone ("recovery.org",
			// "rewards.com") is as likely a real business as a trap.
			hit("link.weak_words", w)
		default:
			hit("link.scam_words", w)
		}
	}
}

// mixesLatin reports whether a Unicode host has a label that mixes plain
// ASCII letters with other letters: "pаypal" with a Cyrillic а, or
// "myethèrwallèt". A label wholly in another script is an ordinary
// international domain.
func mixesLatin(host string) bool {
	for _, label := range strings.Split(host, ".") {
		ascii, other := false, false
		for _, r := range label {
			switch {
			case 'a' <= r && r <= 'z':
				ascii = true
			case r >= utf8.RuneSelf && unicode.IsLetter(r):
				other = true
			}
		}
		if ascii && other {
			return true
		}
	}
	return false
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
	claimToken
	claimNear
	claimLookalike
)

// brandClaim says whether a domain name (the registrable label, without
// its suffix) claims to be a protected brand, and how: the brand's name on
// another domain, the name combined with other words, or a look-alike
// spelling (the confusable skeleton, or a few edits for long names).
func (e *Engine) brandClaim(name, unicodeHost string) (int, claim, bool) {
	d := e.domains
	tokens := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || '0' <= r && r <= '9' })
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	label := name
	if unicodeHost != "" {
		// The label of the Unicode host that the registrable name came from.
		u := strings.Split(unicodeHost, ".")
		if n := strings.Count(name, ".") + 1; len(u) > n {
			label = strings.Join(u[len(u)-n-1:len(u)-1], ".")
		}
	}
	skel := domainSkeleton(label)
	flat := flatten.Replace(skel)
	skelTokens := strings.FieldsFunc(skel, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	// Ordinary words one edit away from a brand ("finance", "stream") are
	// taken out before looking for near misses.
	plain := underscore.Replace(skel)
	near := plain
	for _, w := range d.ordinary {
		near = strings.ReplaceAll(near, w, "_")
	}
	plainMask, nearMask := letterMask(plain), letterMask(near)
	bestB, best, bestCommon := -1, claimNone, false
	better := func(b int, c claim, common bool) {
		if c > best || best == claimNone || c == best && bestCommon && !common {
			bestB, best, bestCommon = b, c, common
		}
	}
	for bi, b := range d.brands {
		for ki, k := range b.keywords {
			switch {
			case name == k:
				return bi, claimExact, b.common[ki]
			case len(k) < 5:
				// Short names only as a whole word: between hyphens or
				// digits, or between hyphens for names with digits ("cs2").
				if slices.Contains(tokens, k) || slices.Contains(parts, k) {
					better(bi, claimCombo, b.common[ki])
				}
			case hasBrandPart(name, tokens, k):
				if len(tokens) > 1 && slices.Contains(tokens, k) {
					better(bi, claimToken, b.common[ki])
				} else {
					better(bi, claimCombo, b.common[ki])
				}
			default:
				ks := b.skeletons[ki]
				switch {
				case flat == ks || hasBrandPart(flat, skelTokens, ks):
					better(bi, claimLookalike, b.common[ki])
				case len(k) >= 7 && couldBeNear(b.masks[ki], pick(b.hasOrdinary[ki], plainMask, nearMask), ks) &&
					nearMiss(pick(b.hasOrdinary[ki], plain, near), ks, !b.common[ki], d.ordinary):
					if len(k) >= 11 && !b.common[ki] {
						better(bi, claimLookalike, false)
					} else {
						better(bi, claimNear, b.common[ki])
					}
				case len(k) == 6 && !b.common[ki] && !b.hasOrdinary[ki] && nearShort(skelTokens, ks):
					better(bi, claimNear, false)
				}
			}
		}
	}
	return bestB, best, bestCommon
}

func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

// hasBrandPart reports whether k stands in name as a word of its own: a
// whole token, the start of one ("steamgift"), or, for names of seven or
// more letters, anywhere ("freediscordnitro"). "pineapple" does not claim
// to be Apple.
func hasBrandPart(name string, tokens []string, k string) bool {
	if len(k) >= 7 {
		return strings.Contains(name, k)
	}
	if tokens == nil {
		tokens = []string{name}
	}
	for _, t := range tokens {
		if strings.HasPrefix(t, k) {
			return true
		}
	}
	return false
}

// letterMask has bit i set when s holds the letter 'a'+i.
func letterMask(s string) uint32 {
	var m uint32
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'a' <= c && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

// couldBeNear is a quick filter before nearMiss: every letter of k that s
// lacks costs at least one edit.
func couldBeNear(kMask, sMask uint32, k string) bool {
	return bits.OnesCount32(kMask&^sMask) <= nearMax(k)
}

// nearMax is how many edits a spelling of the brand name k may be from k
// and still be read as an imitation of it, looking inside a longer name.
// Long coined names tolerate more: nobody misspells "steamcommunity" four
// ways by accident, and no ordinary word is that close to it.
func nearMax(k string) int {
	switch {
	case len(k) >= 14:
		return 4
	case len(k) >= 13:
		return 3
	case len(k) >= 11:
		return 2
	}
	return 1
}

// nearMiss reports whether s holds a spelling a few edits from the brand
// name k: the whole name, or a hyphen-separated part, for names under nine
// letters; anywhere in s for longer ones, whose near misses are rarely an
// accident ("steamcomrnunity-trade"), as long as most of its letters
// stand in order ("localities" is not LocalBitcoins). A coined name with
// one or two letters slipped in before its last is a near miss too
// ("discorcrd"; "interface" is not Interac), where two changed letters
// are not ("telegraph", "behance").
func nearMiss(s, k string, coined bool, ordinary []string) bool {
	max := nearMax(k)
	if len(k) < 9 {
		for s != "" {
			t, rest, _ := strings.Cut(s, "_")
			if slices.Contains(ordinary, t) {
				// "discard" is a word, not a misspelt Discord (whose name
				// holds "disco", so the words were not taken out before).
			} else if editDistance(t, k, max) <= max ||
				coined && len(t) > len(k) && len(t) <= len(k)+2 && t[len(t)-1] == k[len(k)-1] && isSubsequence(k, t) {
				return true
			}
			s = rest
		}
		return false
	}
	return approxContains(s, k, max) && (max < 3 || commonLetters(s, k) >= len(k)-3)
}

// isSwap reports whether s is k with two neighbouring letters swapped.
func isSwap(s, k string) bool {
	i := 0
	for i < len(k) && s[i] == k[i] {
		i++
	}
	return i+1 < len(k) && s[i] == k[i+1] && s[i+1] == k[i] && s[i+2:] == k[i+2:]
}

// isSubsequence reports whether every letter of k appears in s in order.
func isSubsequence(k, s string) bool {
	i := 0
	for j := 0; j < len(s) && i < len(k); j++ {
		if s[j] == k[i] {
			i++
		}
	}
	return i == len(k)
}

// commonLetters is the length of the longest common subsequence of s and k.
func commonLetters(s, k string) int {
	var row [40]int
	if len(k) >= len(row) {
		return 0
	}
	for i := 0; i < len(s); i++ {
		diag := 0
		for j := 1; j <= len(k); j++ {
			up := row[j]
			if s[i] == k[j-1] {
				row[j] = diag + 1
			} else {
				row[j] = max(row[j], row[j-1])
			}
			diag = up
		}
	}
	return row[len(k)]
}

// nearShort reports whether a part of a name is a six-letter coined brand
// name with one letter slipped in ("robllox", "ledcger") or two letters
// swapped ("terzor"). A changed or dropped letter makes ordinary words too
// often ("tremor", "ledge").
func nearShort(tokens []string, k string) bool {
	for _, t := range tokens {
		switch {
		case len(t) == len(k)+1 && isSubsequence(k, t):
			return true
		case len(t) == len(k) && isSwap(t, k):
			return true
		}
	}
	return false
}

// editDistance is the optimal-string-alignment distance of a and b
// (Levenshtein plus swapping two neighbouring letters, the commonest
// typo-squat: "dicsord"), or max+1 when it is over max.
func editDistance(a, b string, max int) int {
	if len(a)-len(b) > max || len(b)-len(a) > max {
		return max + 1
	}
	if len(b)+1 > 40 {
		return max + 1 // longer than any brand name
	}
	var r0, r1, r2 [40]int
	pp, prev, cur := r0[:len(b)+1], r1[:len(b)+1], r2[:len(b)+1]
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
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				c = min(c, pp[j-2]+1)
			}
			cur[j] = c
			rowMin = min(rowMin, c)
		}
		if rowMin > max {
			return max + 1
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(b)]
}

var (
	skeletonPairs = strings.NewReplacer("rn", "m", "vv", "w", "cl", "d")
	flatten       = strings.NewReplacer("-", "", "_", "", ".", "")
	underscore    = strings.NewReplacer("-", "_", ".", "_")
)

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
		case '1', 'i':
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
	return skeletonPairs.Replace(b.String())
}

// approxContains reports whether k occurs in s with at most max edits,
// counting a swap of two neighbouring letters as one ("staem"): Sellers'
// algorithm (the match may start anywhere in s) with the optimal string
// alignment step.
func approxContains(s, k string, max int) bool {
	// cur[i] is the distance of k[:i] to the best substring of s ending at
	// the current position; prev and prev2 are the two columns before.
	var a0, a1, a2 [40]int
	n := len(k) + 1
	if n > len(a0) {
		return false // longer than any brand name
	}
	prev2, prev, cur := a0[:n], a1[:n], a2[:n]
	for i := range prev {
		prev[i] = i
	}
	best := prev[len(k)]
	for j := 0; j < len(s); j++ {
		cur[0] = 0 // a match may start at any j
		for i := 1; i <= len(k); i++ {
			c := prev[i-1]
			if k[i-1] != s[j] {
				c++
			}
			c = min(c, prev[i]+1, cur[i-1]+1)
			if i > 1 && j > 0 && k[i-1] == s[j-1] && k[i-2] == s[j] {
				c = min(c, prev2[i-2]+1)
			}
			cur[i] = c
		}
		best = min(best, cur[len(k)])
		prev2, prev, cur = prev, cur, prev2
	}
	return best <= max
}

// wholeWord reports whether name is the word w alone, or with a plural or
// verb ending ("rewards", "verified").
func wholeWord(name, w string) bool {
	rest, ok := strings.CutPrefix(name, w)
	return ok && (rest == "" || rest == "s" || rest == "es" || rest == "ed" || rest == "ing" || rest == "y")
}
