package detect

import (
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestLinksAreFound(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		name, text string
		want       []string // registrable domains (or hosts for IPs), in order
	}{
		{"finds a link with a scheme", "see https://www.example.com/path?a=1.", []string{"example.com"}},
		{"finds a bare domain with a real suffix", "go to steam-gift.xyz now", []string{"steam-gift.xyz"}},
		{"ignores a bare name whose suffix is not real", "edit config.local then run", nil},
		{"ignores file names that end like a domain", "run setup.py and readme.md", nil},
		{"undoes hxxp and [.] defanging", "hxxps://paypal[.]com[.]verify-login[.]top/x", []string{"verify-login.top"}},
		{"undoes ' dot ' defanging", "visit discord dot gift today", []string{"discord.gift"}},
		{"undoes (.) and [dot] defanging", "see steam-gift(.)xyz or nitro-claim [dot] top", []string{"steam-gift.xyz", "nitro-claim.top"}},
		{"reads ideographic full stops", "网址 pay-verify。top 查看", []string{"pay-verify.top"}},
		{"reads full-width dots", "ｐａｙｐａｌ．com", []string{"paypal.com"}},
		{"finds raw IP hosts only with a scheme", "http://185.12.4.9/login and version 1.2.3.4", []string{"185.12.4.9"}},
		{"treats e-mail domains as e-mail", "write to help@paypa1.com", []string{"paypa1.com"}},
		{"ignores sentence dots", "Hello. How are you.I am fine", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			links := e.extractLinks(tt.text, nil, new(linkText), nil)
			var got []string
			for _, l := range links {
				d := l.reg
				if l.ip {
					d = l.host
				}
				got = append(got, d)
				if l.span.End > 0 && (l.span.Start < 0 || l.span.End > len(tt.text)) {
					t.Errorf("span %v outside the text", l.span)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("links of %q = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestMaskedLinkNamesItsShownText(t *testing.T) {
	text := "claim here: [discord.com](https://dlscord-gift.xyz/claim)"
	got := maskedLinks(text)
	if len(got) != 1 || got[0].Shown != "discord.com" || got[0].URL != "https://dlscord-gift.xyz/claim" {
		t.Fatalf("maskedLinks = %+v", got)
	}
	if q := text[got[0].Span.Start:got[0].Span.End]; !strings.HasPrefix(q, "[discord.com]") {
		t.Errorf("span covers %q", q)
	}
}

func TestDomainListsMatchHostAndParents(t *testing.T) {
	set := map[string]bool{"example.com": true}
	for host, want := range map[string]bool{
		"example.com": true, "www.example.com": true, "a.b.example.com": true,
		"notexample.com": false, "example.com.evil.net": false,
	} {
		if got := inList(set, host); got != want {
			t.Errorf("inList(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestReadDomainList(t *testing.T) {
	got, err := ReadDomainList(strings.NewReader("# ours\nExample.com\n*.phish.example.net  # wildcard\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, ",") != "example.com,phish.example.net" {
		t.Errorf("list = %v", got)
	}
	for _, bad := range []string{"not a domain\n", "com\n", "http://x.com/\n", "co.uk\n"} {
		if _, err := ReadDomainList(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadDomainList(%q) succeeded, want an error", bad)
		}
	}
}

func TestOperatorListsOverrideJudgement(t *testing.T) {
	e := newTestEngine(t)
	msg := scam.Message{Text: "login at https://discord-nitro.example.org/claim"}
	if v := e.Check(msg); v.Level == scam.Low {
		t.Fatalf("before allow-listing: level %v, want a flag", v.Level)
	}
	e.SetDomainLists([]string{"example.org"}, nil)
	if v := e.Check(msg); hasRulePrefix(v, "link.") {
		t.Errorf("allow-listed domain still flagged: %+v", v.Signals)
	}
	e.SetDomainLists(nil, []string{"good-looking.example.net"})
	v := e.Check(scam.Message{Text: "see https://www.good-looking.example.net"})
	if !hasRulePrefix(v, "link.denied") || v.Level < scam.Medium {
		t.Errorf("deny-listed domain: level %v signals %+v", v.Level, v.Signals)
	}
}

func hasRulePrefix(v scam.Verdict, prefix string) bool {
	for _, s := range v.Signals {
		if strings.HasPrefix(s.Rule, prefix) {
			return true
		}
	}
	return false
}

func TestLinkGluedToChineseEndsWhereTheChineseStarts(t *testing.T) {
	e := newTestEngine(t)
	text := "加入https://t.me/shop8详情查看"
	links := e.extractLinks(text, nil, new(linkText), nil)
	if len(links) != 1 {
		t.Fatalf("links = %+v", links)
	}
	if got := text[links[0].span.Start:links[0].span.End]; got != "https://t.me/shop8" {
		t.Errorf("link text = %q", got)
	}
}

func TestNumbers(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		name, text, rule, want string // want "" means the rule must not fire
	}{
		{"quotes a dollar sum with its sign", "send $150 today", "money.amount", "$150"},
		{"quotes a sum with a spaced sign", "send $ 150 today", "money.amount", "$ 150"},
		{"reads a currency code before the sum", "pay USD 100 now", "money.amount", "USD 100"},
		{"reads a currency code glued to the sum", "only RM50 fee", "money.amount", "RM50"},
		{"reads a unit after the sum", "earn 500 USDT weekly", "money.amount", "500 USDT"},
		{"finds a phone number", "call +44 7700 900123 today", "contact.phone", "+44 7700 900123"},
		{"finds a UK premium number", "call 09061701461 now", "premium.number", "09061701461"},
		{"finds a text-to-win short code", "text WIN to 80086 now", "premium.shortcode", "80086"},
		{"does not read an IP address as a phone", "ping 203.0.113.20 please", "contact.phone", ""},
		{"does not read a version as a phone", "build 10.0.19045.3803 is out", "contact.phone", ""},
		{"does not read a date and hour as a phone", "meet 25.11.2024 14 h", "contact.phone", ""},
		{"does not read an ISBN as a phone", "ISBN 978-0-13-468599-1", "contact.phone", ""},
		{"does not read a number in a link", "join https://zoom.us/j/93846512345 now", "contact.phone", ""},
		{"does not read a word with digits as money", "chars 100 of them", "money.amount", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := e.Check(scam.Message{Text: tt.text})
			var got []string
			for _, s := range v.Signals {
				if s.Rule == tt.rule {
					for _, ev := range s.Evidence {
						got = append(got, tt.text[ev.Start:ev.End])
					}
					if len(s.Evidence) == 0 {
						got = append(got, "")
					}
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("%s fired on %q: %q", tt.rule, tt.text, got)
			case tt.want != "" && (len(got) == 0 || got[0] != tt.want):
				t.Errorf("%s evidence = %q, want %q", tt.rule, got, tt.want)
			}
		})
	}
}

func TestEditDistanceCountsSwapsAsOne(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"discord", "discord", 0},
		{"dicsord", "discord", 1},
		{"dlscord", "discord", 1},
		{"discordd", "discord", 1},
		{"dscord", "discord", 1},
		{"stream", "steam", 1},
		{"abcdefgh", "discord", 3},
	} {
		if got := editDistance(tt.a, tt.b, 2); got != min(tt.want, 3) {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, min(tt.want, 3))
		}
	}
}
