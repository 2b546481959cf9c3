package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/sqlite"
)

// envDB names the environment variable that gives the database path when
// --db does not.
const envDB = "SCAMWARN_DB"

// runDB looks after the database file: backups and figures.
func runDB(ctx context.Context, args []string, env []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return scam.Errorf(scam.CodeBadArgument, "db needs a subcommand: backup DEST or stats")
	}
	switch args[0] {
	case "backup":
		return dbBackup(ctx, args[1:], env, stdout, stderr)
	case "stats":
		return dbStats(ctx, args[1:], env, stdout, stderr)
	default:
		return scam.Errorf(scam.CodeBadArgument, "unknown db subcommand %q: want backup DEST or stats", args[0])
	}
}

// dbFlag adds --db to a flag set; the value is resolved by openExisting.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the database file; default $"+envDB+", else "+sqlite.DefaultPath)
}

// openExisting opens the database at --db, else $SCAMWARN_DB, else the
// default path. It refuses a missing file (sqlite.Open would create an
// empty database, and a backup or figures of that would hide a wrong path)
// and does not migrate: a backup before an upgrade keeps the old schema.
func openExisting(ctx context.Context, flagPath string, env []string) (*sqlite.DB, error) {
	path := flagPath
	if path == "" {
		path = getenv(env, envDB)
	}
	if path == "" {
		path = sqlite.DefaultPath
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, scam.Errorf(scam.CodeNotFound, "no database at %s (set --db or $%s)", path, envDB)
	case err != nil:
		return nil, scam.Wrap(scam.CodeBadArgument, fmt.Sprintf("cannot read the database %s", path), err)
	case fi.IsDir():
		return nil, scam.Errorf(scam.CodeBadArgument, "%s is a directory, not a database file", path)
	}
	return sqlite.OpenExisting(ctx, path)
}

func dbBackup(ctx context.Context, args []string, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("db backup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() != 1 {
		return scam.Errorf(scam.CodeBadArgument, "db backup takes one DEST: the new file to write the copy to")
	}
	dst := fs.Arg(0)
	db, err := openExisting(ctx, *dbPath, env)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, dst); err != nil {
		return err
	}
	fi, err := os.Stat(dst)
	if err != nil {
		return scam.Wrap(scam.CodeInternal, "the backup was written but cannot be read back", err)
	}
	fmt.Fprintf(stdout, "backed up %s to %s (%s)\n", db.Path(), dst, byteSize(fi.Size()))
	fmt.Fprintln(stdout, "the copy holds the instance secret: keep it as safe as the database")
	return nil
}

func dbStats(ctx context.Context, args []string, env []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("db stats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	if err := fs.Parse(args); err != nil {
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
	if fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "db stats takes no arguments, only flags")
	}
	db, err := openExisting(ctx, *dbPath, env)
	if err != nil {
		return err
	}
	defer db.Close()
	st, err := db.Stats(ctx, time.Now())
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	writeStats(stdout, st)
	return nil
}

// writeStats prints the figures as aligned plain text, one per line.
func writeStats(w io.Writer, st sqlite.Stats) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(label string, value any) { fmt.Fprintf(tw, "%s\t%v\n", label, value) }
	row("database", st.Path)
	row("size", byteSize(st.SizeBytes))
	row("schema version", st.SchemaVersion)
	row("chats", fmt.Sprintf("%d (alerts on in %d)", st.Chats, st.ChatsAlertsOn))
	row("schedules", fmt.Sprintf("%d active, %d paused", st.SchedulesActive, st.SchedulesPaused))
	row("slots, last 30 days", fmt.Sprintf("%d posted, %d missed, %d skipped, %d open",
		st.Slots.Posted, st.Slots.Missed, st.Slots.Skipped, st.Slots.Open))
	for _, r := range st.Slots.MissedReasons {
		row("  missed: "+orNone(r.Reason), r.N)
	}
	row("tips posted", st.TipsPosted)
	c := st.Checks
	row("checks, last 7 days", fmt.Sprintf("%d (%d high, %d medium, %d low; %d asked, %d watched)",
		c.Total, c.High, c.Medium, c.Low, c.Asked, c.Watched))
	for _, cc := range c.ByCategory {
		row("  "+string(cc.Category), cc.N)
	}
	f := st.Feedback
	row("feedback", fmt.Sprintf("%d helpful, %d wrong", f.Helpful, f.Wrong))
	for _, fc := range f.ByCategory {
		row("  "+string(fc.Category), fmt.Sprintf("%d helpful, %d wrong", fc.Helpful, fc.Wrong))
	}
	if len(f.ByRule) > 0 {
		row("feedback by rule", "(most \"wrong\" first)")
		for _, fr := range f.ByRule {
			row("  "+fr.Rule, fmt.Sprintf("%d helpful, %d wrong", fr.Helpful, fr.Wrong))
		}
	}
	row("rate-limit counters", st.RateLimitRows)
	tw.Flush()
}

func orNone(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(no reason)"
	}
	return s
}

// byteSize writes a size for people: "512 B", "40.0 KiB", "3.2 MiB".
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 3; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGT"[exp])
}
