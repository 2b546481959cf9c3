package wording

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Channel kinds of the reporting directory, in the order they are shown.
var channelKinds = []string{"freeze", "phone", "report", "check", "trafficking", "emergency"}

// Country is where to report a scam in one country or territory.
type Country struct {
	Code     string    `json:"code"` // ISO 3166-1 alpha-2
	Name     string    `json:"name"` // English name, as written in the file
	Channels []Channel `json:"channels"`
	Sources  []string  `json:"sources"`
	Checked  string    `json:"checked"` // YYYY-MM-DD
}

// Channel is one number or address and what it is for.
type Channel struct {
	Kind    string `json:"kind"`    // freeze, phone, report, check, trafficking, emergency
	Address string `json:"address"` // a number, a web address, an app
	Note    string `json:"note"`    // English note from the file
	// Notes are the note in other languages (reporting/notes/LANG.txt).
	Notes map[string]string `json:"notes,omitempty"`
}

// note is the channel's note in lang: English in English, else the
// translation, else none (an English aside in the middle of a Thai answer
// helps nobody).
func (ch Channel) note(lang string) string {
	if lang == Fallback {
		return ch.Note
	}
	return ch.Notes[lang]
}

// Directory is the reporting directory (messages/reporting/directory.txt).
type Directory struct {
	countries map[string]Country
}

var codePattern = regexp.MustCompile(`^[A-Z]{2}$`)

