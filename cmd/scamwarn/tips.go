package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/tips"
	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// runTips lists the awareness tips or shows one.
func runTips(args []string, env []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return scam.Errorf(scam.CodeBadArgument, "tips needs a subcommand: list or show ID")
	}
	lib, err := tips.Load(messages.FS())
	if err != nil {
		return scam.Wrap(scam.CodeInternal, "the tip library did not load", err)
	}
	switch args[0] {
	case "list":
		return tipsList(lib, args[1:], env, stdout, stderr)
	case "show":
		cat, err := wording.Load(messages.FS())
		if err != nil {
			return scam.Wrap(scam.CodeInternal, "the reply catalog did not load", err)
		}
		return tipsShow(lib, cat, args[1:], env, stdout, stderr)
	default:
		return scam.Errorf(scam.CodeBadArgument, "unknown tips subcommand %q: want list or show ID", args[0])
	}
}

// tipLang picks the tip language: --lang, else the locale, else English;
// it says so on stderr when --lang names a language without tips.
func tipLang(lib *tips.Library, lang string, env []string, stderr io.Writer) string {
	if lang != "" && lib.Match(lang) == tips.Original && !strings.HasPrefix(lang, tips.Original) {
		fmt.Fprintf(stderr, "scamwarn: no tips in %q yet; showing English\n", lang)
	}
	return lib.Match(lang, envLang(env))
}

func tipsList(lib *tips.Library, args []string, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tips list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "", "language of the tips (en, fr, zh…); default from $LANG, else English")
	tag := fs.String("tag", "", "only tips with one of these tags, comma-separated ("+strings.Join(tips.Tags, ", ")+")")
	asJSON := fs.Bool("json", false, "print the tips as a JSON array")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "tips list takes no arguments, only flags")
	}
	var tags []string
	for _, t := range strings.Split(*tag, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	if bad := tips.UnknownTags(tags); len(bad) > 0 {
		return scam.Errorf(scam.CodeBadArgument, "unknown tag %q; known tags: %s", bad[0], strings.Join(tips.Tags, ", "))
	}
	l := tipLang(lib, *lang, env, stderr)
	list := lib.List(l, tags...)
	if *asJSON {
		if list == nil {
			list = []tips.Tip{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	for _, t := range list {
		mark := ""
		if t.Lang != l {
			mark = " (" + t.Lang + ")"
		}
		fmt.Fprintf(stdout, "%-36s %s%s\t[%s]\n", t.ID, t.Title, mark, strings.Join(t.Tags, ","))
	}
	return nil
}

func tipsShow(lib *tips.Library, cat *wording.Catalog, args []string, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("tips show", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "", "language of the tip; default from $LANG, else English")
	asJSON := fs.Bool("json", false, "print the tip as JSON")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() != 1 {
		return scam.Errorf(scam.CodeBadArgument, "tips show takes one tip ID (see scamwarn tips list)")
	}
	l := tipLang(lib, *lang, env, stderr)
	t, ok := lib.Get(fs.Arg(0), l)
	if !ok {
		return scam.Errorf(scam.CodeNotFound, "no tip with the id %q (see scamwarn tips list)", fs.Arg(0))
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	}
	fmt.Fprintf(stdout, "%s\n\n%s\n\n%s:\n", t.Title, t.Body, cat.Text(l, "tip.sources", ""))
	for _, s := range t.Sources {
		fmt.Fprintf(stdout, "  %s\n", s)
	}
	return nil
}
