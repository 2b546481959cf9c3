package detect

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// brand is a protected brand: the names a domain uses to claim it, and the
// registrable domains it really owns.
type brand struct {
	name      string
	keywords  []string
	skeletons []string // domainSkeleton of each keyword
	// hasOrdinary says a keyword holds an ordinary word ("steam" holds
	// "team"), which must not be taken out of a name compared with it.
	hasOrdinary []bool
	masks       []uint32 // letterMask of each skeleton
	// common says a keyword is made of ordinary words ("~" in the data).
	common []bool
}

// domainData is the embedded link knowledge: brands, shorteners, free
// hosting, abused TLDs, messenger hosts and scam words in domain names.
type domainData struct {
	brands     []brand
	official   map[string]int // registrable domain → brand index
	shorteners map[string]bool
	freeHosts  []string // suffixes such as "vercel.app"
	tlds       map[string]int
	contact    map[string]string // host → app name
	words      []string          // scam words in domain labels
	// wordSkeletons are the words as look-alike spellings read ("glft").
	wordSkeletons []string
	// weakWords says a word is common on ordinary sites ("~" in the data).
	weakWords []bool
	ordinary  []string // ordinary words near a brand name, as skeletons
	// holders takes ordinary words that hold a bait word or a brand name
	// out of a domain name ("author" holds "auth").
	holders *strings.Replacer
}

// readList reads a file of one entry a line, "#" comments allowed.
func readList(fsys fs.FS, name string, fn func(line int, s string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := fn(line, s); err != nil {
			return fmt.Errorf("%s:%d: %v", name, line, err)
		}
	}
	return sc.Err()
}

func loadDomainData(fsys fs.FS) (*domainData, error) {
	d := &domainData{
		official:   map[string]int{},
		shorteners: map[string]bool{},
		tlds:       map[string]int{},
		contact:    map[string]string{},
	}
	var holders []string
	if err := readList(fsys, "holder_words.txt", func(_ int, s string) error {
		holders = append(holders, strings.ToLower(s), "-")
		return nil
	}); err != nil {
		return nil, err
	}
	d.holders = strings.NewReplacer(holders...)
	if err := readList(fsys, "ordinary_words.txt", func(_ int, s string) error {
		d.ordinary = append(d.ordinary, domainSkeleton(strings.ToLower(s)))
		return nil
	}); err != nil {
		return nil, err
	}
	err := readList(fsys, "brands.txt", func(_ int, s string) error {
		f := strings.Split(s, "\t")
		if len(f) != 3 {
			return fmt.Errorf("want name, keywords, domains separated by tabs")
		}
		b := brand{name: strings.TrimSpace(f[0])}
		for _, k := range strings.Split(f[1], ",") {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				common := strings.HasPrefix(k, "~")
				k = strings.TrimPrefix(k, "~")
				b.common = append(b.common, common)
				b.keywords = append(b.keywords, k)
				b.skeletons = append(b.skeletons, domainSkeleton(k))
				b.masks = append(b.masks, letterMask(domainSkeleton(k)))
			}
		}
		for _, dom := range strings.Split(f[2], ",") {
			dom = strings.ToLower(strings.TrimSpace(dom))
			if dom == "" {
				continue
			}
			d.official[dom] = len(d.brands)
		}
		d.brands = append(d.brands, b)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range d.brands {
		b := &d.brands[i]
		for _, k := range b.skeletons {
			has := false
			for _, w := range d.ordinary {
				has = has || strings.Contains(k, w)
			}
			b.hasOrdinary = append(b.hasOrdinary, has)
		}
	}
	if err := readList(fsys, "shorteners.txt", func(_ int, s string) error {
		d.shorteners[strings.ToLower(s)] = true
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readList(fsys, "freehosting.txt", func(_ int, s string) error {
		d.freeHosts = append(d.freeHosts, strings.ToLower(strings.Fields(s)[0]))
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readList(fsys, "tlds.txt", func(_ int, s string) error {
		f := strings.Fields(s)
		if len(f) != 2 || (f[1] != "1" && f[1] != "2") {
			return fmt.Errorf("want tld and weight 1 or 2")
		}
		d.tlds[strings.TrimPrefix(strings.ToLower(f[0]), ".")] = int(f[1][0] - '0')
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readList(fsys, "contact_hosts.txt", func(_ int, s string) error {
		f := strings.Split(s, "\t")
		if len(f) != 2 {
			return fmt.Errorf("want host and app separated by a tab")
		}
		d.contact[strings.ToLower(strings.TrimSpace(f[0]))] = strings.TrimSpace(f[1])
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readList(fsys, "link_words.txt", func(_ int, s string) error {
		s = strings.ToLower(s)
		d.weakWords = append(d.weakWords, strings.HasPrefix(s, "~"))
		s = strings.TrimPrefix(s, "~")
		d.words = append(d.words, s)
		d.wordSkeletons = append(d.wordSkeletons, domainSkeleton(s))
		return nil
	}); err != nil {
		return nil, err
	}
	return d, nil
}

// DomainLists are an operator's own allow and deny lists. An entry matches
// its exact host and every host below it ("example.com" matches
// "www.example.com").
type DomainLists struct {
	Allow, Deny map[string]bool
}

// ReadDomainList reads one domain a line ("#" comments, blank lines and a
// leading "*." allowed). It returns an error naming the first bad line.
func ReadDomainList(r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if s == "" {
			continue
		}
		s = strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(s), "*."), ".")
		if strings.ContainsAny(s, " /:@\t") || !strings.Contains(s, ".") {
			return nil, fmt.Errorf("line %d: %q is not a domain name", line, s)
		}
		if _, err := publicsuffix.EffectiveTLDPlusOne(s); err != nil {
			return nil, fmt.Errorf("line %d: %q is a public suffix, not a domain", line, s)
		}
		out = append(out, s)
	}
	return out, sc.Err()
}

// SetDomainLists replaces the operator lists; checks already running keep
// the lists they started with.
func (e *Engine) SetDomainLists(allow, deny []string) {
	l := &DomainLists{Allow: map[string]bool{}, Deny: map[string]bool{}}
	for _, d := range allow {
		l.Allow[d] = true
	}
	for _, d := range deny {
		l.Deny[d] = true
	}
	e.lists.Store(l)
}

// inList reports whether host or one of its parent domains is in set.
func inList(set map[string]bool, host string) bool {
	for len(set) > 0 {
		if set[host] {
			return true
		}
		i := strings.IndexByte(host, '.')
		if i < 0 {
			return false
		}
		host = host[i+1:]
	}
	return false
}

// freeHost returns the longest free-hosting entry that host is, or is
// under, or "".
func (d *domainData) freeHost(host string) string {
	best := ""
	for _, fh := range d.freeHosts {
		if len(fh) > len(best) && (host == fh || strings.HasSuffix(host, "."+fh)) {
			best = fh
		}
	}
	return best
}
