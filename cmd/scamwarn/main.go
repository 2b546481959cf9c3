// Command scamwarn checks messages for signs of a scam and runs the
// scamwarn bot. Run "scamwarn help" for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Environ(), os.Stdin, os.Stdout, os.Stderr)
	if err != nil {
		if !errors.Is(err, errUsageShown) {
			fmt.Fprintln(os.Stderr, "scamwarn:", scam.UserMessage(err))
		}
		os.Exit(exitCode(err))
	}
}

// errUsageShown means the error was already explained on stderr.
var errUsageShown = errors.New("usage shown")

func exitCode(err error) int {
	switch scam.CodeOf(err) {
	case scam.CodeBadArgument:
		return 2
	default:
		return 1
	}
}

const usage = `scamwarn checks messages for signs of a scam.

Usage:
  scamwarn check [--json] [--lang xx] [--country XX] [--allow FILE] [--deny FILE] [TEXT]
      Check TEXT (or standard input when TEXT is absent) and explain the
      red flags found, what to do, and where to report in country XX.
  scamwarn check --lines [--json] [--allow FILE] [--deny FILE]
      Check each line of standard input as one message until it ends;
      SIGHUP reloads the domain lists.
  scamwarn eval [--json] [--level medium|high] FILE.tsv...
      Measure the detector on labelled rows "label<TAB>text[<TAB>source]".
  scamwarn tips list [--lang xx] [--tag t,...] [--json]
      List the awareness tips (English where a translation is missing).
  scamwarn tips show [--lang xx] [--json] ID
      Show one tip with its sources.
  scamwarn db backup [--db PATH] DEST
      Copy the live database to the new file DEST (never overwritten).
  scamwarn db stats [--db PATH] [--json]
      Show what the database holds, in counts only.
      The database is --db, else $SCAMWARN_DB, else ./scamwarn.db.
  scamwarn run [--db PATH] [--webhook-url URL] [--log-level LEVEL] [flags]
      Run the bot on Telegram ($TELEGRAM_TOKEN), Discord ($DISCORD_TOKEN)
      or both, until SIGINT or SIGTERM:
      checks, group alerts and scheduled tips. "scamwarn run -h" lists
      the flags; each has an environment variable (README).
  scamwarn serve [--http ADDR] [--http-token TOKEN]
      Serve the checker page and the JSON check API over HTTP, with no chat
      tokens and no database (default localhost:8080).
  scamwarn chat [--lang xx] [--db PATH]
      Talk to the bot in your terminal, no token needed: paste messages
      to check them, try the commands, switch to a group (:help).
  scamwarn config check [--config FILE]
      Show the settings run and serve would use, where each comes from
      (flag, environment, file, default), secrets masked, and check them.
      Any command takes --config FILE (or $SCAMWARN_CONFIG): KEY=VALUE
      lines, as in deploy/scamwarn.env.example; the environment wins.
  scamwarn help
      Show this help.
`

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsageShown
	}
	cmd := args[0]
	args, env, configFile, err := withConfigFile(args[1:], env)
	if err != nil {
		return err
	}
	args = append([]string{cmd}, args...)
	switch args[0] {
	case "config":
		return runConfig(args[1:], env, configFile, stdout, stderr)
	case "check":
		return runCheck(ctx, args[1:], env, stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "tips":
		return runTips(args[1:], env, stdout, stderr)
	case "db":
		return runDB(ctx, args[1:], env, stdout, stderr)
	case "run":
		return runRun(ctx, args[1:], env, stderr)
	case "chat":
		return runChat(ctx, args[1:], env, stdin, stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], env, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "scamwarn: unknown command %q\n\n%s", args[0], usage)
		return &scam.Error{Code: scam.CodeBadArgument, Err: errUsageShown}
	}
}
