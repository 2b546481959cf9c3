package detect

import (
	"slices"
	"sort"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// The per-language tables: for each language the engine reads, messages
// written for the project (never taken from a data set) that show each
// scam typology in that language's local forms, and legitimate look-alikes
// (a bank's genuine notice, a real job ad, people warning each other) that
// must stay quiet. Each lang_XX_test.go file registers its table in init.
//
// The rows carry no language hint: the engine must recognise the language
// and apply its rules by itself, as it must for a forwarded message.

// langRow is one message of a language table.
type langRow struct {
	typology scam.Category // the kind of scam the row is about
	scam     bool          // a scam (must reach medium) or a look-alike (must stay low)
	note     string        // what the row shows, in English
	text     string
	// also lists other typologies a scam row may be filed under: a job
	// lure that ends in a task scam, say. The verdict's signals must
	// include one of typology or also.
	also []scam.Category
	// detected, when set, is the language the row must be recognised as,
	// for a row written in another language than its table's (Taglish
	// that is mostly English, an English warning in a Thai group).
	detected string
}

// scamRow is a scam of the given typology.
func scamRow(typology scam.Category, note, text string, also ...scam.Category) langRow {
	return langRow{typology: typology, scam: true, note: note, text: text, also: also}
}

// hamRow is a legitimate message that looks like the given typology.
func hamRow(typology scam.Category, note, text string) langRow {
	return langRow{typology: typology, note: note, text: text}
}

// as says which language the row must be recognised as.
func (r langRow) as(lang string) langRow { r.detected = lang; return r }

// langTables maps a language code to its table; filled by the init
// functions of the lang_XX_test.go files.
var langTables = map[string][]langRow{}

// requiredLanguages must each have a table.
var requiredLanguages = []string{"vi", "th", "id", "ms", "tl", "es", "km", "my"}

// langTypologies are the typologies of SCAMS.md §6 every table covers.
var langTypologies = []scam.Category{
	scam.Investment, scam.Romance, scam.JobLure, scam.Task, scam.Sextortion,
	scam.Impersonation, scam.Recovery, scam.TechSupport, scam.AdvanceFee,
	scam.PlatformLure, scam.MoneyMule,
}

func sortedLangs() []string {
	langs := make([]string, 0, len(langTables))
	for l := range langTables {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}

// TestLanguageTablesCoverEveryTypology fails when a language lacks two
// scams and two look-alikes of some typology.
func TestLanguageTablesCoverEveryTypology(t *testing.T) {
	for _, lang := range requiredLanguages {
		rows, ok := langTables[lang]
		if !ok {
			t.Errorf("no table for %s: add lang_%s_test.go", lang, lang)
			continue
		}
		for _, typ := range langTypologies {
			scams, hams := 0, 0
			for _, r := range rows {
				if r.typology != typ {
					continue
				}
				if r.scam {
					scams++
				} else {
					hams++
				}
			}
			if scams < 2 || hams < 2 {
				t.Errorf("%s: %s has %d scams and %d look-alikes, want at least 2 of each", lang, typ, scams, hams)
			}
		}
	}
}

// TestLanguageTables checks every row without a language hint: a scam
// reaches medium with a signal of its typology, a look-alike stays low.
func TestLanguageTables(t *testing.T) {
	e := newTestEngine(t)
	for _, lang := range sortedLangs() {
		for _, r := range langTables[lang] {
			kind := "scam"
			if !r.scam {
				kind = "ham"
			}
			t.Run(lang+"/"+string(r.typology)+"/"+kind+"/"+r.note, func(t *testing.T) {
				v := e.Check(scam.Message{Text: r.text})
				if !r.scam {
					if v.Level != scam.Low {
						t.Errorf("%q: got %s with [%s], want low", r.text, v.Level, signalIDs(v))
					}
					return
				}
				if v.Level < scam.Medium {
					t.Errorf("%q: got %s with [%s] (score %.2f), want medium or high", r.text, v.Level, signalIDs(v), v.Score)
				}
				want := append([]scam.Category{r.typology}, r.also...)
				if !slices.ContainsFunc(v.Signals, func(s scam.Signal) bool { return slices.Contains(want, s.Category) }) {
					t.Errorf("%q: signals [%s] include none of %v", r.text, signalIDs(v), want)
				}
			})
		}
	}
}

// TestLanguageTablesAreRecognised checks that every row, scam or not, is
// recognised as written in its table's language with no hint.
func TestLanguageTablesAreRecognised(t *testing.T) {
	e := newTestEngine(t)
	for _, lang := range sortedLangs() {
		for _, r := range langTables[lang] {
			want := lang
			if r.detected != "" {
				want = r.detected
			}
			if got := e.Check(scam.Message{Text: r.text}).Language; got != want {
				t.Errorf("%s row %q: recognised as %q, want %q: %q", lang, r.note, got, want, r.text)
			}
		}
	}
}
