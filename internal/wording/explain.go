package wording

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// maxQuote caps a quoted piece of evidence, in runes.
const maxQuote = 80

// Explanation is a verdict in words, ready for any output: a terminal, a
// chat message, a web page.
type Explanation struct {
	Lang     string
	Level    scam.Level
	Headline string // "Very likely a scam"
	Lead     string // one sentence on what the level means
	Category string // "" when the verdict names no typology
	Flags    []Flag
	Advice   []string // what to do, most specific first
	Notes    []string // truncation, method, privacy
}

// Flag is one red flag: its explanation and the quoted evidence.
type Flag struct {
	Rule   string
	Text   string
	Quotes []string
}

// Explain puts v into words in lang. text is the message the verdict is
// about; quotes are taken from it by the signals' byte offsets.
func (c *Catalog) Explain(v scam.Verdict, text, lang string) Explanation {
	e := Explanation{
		Lang:     lang,
		Level:    v.Level,
		Headline: c.Text(lang, "level."+v.Level.String(), ""),
		Lead:     c.Text(lang, "level."+v.Level.String()+".lead", ""),
	}
	if v.Category.IsTypology() && v.Level > scam.Low {
		e.Category = c.Text(lang, "category."+string(v.Category), "")
	}
	for _, s := range v.Signals {
		f := Flag{Rule: s.Rule}
		for _, sp := range s.Evidence {
			if q := Quote(text, sp); q != "" {
				f.Quotes = append(f.Quotes, q)
			}
		}
		// A phrase rule's fact is what it matched: "a place known for
		// scam compounds (Sihanoukville)".
		detail := s.Detail
		if detail == "" && len(f.Quotes) > 0 {
			detail = f.Quotes[0]
		}
		f.Text = c.Text(lang, "rule."+s.Explain, detail)
		e.Flags = append(e.Flags, f)
	}
	switch {
	case v.Level == scam.Low:
		e.Advice = append(e.Advice, c.Text(lang, "advice.low", ""))
	case v.Category.IsTypology():
		e.Advice = append(e.Advice, c.Text(lang, "advice."+string(v.Category), ""))
	default:
		e.Advice = append(e.Advice, c.Text(lang, "advice.generic", ""))
	}
	if v.Level > scam.Low {
		e.Advice = append(e.Advice, c.Text(lang, "advice.report", ""))
	}
	e.Advice = append(e.Advice, c.Text(lang, "advice.always", ""))
	if v.Truncated {
		e.Notes = append(e.Notes, c.Text(lang, "note.truncated", strconv.Itoa(v.CheckedBytes)))
	}
	e.Notes = append(e.Notes, c.Text(lang, "note.method", ""))
	return e
}

// Quote returns the text of span sp, with spaces folded and cut to a
// readable length. It returns "" for a span outside text.
func Quote(text string, sp scam.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return ""
	}
	q := strings.Join(strings.Fields(strings.ToValidUTF8(text[sp.Start:sp.End], "\uFFFD")), " ")
	if utf8.RuneCountInString(q) > maxQuote {
		r := []rune(q)
		q = string(r[:maxQuote-1]) + "…"
	}
	return q
}
