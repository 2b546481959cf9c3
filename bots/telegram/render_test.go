package telegram

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/bot"
)

// visible is what Telegram shows of an HTML message: tags gone, entities
// decoded.
func visible(s string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, ""))
}

func TestRenderEscapesEveryPieceOfUserText(t *testing.T) {
	hostile := `<b>"free" & <a href="x">nitro</a></b> ' &amp;`
	text := bot.Text{
		{Kind: bot.Para, Spans: []bot.Span{{Text: hostile, Style: bot.Bold}}},
		{Kind: bot.Sub, Spans: []bot.Span{{Text: "Evidence: "}, {Text: hostile, Style: bot.Quoted, Link: "https://evil.example"}}},
		{Kind: bot.Para, Spans: []bot.Span{{Text: "1", Link: `https://example.org/a?b="c"&d=<e>`}, {Text: " · "}, {Text: "2", Link: "javascript:alert(1)"}}},
	}
	got := render(text, maxMessage)
	if len(got) != 1 {
		t.Fatalf("%d messages, want 1", len(got))
	}
	want := `<b>&lt;b&gt;&#34;free&#34; &amp; &lt;a href=&#34;x&#34;&gt;nitro&lt;/a&gt;&lt;/b&gt; &#39; &amp;amp;</b>` + "\n" +
		`    Evidence: <code>&lt;b&gt;&#34;free&#34; &amp; &lt;a href=&#34;x&#34;&gt;nitro&lt;/a&gt;&lt;/b&gt; &#39; &amp;amp;</code>` + "\n\n" +
		`<a href="https://example.org/a?b=&#34;c&#34;&amp;d=&lt;e&gt;">1</a> · 2`
	if got[0] != want {
		t.Errorf("rendered\n%s\nwant\n%s", got[0], want)
	}
	if strings.Contains(got[0], "evil.example") || strings.Contains(got[0], "javascript") {
		t.Error("a quoted span or a script link became a link")
	}
}

func TestRenderSplitsLongRepliesUnderTheLimit(t *testing.T) {
	word := "scam😀&<x> " // an emoji is two UTF-16 units; & and < grow when escaped
	var text bot.Text
	text = append(text, bot.Block{Kind: bot.Heading, Spans: []bot.Span{{Text: "Heading", Style: bot.Bold}}})
	for range 300 {
		text = append(text, bot.Block{Kind: bot.Item, Spans: []bot.Span{{Text: strings.Repeat(word, 4)}}})
	}
	text = append(text, bot.Block{Kind: bot.Para, Spans: []bot.Span{{Text: strings.Repeat(word, 900), Style: bot.Quoted}}})
	got := render(text, maxMessage)
	if len(got) < 3 {
		t.Fatalf("%d messages, want the text split in several", len(got))
	}
	var all strings.Builder
	for i, m := range got {
		v := visible(m)
		if n := units(v); n > maxMessage || n == 0 {
			t.Errorf("message %d has %d UTF-16 units", i, n)
		}
		if strings.Count(m, "<code>") != strings.Count(m, "</code>") {
			t.Errorf("message %d leaves a tag open", i)
		}
		all.WriteString(v)
	}
	// Nothing is lost but the separators where messages were cut.
	if want := 300*4 + 900; strings.Count(all.String(), "😀") != want {
		t.Errorf("%d emoji across the messages, want %d", strings.Count(all.String(), "😀"), want)
	}
	for i, m := range got[:len(got)-1] {
		if strings.Count(visible(m), "• ") > 0 && !strings.HasPrefix(visible(got[i+1]), "•") && !strings.HasPrefix(got[i+1], "<code>") {
			t.Errorf("message %d starts in the middle of an item: %.40q", i+1, visible(got[i+1]))
		}
	}
}

func TestRenderRepairsInvalidUTF8(t *testing.T) {
	got := render(bot.Text{{Spans: []bot.Span{{Text: "ok \xff\xfe end"}}}}, maxMessage)
	if len(got) != 1 || !strings.Contains(got[0], "ok \uFFFD end") {
		t.Errorf("rendered %q", got)
	}
	if got := render(nil, maxMessage); len(got) != 0 {
		t.Errorf("an empty text gave %q", got)
	}
}
