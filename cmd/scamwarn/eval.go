package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// evalCounts is the JSON schema of "scamwarn eval --json"; by_source holds
// the same counts and rates per source.
type evalCounts struct {
	N              int     `json:"n"`
	TP             int     `json:"tp"`
	FP             int     `json:"fp"`
	TN             int     `json:"tn"`
	FN             int     `json:"fn"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	FalseAlarmRate float64 `json:"false_alarm_rate"`
}

type evalReport struct {
	evalCounts
	MsgsPerSec float64                `json:"msgs_per_sec"`
	P99us      float64                `json:"p99_us"`
	BySource   map[string]*evalCounts `json:"by_source"`
}

type evalRow struct {
	scam   bool
	text   string
	source string
	rules  string // with --show: the rules that fired
}

func (c *evalCounts) add(isScam, flagged bool) {
	c.N++
	switch {
	case isScam && flagged:
		c.TP++
	case isScam:
		c.FN++
	case flagged:
		c.FP++
	default:
		c.TN++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *evalCounts) finish() {
	c.Precision = ratio(c.TP, c.TP+c.FP)
	c.Recall = ratio(c.TP, c.TP+c.FN)
	if c.Precision+c.Recall > 0 {
		c.F1 = 2 * c.Precision * c.Recall / (c.Precision + c.Recall)
	}
	c.FalseAlarmRate = ratio(c.FP, c.FP+c.TN)
}

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	levelName := fs.String("level", "medium", "count a message as flagged at this level or above: medium or high")
	misses := fs.Int("show", 0, "also print up to N misclassified rows of each kind (for rule authors)")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	level, err := scam.ParseLevel(*levelName)
	if err != nil || level == scam.Low {
		return scam.Errorf(scam.CodeBadArgument, "--level must be medium or high, not %q", *levelName)
	}
	if fs.NArg() == 0 {
		return scam.Errorf(scam.CodeBadArgument, "eval needs at least one TSV file")
	}
	var rows []evalRow
	for _, name := range fs.Args() {
		r, err := readEvalFile(name)
		if err != nil {
			return err
		}
		rows = append(rows, r...)
	}
	if len(rows) == 0 {
		return scam.Errorf(scam.CodeBadInput, "no rows to measure in %s", strings.Join(fs.Args(), ", "))
	}
	eng, err := detect.New(detect.Options{})
	if err != nil {
		return scam.Wrap(scam.CodeInternal, "the rule data did not load", err)
	}

	rep := evalReport{BySource: map[string]*evalCounts{}}
	lat := make([]time.Duration, len(rows))
	var total time.Duration
	var fps, fns []evalRow
	for i, row := range rows {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		t0 := time.Now()
		v := eng.Check(scam.Message{Text: row.text})
		d := time.Since(t0)
		lat[i], total = d, total+d
		flagged := v.Level >= level
		rep.add(row.scam, flagged)
		src := rep.BySource[row.source]
		if src == nil {
			src = &evalCounts{}
			rep.BySource[row.source] = src
		}
		src.add(row.scam, flagged)
		if flagged != row.scam && *misses > 0 {
			var ids []string
			for _, s := range v.Signals {
				ids = append(ids, s.Rule)
			}
			sort.Strings(ids)
			row.rules = strings.Join(ids, "+")
			if flagged && len(fps) < *misses {
				fps = append(fps, row)
			}
			if !flagged && len(fns) < *misses {
				fns = append(fns, row)
			}
		}
	}
	rep.finish()
	for _, c := range rep.BySource {
		c.finish()
	}
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	rep.P99us = round(float64(lat[(len(lat)*99)/100].Nanoseconds())/1e3, 1)
	if total > 0 {
		rep.MsgsPerSec = math.Round(float64(len(rows)) / total.Seconds())
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printEval(stdout, &rep, level)
	for _, r := range fps {
		fmt.Fprintf(stdout, "false alarm\t%s\t%s\t%s\n", r.source, r.rules, r.text)
	}
	for _, r := range fns {
		fmt.Fprintf(stdout, "missed\t%s\t%s\t%s\n", r.source, r.rules, r.text)
	}
	return nil
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

func printEval(w io.Writer, rep *evalReport, level scam.Level) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "flagged at\t%s or above\t\n", level)
	fmt.Fprintln(tw, "source\tn\ttp\tfp\ttn\tfn\tprecision\trecall\tf1\tfalse alarms\t")
	line := func(name string, c *evalCounts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.2f%%\t\n", name, c.N, c.TP, c.FP, c.TN, c.FN,
			c.Precision, c.Recall, c.F1, 100*c.FalseAlarmRate)
	}
	names := make([]string, 0, len(rep.BySource))
	for n := range rep.BySource {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		line(n, rep.BySource[n])
	}
	line("all", &rep.evalCounts)
	tw.Flush()
	fmt.Fprintf(w, "speed: %.0f messages/s (one goroutine, check time only), p99 latency %.1f µs\n", rep.MsgsPerSec, rep.P99us)
}

// readEvalFile reads rows "label<TAB>text[<TAB>source]". Bad lines are
// reported with their line numbers; the whole file is refused then, so a
// measurement never silently drops rows.
func readEvalFile(name string) ([]evalRow, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, scam.Wrap(scam.CodeBadInput, fmt.Sprintf("cannot open %s", name), err)
	}
	defer f.Close()
	var rows []evalRow
	var bad []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	line := 0
	defaultSource := strings.TrimSuffix(baseName(name), ".tsv")
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 2 || len(f) > 3 {
			bad = append(bad, fmt.Sprintf("line %d: want label<TAB>text[<TAB>source], got %d columns", line, len(f)))
			continue
		}
		var r evalRow
		switch f[0] {
		case "scam":
			r.scam = true
		case "ham":
		default:
			bad = append(bad, fmt.Sprintf("line %d: label %q is neither scam nor ham", line, f[0]))
			continue
		}
		r.text, r.source = f[1], defaultSource
		if len(f) == 3 && f[2] != "" {
			r.source = f[2]
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, scam.Wrap(scam.CodeBadInput, fmt.Sprintf("%s: cannot read line %d", name, line+1), err)
	}
	if len(bad) > 0 {
		more := ""
		if len(bad) > 10 {
			more = fmt.Sprintf("\n  … and %d more", len(bad)-10)
			bad = bad[:10]
		}
		return nil, scam.Errorf(scam.CodeBadInput, "%s has malformed lines:\n  %s%s", name, strings.Join(bad, "\n  "), more)
	}
	return rows, nil
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
