package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// envConfig names a settings file: KEY=VALUE lines with the environment's
// names (the format of systemd's EnvironmentFile and of
// deploy/scamwarn.env.example). The environment overrides the file, and
// flags override both.
const envConfig = "SCAMWARN_CONFIG"

// setting is one thing scamwarn run and serve can be told.
type setting struct {
	key    string
	flag   string
	def    string
	secret bool
	check  func(string) error
}

// settings are every key the file and the environment may hold.
var settings = []setting{
	{key: envTelegramToken, flag: "--telegram-token-file", secret: true},
	{key: envDiscordToken, secret: true},
	{key: envDB, flag: "--db", def: "./scamwarn.db", check: checkDBPath},
	{key: envLogLevel, flag: "--log-level", def: "info", check: checkLevel},
	{key: envHTTP, flag: "--http", check: checkAddr},
	{key: envHTTPToken, flag: "--http-token", secret: true},
	{key: envTrustProxy, flag: "--http-trust-proxy", check: func(v string) error {
		if v != "0" && v != "1" {
			return scam.Errorf(scam.CodeBadArgument, "%q is not 0 or 1", v)
		}
		return nil
	}},
	{key: envWebhookURL, flag: "--webhook-url", check: checkWebhook},
	{key: envWebhookListen, flag: "--webhook-listen", def: ":8443", check: checkAddr},
	{key: envWebhookSecret, flag: "--webhook-secret", secret: true},
	{key: envTelegramAPI, flag: "--telegram-api"},
	{key: envDiscordAPI, flag: "--discord-api"},
	{key: envDiscordGuild, flag: "--discord-guild"},
	{key: envDiscordShard, flag: "--discord-shard", check: func(v string) error { _, _, err := parseShard(v); return err }},
}

// withConfigFile reads the settings file named by --config (taken out of
// args) or $SCAMWARN_CONFIG, and puts its entries before env, so that the
// environment wins. It returns the file's name ("" for none).
func withConfigFile(args, env []string) ([]string, []string, string, error) {
	path := getenv(env, envConfig)
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--config" || a == "-config":
			if i+1 == len(args) {
				return nil, nil, "", scam.Errorf(scam.CodeBadArgument, "--config needs a file")
			}
			path, i = args[i+1], i+1
		case strings.HasPrefix(a, "--config=") || strings.HasPrefix(a, "-config="):
			_, path, _ = strings.Cut(a, "=")
		default:
			rest = append(rest, a)
		}
	}
	if path == "" {
		return rest, env, "", nil
	}
	entries, err := readConfigFile(path)
	if err != nil {
		return nil, nil, "", err
	}
	return rest, append(entries, env...), path, nil
}

// readConfigFile reads KEY=VALUE lines; blank lines and # comments are
// skipped, and values may be quoted. An unknown SCAMWARN_ key is refused:
// it is most likely a typo that would silently do nothing.
func readConfigFile(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, scam.Wrap(scam.CodeBadArgument, "cannot read the settings file "+path, err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			return nil, scam.Errorf(scam.CodeBadArgument, "%s:%d: want KEY=VALUE", path, n)
		}
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		if !known(k) && (strings.HasPrefix(k, "SCAMWARN_") || strings.HasSuffix(k, "_TOKEN")) {
			return nil, scam.Errorf(scam.CodeBadArgument, "%s:%d: unknown setting %s (scamwarn config check lists them)", path, n, k)
		}
		out = append(out, k+"="+v)
	}
	if err := sc.Err(); err != nil {
		return nil, scam.Wrap(scam.CodeBadArgument, "cannot read the settings file "+path, err)
	}
	return out, nil
}

func known(key string) bool {
	for _, s := range settings {
		if s.key == key {
			return true
		}
	}
	return key == envConfig
}

// runConfig is "scamwarn config check": every setting's effective value
// and where it came from, secrets masked, each one checked.
func runConfig(args, env []string, file string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "check" {
		return scam.Errorf(scam.CodeBadArgument, "config needs a subcommand: check [--config FILE]")
	}
	fs := flag.NewFlagSet("config check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 {
		return scam.Errorf(scam.CodeBadArgument, "config check takes only --config FILE")
	}
	fileKeys := map[string]bool{}
	if file != "" {
		entries, _ := readConfigFile(file)
		for _, e := range entries {
			k, _, _ := strings.Cut(e, "=")
			fileKeys[k] = true
		}
	}
	w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "setting\tvalue\tfrom\tflag\n")
	var problems []string
	for _, s := range settings {
		v := getenv(env, s.key)
		from := "environment"
		switch {
		case v == "":
			v, from = s.def, "default"
		case fileKeys[s.key] && !setTwice(env, s.key):
			from = file
		}
		shown := v
		if s.secret && v != "" {
			shown = "(set, " + fmt.Sprint(len(v)) + " characters)"
		}
		if shown == "" {
			shown = "-"
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", s.key, shown, from, cmp.Or(s.flag, "-"))
		if s.check != nil && v != "" {
			if err := s.check(v); err != nil {
				problems = append(problems, s.key+": "+scam.UserMessage(err))
			}
		}
	}
	w.Flush()
	if getenv(env, envTelegramToken) == "" && getenv(env, envDiscordToken) == "" {
		fmt.Fprintf(stdout, "\nNo chat token: scamwarn run would refuse to start (scamwarn serve needs none).\n")
	}
	if len(problems) > 0 {
		fmt.Fprintf(stdout, "\nProblems:\n  %s\n\n", strings.Join(problems, "\n  "))
		return scam.Errorf(scam.CodeBadArgument, "%d setting(s) would stop scamwarn from starting", len(problems))
	}
	fmt.Fprintf(stdout, "\nThe settings are valid.\n")
	return nil
}

// setTwice reports whether key is set by both the file and the
// environment (whose entries come after the file's, and win).
func setTwice(env []string, key string) bool {
	n := 0
	for _, e := range env {
		if k, _, _ := strings.Cut(e, "="); k == key {
			n++
		}
	}
	return n > 1
}

func checkLevel(v string) error {
	_, err := newLogger(v, io.Discard)
	return err
}

func checkAddr(v string) error {
	if _, _, err := net.SplitHostPort(v); err != nil {
		return scam.Errorf(scam.CodeBadArgument, "%q is not an address such as :8080 or 127.0.0.1:8080", v)
	}
	return nil
}

func checkWebhook(v string) error {
	u, err := url.Parse(v)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return scam.Errorf(scam.CodeBadArgument, "%q is not an https:// address", v)
	}
	return nil
}

// checkDBPath refuses a database whose directory is missing.
func checkDBPath(v string) error {
	dir := filepath.Dir(v)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return scam.Errorf(scam.CodeBadArgument, "the directory %s does not exist", dir)
	}
	return nil
}
