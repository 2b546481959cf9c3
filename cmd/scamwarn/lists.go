package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/scamwarn/scamwarn/internal/detect"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// domainLists names the operator's allow and deny list files.
type domainLists struct{ allow, deny string }

// load reads both files and hands them to the engine. On an error the
// engine keeps the lists it had.
func (l domainLists) load(eng *detect.Engine) error {
	allow, err := readDomainFile(l.allow)
	if err != nil {
		return err
	}
	deny, err := readDomainFile(l.deny)
	if err != nil {
		return err
	}
	eng.SetDomainLists(allow, deny)
	return nil
}

// reloadOn reloads the lists each time hup delivers (SIGHUP), until ctx
// ends. A bad file is logged and the old lists stay in force.
func (l domainLists) reloadOn(ctx context.Context, eng *detect.Engine, hup <-chan os.Signal, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			if err := l.load(eng); err != nil {
				log.Error("domain lists not reloaded; keeping the old ones", "err", err)
				continue
			}
			log.Info("domain lists reloaded", "allow", l.allow, "deny", l.deny)
		}
	}
}

func readDomainFile(p string) ([]string, error) {
	if p == "" {
		return nil, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, scam.Wrap(scam.CodeBadInput, fmt.Sprintf("cannot open domain list %s", p), err)
	}
	defer f.Close()
	list, err := detect.ReadDomainList(f)
	if err != nil {
		return nil, scam.Wrap(scam.CodeBadInput, fmt.Sprintf("domain list %s: %v", p, err), err)
	}
	return list, nil
}
