package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
)

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the verdict as JSON")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	eng, err := detect.New(detect.Options{})
	if err != nil {
		return err
	}
	text := fs.Arg(0)
	v := eng.Check(scam.Message{Text: text})
	if *asJSON {
		return json.NewEncoder(stdout).Encode(v)
	}
	fmt.Fprintf(stdout, "%s (%s) score %.1f\n", v.Level, v.Category, v.Score)
	for _, s := range v.Signals {
		fmt.Fprintf(stdout, "  %s %.1f %s", s.Rule, s.Weight, s.Detail)
		for _, e := range s.Evidence {
			fmt.Fprintf(stdout, " %q", text[e.Start:e.End])
		}
		fmt.Fprintln(stdout)
	}
	return nil
}