// LoadDirectory reads reporting/directory.txt from fsys and checks every
// entry: a known region code, a name, at least one way to report, its
// sources and the date it was checked.
func LoadDirectory(fsys fs.FS) (*Directory, error) {
	const name = "reporting/directory.txt"
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &Directory{countries: map[string]Country{}}
	var cur *Country
	start := 0
	finish := func() error {
		if cur == nil {
			return nil
		}
		where := fmt.Sprintf("%s:%d: [%s]", name, start, cur.Code)
		switch {
		case cur.Name == "":
			return fmt.Errorf("%s has no name", where)
		case !slices.ContainsFunc(cur.Channels, func(c Channel) bool { return c.Kind == "report" || c.Kind == "phone" }):
			return fmt.Errorf("%s has no report or phone line", where)
		case len(cur.Sources) == 0:
			return fmt.Errorf("%s has no sources", where)
		case cur.Checked == "":
			return fmt.Errorf("%s has no checked date", where)
		}
		if _, dup := d.countries[cur.Code]; dup {
			return fmt.Errorf("%s is listed twice", where)
		}
		d.countries[cur.Code] = *cur
		return nil
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if code, ok := strings.CutPrefix(line, "["); ok {
			if err := finish(); err != nil {
				return nil, err
			}
			code = strings.TrimSuffix(code, "]")
			if !codePattern.MatchString(code) {
				return nil, fmt.Errorf("%s:%d: want [XX], an ISO 3166 country code, got %q", name, n, line)
			}
			if _, err := language.ParseRegion(code); err != nil {
				return nil, fmt.Errorf("%s:%d: %q is not a country or territory code", name, n, code)
			}
			cur, start = &Country{Code: code}, n
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: text before the first [XX]", name, n)
		}
		key, val, ok := strings.Cut(line, ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if !ok || val == "" {
			return nil, fmt.Errorf("%s:%d: want \"key: value\"", name, n)
		}
		switch key {
		case "name":
			cur.Name = val
		case "sources":
			cur.Sources = splitComma(val)
		case "checked":
			if _, err := time.Parse(time.DateOnly, val); err != nil {
				return nil, fmt.Errorf("%s:%d: checked %q: want YYYY-MM-DD", name, n, val)
			}
			cur.Checked = val
		default:
			if !slices.Contains(channelKinds, key) {
				return nil, fmt.Errorf("%s:%d: unknown field %q (known: name, %s, sources, checked)", name, n, key, strings.Join(channelKinds, ", "))
			}
			addr, note, _ := strings.Cut(val, "|")
			cur.Channels = append(cur.Channels, Channel{Kind: key, Address: strings.TrimSpace(addr), Note: strings.TrimSpace(note)})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if err := d.loadNotes(fsys); err != nil {
		return nil, err
	}
	return d, nil
}

// loadNotes reads reporting/notes/LANG.txt: the English notes said in
// another language. Each "[XX]" names an entry and each "address = note"
// one of its channels, by the address exactly as the entry writes it.
func (d *Directory) loadNotes(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "reporting/notes/*.txt")
	if err != nil {
		return err
	}
	for _, name := range names {
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if _, err := language.Parse(lang); err != nil {
			return fmt.Errorf("%s: %q is not a language code", name, lang)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		var cur *Country
		seen := map[string]bool{}
		for i, line := range strings.Split(string(data), "\n") {
			n := i + 1 // line number, for errors
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if code, ok := strings.CutPrefix(line, "["); ok {
				code = strings.TrimSuffix(code, "]")
				e, ok := d.countries[code]
				if !ok {
					return fmt.Errorf("%s:%d: [%s] is not in the directory", name, n, code)
				}
				cur = &e
				continue
			}
			if cur == nil {
				return fmt.Errorf("%s:%d: text before the first [XX]", name, n)
			}
			addr, note, ok := strings.Cut(line, " = ")
			addr, note = strings.TrimSpace(addr), strings.TrimSpace(note)
			if !ok || addr == "" || note == "" {
				return fmt.Errorf("%s:%d: want \"address = note\"", name, n)
			}
			if seen[cur.Code+" "+addr] {
				return fmt.Errorf("%s:%d: %s of [%s] has two notes", name, n, addr, cur.Code)
			}
			seen[cur.Code+" "+addr] = true
			found := false
			for i := range cur.Channels {
				ch := &cur.Channels[i]
				if ch.Address != addr {
					continue
				}
				if ch.Notes == nil {
					ch.Notes = map[string]string{}
				}
				ch.Notes[lang] = note
				found = true
			}
			if !found {
				return fmt.Errorf("%s:%d: [%s] has no channel %q", name, n, cur.Code, addr)
			}
		}
	}
	return nil
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Lookup returns the entry of a country code ("sg", "SG"), its channels
// in display order.
func (d *Directory) Lookup(code string) (Country, bool) {
	c, ok := d.countries[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	sorted := slices.Clone(c.Channels)
	slices.SortStableFunc(sorted, func(a, b Channel) int {
		return slices.Index(channelKinds, a.Kind) - slices.Index(channelKinds, b.Kind)
	})
	c.Channels = sorted
	return c, true
}

// Codes lists the country codes of the directory, sorted.
func (d *Directory) Codes() []string {
	out := make([]string, 0, len(d.countries))
	for c := range d.countries {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// CountryName names a country code in lang ("TW" in zh: "台湾"), falling
// back to the English name of the file.
func (d *Directory) CountryName(code, lang string) string {
	c := d.countries[strings.ToUpper(code)]
	tag, err := language.Parse(lang)
	region, rerr := language.ParseRegion(code)
	if err != nil || rerr != nil {
		return c.Name
	}
	if n := display.Regions(tag).Name(region); n != "" {
		return n
	}
	return c.Name
}

// Place is where to report, worded for the reader.
type Place struct {
	Country string      `json:"country,omitempty"` // ISO code, "" when none was given
	Heading string      `json:"heading,omitempty"`
	Lines   []PlaceLine `json:"lines"`
	Note    string      `json:"note"`
	Sources []string    `json:"sources,omitempty"`
}

// PlaceLine is one channel, with its label in the reader's language.
type PlaceLine struct {
	Kind    string `json:"kind"`
	Label   string `json:"label"`
	Address string `json:"address"`
	Note    string `json:"note,omitempty"` // the directory's note, in the reader's language when it has one
}

// WhereToReport words the directory entry of country for lang. With no
// country, or one the directory lacks, it says what to do anyway.
func (c *Catalog) WhereToReport(d *Directory, country, lang string) Place {
	if strings.TrimSpace(country) == "" {
		return Place{Lines: []PlaceLine{}, Note: c.Text(lang, "report.no_country", "")}
	}
	e, ok := d.Lookup(country)
	if !ok {
		return Place{Country: strings.ToUpper(country), Lines: []PlaceLine{}, Note: c.Text(lang, "report.unknown_country", strings.ToUpper(country))}
	}
	p := Place{
		Country: e.Code,
		Heading: c.Text(lang, "heading.where_to_report", d.CountryName(e.Code, lang)),
		Lines:   []PlaceLine{},
		Note:    c.Text(lang, "report.checked", e.Checked),
		Sources: e.Sources,
	}
	for _, ch := range e.Channels {
		p.Lines = append(p.Lines, PlaceLine{Kind: ch.Kind, Label: c.Text(lang, "report.kind."+ch.Kind, ""), Address: ch.Address, Note: ch.note(lang)})
	}
	return p
}
