package discordtest

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCheckOutgoing(t *testing.T) {
	row := func(cs ...Component) Component { return Component{Type: ComponentActionRow, Components: cs} }
	button := func(id string) Component { return Component{Type: ComponentButton, Style: 1, Label: "b", CustomID: id} }
	tests := []struct {
		name     string
		prefix   string
		out      outgoing
		wantCode int    // 0: valid
		wantPath string // where the error sits in the errors tree
	}{
		{"plain text is valid", "", outgoing{content: "hi"}, 0, ""},
		{"an embed alone is valid", "", outgoing{embeds: []Embed{{Title: "t"}}}, 0, ""},
		{"a file alone is valid", "", outgoing{files: 1}, 0, ""},
		{"nothing at all is empty", "", outgoing{content: "  "}, 50006, ""},
		{"long content is refused under data for callbacks", "data", outgoing{content: strings.Repeat("x", 2001)}, 50035, "data.content"},
		{"an empty field name is refused", "", outgoing{embeds: []Embed{{Fields: []EmbedField{{Value: "v"}}}}}, 50035, "embeds.0.fields.0.name"},
		{"a long footer is refused", "", outgoing{embeds: []Embed{{Footer: &EmbedFooter{Text: strings.Repeat("f", 2049)}}}}, 50035, "embeds.0.footer.text"},
		{"26 fields are refused", "", outgoing{embeds: []Embed{{Fields: make([]EmbedField, 26)}}}, 50035, "embeds.0.fields"},
		{"six rows are refused", "", outgoing{content: "c", components: []Component{
			row(button("a")), row(button("b")), row(button("c")), row(button("d")), row(button("e")), row(button("f"))}}, 50035, "components"},
		{"a button outside a row is refused", "", outgoing{content: "c", components: []Component{button("a")}}, 50035, "components.0.type"},
		{"a button without custom id is refused", "", outgoing{content: "c", components: []Component{row(button(""))}}, 50035, "components.0.components.0.custom_id"},
		{"a link button needs a url", "", outgoing{content: "c", components: []Component{row(Component{Type: ComponentButton, Style: ButtonStyleLink, Label: "l"})}}, 50035, "components.0.components.0.url"},
		{"components v2 are not checked", "", outgoing{components: []Component{{Type: 17}}, flags: FlagComponentsV2}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkOutgoing(tt.prefix, tt.out, false)
			if tt.wantCode == 0 {
				if err != nil {
					t.Fatalf("got %v (%v), want valid", err, err.Errors)
				}
				return
			}
			if err == nil || err.Code != tt.wantCode {
				t.Fatalf("got %v, want code %d", err, tt.wantCode)
			}
			if tt.wantPath == "" {
				return
			}
			node := map[string]any(err.Errors)
			for _, seg := range strings.Split(tt.wantPath, ".") {
				next, ok := node[seg].(map[string]any)
				if !ok {
					raw, _ := json.Marshal(err.Errors)
					t.Fatalf("no %q in errors %s", tt.wantPath, raw)
				}
				node = next
			}
			if _, ok := node["_errors"]; !ok {
				t.Errorf("no _errors at %s", tt.wantPath)
			}
		})
	}
}

func TestFormErrorsShape(t *testing.T) {
	f := formErrors{}
	f.add("embeds.0.title", "BASE_TYPE_MAX_LENGTH", "Must be 256 or fewer in length.")
	f.add("embeds.0.title", "OTHER", "second")
	raw, err := json.Marshal(f.err())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"code":50035,"message":"Invalid Form Body","errors":{"embeds":{"0":{"title":{"_errors":[` +
		`{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 256 or fewer in length."},{"code":"OTHER","message":"second"}]}}}}}`
	if string(raw) != want {
		t.Errorf("got  %s\nwant %s", raw, want)
	}
}
