package wording

import "github.com/scamwarn/scamwarn/internal/scam"

// Report is the stable JSON form of a checked message, printed by
// "scamwarn check --json" and returned by the HTTP API. Fields are only
// ever added, never renamed or removed.
type Report struct {
	Level        scam.Level    `json:"level"`         // "low", "medium" or "high"
	Score        float64       `json:"score"`         // sum of the signal weights
	Category     scam.Category `json:"category"`      // primary category, "generic" when none
	Headline     string        `json:"headline"`      // the level in words
	CategoryText string        `json:"category_text"` // the category in words, "" at low
	Language     string        `json:"language"`      // language of the wording
	TextLanguage string        `json:"text_language"` // rule language the text matched most, "" if none
	Signals      []ReportFlag  `json:"signals"`
	Advice       []string      `json:"advice"`
	Truncated    bool          `json:"truncated"`     // only the first checked_bytes were checked
	CheckedBytes int           `json:"checked_bytes"` // bytes of the text that were checked
	// ReportTo says where to report in the reader's country; present when
	// the caller asked (check --country) and the level is above low.
	ReportTo *Place `json:"report_to,omitempty"`
}

// ReportFlag is one red flag in a Report.
type ReportFlag struct {
	Rule        string        `json:"rule"`
	Category    scam.Category `json:"category"`
	Weight      float64       `json:"weight"`
	Detail      string        `json:"detail,omitempty"`
	Explain     string        `json:"explain"`     // key of the explanation in the catalog
	Explanation string        `json:"explanation"` // the explanation in words
	Evidence    []ReportQuote `json:"evidence"`
}

// ReportQuote is a piece of evidence: byte offsets into the checked text
// and the text they hold.
type ReportQuote struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Report builds the JSON form of v for text, worded in lang.
func (c *Catalog) Report(v scam.Verdict, text, lang string) Report {
	e := c.Explain(v, text, lang)
	r := Report{
		Level: v.Level, Score: v.Score, Category: v.Category,
		Headline: e.Headline, CategoryText: e.Category, Language: lang, TextLanguage: v.Language,
		Signals: []ReportFlag{}, Advice: e.Advice,
		Truncated: v.Truncated, CheckedBytes: v.CheckedBytes,
	}
	for i, s := range v.Signals {
		f := ReportFlag{
			Rule: s.Rule, Category: s.Category, Weight: s.Weight, Detail: s.Detail,
			Explain: s.Explain, Explanation: e.Flags[i].Text, Evidence: []ReportQuote{},
		}
		for _, sp := range s.Evidence {
			f.Evidence = append(f.Evidence, ReportQuote{Start: sp.Start, End: sp.End, Text: Quote(text, sp)})
		}
		r.Signals = append(r.Signals, f)
	}
	return r
}
