package detect

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Rule finds red flags in a message. Each hit names a rule id that
// rules.tsv gives a category and a weight.
type Rule interface {
	Find(in *Input, emit func(Hit))
}

// RuleFunc adapts a function to a Rule.
type RuleFunc func(in *Input, emit func(Hit))

// Find calls f.
func (f RuleFunc) Find(in *Input, emit func(Hit)) { f(in, emit) }

// Hit is one finding of a rule.
type Hit struct {
	Rule   string
	Span   scam.Span // zero when the evidence is not in the text
	Detail string
	lang   string // the phrase language, for phrase hits
}

// ruleMeta is a rule's line in rules.tsv.
type ruleMeta struct {
	id       string
	category scam.Category
	weight   float64
}

// combo is a line of combos.tsv: a bonus when every condition holds.
type combo struct {
	meta  ruleMeta
	rules []int           // rule indexes that must all have fired
	cats  []scam.Category // categories that must all be present
}

// scoring holds the level thresholds of scoring.tsv.
type scoring struct {
	medium, high float64
	// highKinds is how many different categories a high verdict needs, so
	// that one kind of signal alone rarely makes it.
	highKinds int
}

// readTSV reads a file of tab-separated lines with cols columns each, "#"
// comments allowed.
func readTSV(fsys fs.FS, name string, cols int, fn func(line int, f []string) error) error {
	return readList(fsys, name, func(line int, s string) error {
		fields := strings.Split(s, "\t")
		if len(fields) != cols {
			return fmt.Errorf("want %d tab-separated columns, got %d", cols, len(fields))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		return fn(line, fields)
	})
}

// parseMeta reads a rule's id, category and weight columns.
func parseMeta(id, category, weight string) (ruleMeta, error) {
	c, err := parseCategory(category)
	if err != nil {
		return ruleMeta{}, err
	}
	w, err := parseWeight(weight)
	if err != nil {
		return ruleMeta{}, err
	}
	return ruleMeta{id: id, category: c, weight: w}, nil
}

func parseWeight(s string) (float64, error) {
	w, err := strconv.ParseFloat(s, 64)
	if err != nil || w < -5 || w > 20 {
		return 0, fmt.Errorf("weight %q: want a number from -5 to 20", s)
	}
	return w, nil
}

func parseCategory(s string) (scam.Category, error) {
	c := scam.Category(s)
	if !c.Known() {
		return "", fmt.Errorf("unknown category %q", s)
	}
	return c, nil
}

// loadRules reads rules.tsv: id, category, weight.
func loadRules(fsys fs.FS) ([]ruleMeta, map[string]int, error) {
	var rules []ruleMeta
	index := map[string]int{}
	err := readTSV(fsys, "rules.tsv", 3, func(_ int, f []string) error {
		if _, dup := index[f[0]]; dup {
			return fmt.Errorf("rule %q listed twice", f[0])
		}
		meta, err := parseMeta(f[0], f[1], f[2])
		if err != nil {
			return err
		}
		index[f[0]] = len(rules)
		rules = append(rules, meta)
		return nil
	})
	return rules, index, err
}

// loadCombos reads combos.tsv: id, category, weight, conditions (rule ids,
// or @category, separated by spaces).
func loadCombos(fsys fs.FS, index map[string]int) ([]combo, error) {
	var out []combo
	seen := map[string]bool{}
	err := readTSV(fsys, "combos.tsv", 4, func(_ int, f []string) error {
		if _, isRule := index[f[0]]; seen[f[0]] || isRule {
			return fmt.Errorf("combo %q: id already used", f[0])
		}
		seen[f[0]] = true
		meta, err := parseMeta(f[0], f[1], f[2])
		if err != nil {
			return err
		}
		cb := combo{meta: meta}
		for _, cond := range strings.Fields(f[3]) {
			if cat, ok := strings.CutPrefix(cond, "@"); ok {
				cc, err := parseCategory(cat)
				if err != nil {
					return err
				}
				cb.cats = append(cb.cats, cc)
				continue
			}
			r, ok := index[cond]
			if !ok {
				return fmt.Errorf("combo %q: unknown rule %q", f[0], cond)
			}
			cb.rules = append(cb.rules, r)
		}
		if len(cb.rules)+len(cb.cats) < 2 {
			return fmt.Errorf("combo %q: needs at least two conditions", f[0])
		}
		out = append(out, cb)
		return nil
	})
	return out, err
}

// loadScoring reads scoring.tsv: name, value.
func loadScoring(fsys fs.FS) (scoring, error) {
	var s scoring
	err := readTSV(fsys, "scoring.tsv", 2, func(_ int, f []string) error {
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return fmt.Errorf("%s: %v", f[0], err)
		}
		switch f[0] {
		case "medium":
			s.medium = v
		case "high":
			s.high = v
		case "high_kinds":
			s.highKinds = int(v)
		default:
			return fmt.Errorf("unknown setting %q", f[0])
		}
		return nil
	})
	if err == nil && (s.medium <= 0 || s.high <= s.medium) {
		err = fmt.Errorf("scoring.tsv: want 0 < medium < high")
	}
	return s, err
}
