package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// maxInput is the most "scamwarn check" reads from standard input. The
// engine checks the first detect.DefaultMaxBytes of it and says so.
const maxInput = 32 << 20

func runCheck(ctx context.Context, args []string, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the verdict as JSON (schema: README, \"check --json\")")
	lang := fs.String("lang", "", "answer in this language (en, fr, zh…); default from $LANG, else English")
	allow := fs.String("allow", "", "file of domains never to flag, one a line")
	deny := fs.String("deny", "", "file of domains always to flag, one a line")
	country := fs.String("country", "", "say where to report in this country (ISO code: SG, PH, GB…)")
	lines := fs.Bool("lines", false, "check each line of standard input as a message, until it ends; SIGHUP reloads --allow and --deny")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if *lines {
		if fs.NArg() > 0 {
			return scam.Errorf(scam.CodeBadArgument, "--lines reads standard input; give no TEXT")
		}
		return checkLines(ctx, env, stdin, stdout, stderr, *asJSON, *lang, domainLists{allow: *allow, deny: *deny})
	}
	if fs.NArg() > 1 {
		return scam.Errorf(scam.CodeBadArgument, "check takes one TEXT argument; quote the message, or pipe it on standard input")
	}
	var text string
	if fs.NArg() == 1 {
		text = fs.Arg(0)
	} else {
		b, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
		if err != nil {
			return scam.Wrap(scam.CodeBadInput, "cannot read standard input", err)
		}
		if len(b) > maxInput {
			return scam.Errorf(scam.CodeTooLarge, "standard input is over %d MiB; check a shorter part of it", maxInput>>20)
		}
		text = string(b)
	}
	if strings.TrimSpace(text) == "" {
		return scam.Errorf(scam.CodeBadInput, "nothing to check: give the message as TEXT or on standard input")
	}
	eng, cat, l, err := newChecker(domainLists{allow: *allow, deny: *deny}, *lang, env, stderr)
	if err != nil {
		return err
	}
	var place *wording.Place
	if v := strings.TrimSpace(*country); v != "" {
		dir, err := wording.LoadDirectory(messages.FS())
		if err != nil {
			return scam.Wrap(scam.CodeInternal, "the reporting directory did not load", err)
		}
		if _, ok := dir.Lookup(v); !ok {
			fmt.Fprintf(stderr, "scamwarn: no reporting list for %q yet; known: %s\n", v, strings.Join(dir.Codes(), " "))
		}
		p := cat.WhereToReport(dir, v, l)
		place = &p
	}
	v := eng.Check(scam.Message{Text: text, Lang: *lang})
	if v.Level == scam.Low {
		place = nil
	}
	if *asJSON {
		r := cat.Report(v, text, l)
		r.ReportTo = place
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	writeExplanation(stdout, cat.Explain(v, text, l), place, cat)
	return nil
}

// newChecker loads the engine with the operator's domain lists and the
// reply catalog, and picks the answer language: --lang, else the locale,
// else English (saying so when --lang named a language with no replies).
func newChecker(lists domainLists, lang string, env []string, stderr io.Writer) (*detect.Engine, *wording.Catalog, string, error) {
	eng, err := detect.New(detect.Options{})
	if err != nil {
		return nil, nil, "", scam.Wrap(scam.CodeInternal, "the rule data did not load", err)
	}
	if err := lists.load(eng); err != nil {
		return nil, nil, "", err
	}
	cat, err := wording.Load(messages.FS())
	if err != nil {
		return nil, nil, "", scam.Wrap(scam.CodeInternal, "the reply catalog did not load", err)
	}
	if lang != "" && cat.Match(lang) == wording.Fallback && !strings.HasPrefix(lang, wording.Fallback) {
		fmt.Fprintf(stderr, "scamwarn: no replies in %q yet; answering in English\n", lang)
	}
	return eng, cat, cat.Match(lang, envLang(env)), nil
}

// checkLines checks standard input line by line, printing one JSON report
// (with asJSON) or one summary line per message. It stops at the end of
// input or when ctx ends, and reloads the domain lists on SIGHUP.
func checkLines(ctx context.Context, env []string, stdin io.Reader, stdout, stderr io.Writer, asJSON bool, lang string, lists domainLists) error {
	eng, cat, l, err := newChecker(lists, lang, env, stderr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go lists.reloadOn(ctx, eng, hup, slog.New(slog.NewTextHandler(stderr, nil)))

	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 64<<10), maxInput)
	enc := json.NewEncoder(stdout)
	line := 0
	for sc.Scan() {
		line++
		if ctx.Err() != nil {
			return ctx.Err()
		}
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		v := eng.Check(scam.Message{Text: text, Lang: lang})
		if asJSON {
			if err := enc.Encode(cat.Report(v, text, l)); err != nil {
				return err
			}
			continue
		}
		rules := make([]string, 0, len(v.Signals))
		for _, s := range v.Signals {
			rules = append(rules, s.Rule)
		}
		fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\n", line, v.Level, v.Category, strings.Join(rules, ","))
	}
	if err := sc.Err(); err != nil {
		return scam.Wrap(scam.CodeBadInput, fmt.Sprintf("cannot read line %d of standard input (a line over %d MiB?)", line+1, maxInput>>20), err)
	}
	return nil
}

// getenv returns the value of key in env ("KEY=value" entries), or "".
func getenv(env []string, key string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// envLang is the user's locale from the environment ("fr_CA.UTF-8").
func envLang(env []string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(env, k); v != "" && v != "C" && v != "POSIX" {
			v, _, _ = strings.Cut(v, ".")
			return strings.ReplaceAll(v, "_", "-")
		}
	}
	return ""
}

func writeExplanation(w io.Writer, e wording.Explanation, place *wording.Place, cat *wording.Catalog) {
	fmt.Fprintf(w, "%s\n%s\n", strings.ToUpper(e.Headline), e.Lead)
	if e.Category != "" {
		fmt.Fprintf(w, "\n%s: %s\n", cat.Text(e.Lang, "heading.category", ""), e.Category)
	}
	if len(e.Flags) > 0 {
		fmt.Fprintf(w, "\n%s:\n", cat.Text(e.Lang, "heading.red_flags", ""))
		for _, f := range e.Flags {
			fmt.Fprintf(w, "  • %s\n", f.Text)
			for _, q := range f.Quotes {
				fmt.Fprintf(w, "      %s: “%s”\n", cat.Text(e.Lang, "label.evidence", ""), q)
			}
		}
	}
	fmt.Fprintf(w, "\n%s:\n", cat.Text(e.Lang, "heading.what_to_do", ""))
	for _, a := range e.Advice {
		fmt.Fprintf(w, "  • %s\n", a)
	}
	if place != nil {
		if place.Heading != "" {
			fmt.Fprintf(w, "\n%s\n", place.Heading)
		} else {
			fmt.Fprintln(w)
		}
		for _, l := range place.Lines {
			fmt.Fprintf(w, "  • %s: %s", l.Label, l.Address)
			if l.Note != "" {
				fmt.Fprintf(w, " (%s)", l.Note)
			}
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "  %s\n", place.Note)
	}
	fmt.Fprintln(w)
	for _, n := range e.Notes {
		fmt.Fprintln(w, n)
	}
}
