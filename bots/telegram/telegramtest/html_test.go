package telegramtest

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseHTMLAccepts(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		wantPlain string
		want      []MessageEntity
	}{
		{"plain text passes through", "hello", "hello", nil},
		{"bold becomes an entity", "<b>Scam</b> alert", "Scam alert", []MessageEntity{{Type: "bold", Offset: 0, Length: 4}}},
		{"tag names ignore case", "<B>x</B>", "x", []MessageEntity{{Type: "bold", Offset: 0, Length: 1}}},
		{"the four named entities decode", "&lt;a&gt; &amp; &quot;q&quot;", `<a> & "q"`, nil},
		{"numeric entities decode", "&#65;&#x42;&#x1F600;", "AB😀", nil},
		{"a bare > is text", "a > b", "a > b", nil},
		{"offsets count UTF-16 units", "😀<i>x</i>", "😀x", []MessageEntity{{Type: "italic", Offset: 2, Length: 1}}},
		{"a link keeps its target", `<a href="https://example.com/?a=1&b=2">here</a>`, "here",
			[]MessageEntity{{Type: "text_link", Offset: 0, Length: 4, URL: "https://example.com/?a=1&b=2"}}},
		{"a user link is a mention", `<a href="tg://user?id=42">Ann</a>`, "Ann",
			[]MessageEntity{{Type: "text_mention", Offset: 0, Length: 3, User: &User{ID: 42}}}},
		{"pre with a code language is one entity", `<pre><code class="language-go">x := 1</code></pre>`, "x := 1",
			[]MessageEntity{{Type: "pre", Offset: 0, Length: 6, Language: "go"}}},
		{"nested entities list the outer first", "<b>a<i>b</i></b>", "ab",
			[]MessageEntity{{Type: "bold", Offset: 0, Length: 2}, {Type: "italic", Offset: 1, Length: 1}}},
		{"spoilers both ways", `<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span>`, "ab",
			[]MessageEntity{{Type: "spoiler", Offset: 0, Length: 1}, {Type: "spoiler", Offset: 1, Length: 1}}},
		{"an expandable blockquote", "<blockquote expandable>q</blockquote>", "q",
			[]MessageEntity{{Type: "expandable_blockquote", Offset: 0, Length: 1}}},
		{"an empty tag leaves no entity", "<b></b>x", "x", nil},
		{"unknown attributes are ignored", `<b class="x">y</b>`, "y", []MessageEntity{{Type: "bold", Offset: 0, Length: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain, got, err := parseHTML(tt.src)
			if err != nil {
				t.Fatalf("parseHTML(%q) failed: %v", tt.src, err)
			}
			if plain != tt.wantPlain || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseHTML(%q) = %q, %+v; want %q, %+v", tt.src, plain, got, tt.wantPlain, tt.want)
			}
		})
	}
}

func TestParseHTMLRefuses(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		wantErr string
	}{
		{"an unclosed tag", "<b>x", `Can't find end tag corresponding to start tag "b"`},
		{"a bare less-than", "a < b", `Unsupported start tag "" at byte offset 2`},
		{"a tag Telegram does not know", "<script>x</script>", `Unsupported start tag "script" at byte offset 0`},
		{"a bare ampersand", "AT&T", `at byte offset 2`},
		{"a named entity Telegram does not know", "a&nbsp;b", `at byte offset 1`},
		{"a zero numeric entity", "&#0;", `at byte offset 0`},
		{"misnested tags", "<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"an end tag without a start", "x</b>", `Unexpected end tag at byte offset 1`},
		{"a start tag cut off", `<a href="x`, `Unclosed start tag at byte offset 0`},
		{"a span that is no spoiler", "<span>x</span>", `Tag "span" must have class "tg-spoiler"`},
		{"an emoji without its id", "<tg-emoji>x</tg-emoji>", `must have attribute "emoji-id"`},
		{"a self-closing tag", "<b/>", `Empty attribute name in the tag "b"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := parseHTML(tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("parseHTML(%q) error = %v, want one containing %q", tt.src, err, tt.wantErr)
			}
		})
	}
}

func TestTrimTextMovesEntities(t *testing.T) {
	got := trimText(parsedText{"\n  ab  \n", []MessageEntity{{Type: "bold", Offset: 1, Length: 4}, {Type: "italic", Offset: 6, Length: 2}}})
	want := parsedText{"ab", []MessageEntity{{Type: "bold", Offset: 0, Length: 2}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{"<b>x</b>", "a < b", "&#x1F600;", `<a href='u'>l</a>`, "<pre><code>x</code></pre>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		plain, entities, err := parseHTML(src)
		if err != nil {
			return
		}
		n := utf16Len(plain)
		for _, e := range entities {
			if e.Offset < 0 || e.Length <= 0 || e.Offset+e.Length > n {
				t.Fatalf("parseHTML(%q): entity %+v outside the %d units of %q", src, e, n, plain)
			}
		}
	})
}
