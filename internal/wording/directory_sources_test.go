package wording_test

import (
	"os"
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/wording"
	"github.com/scamwarn/scamwarn/messages"
)

// Every number, address and source of the reporting directory must appear
// in the research notes (../shared/SCAMS.md) it was checked against.
func TestDirectoryMatchesTheResearchNotes(t *testing.T) {
	notes, err := os.ReadFile("../../../shared/SCAMS.md")
	if err != nil {
		t.Skipf("research notes not found beside the checkout (%v); skipping", err)
	}
	d, err := wording.LoadDirectory(messages.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range d.Codes() {
		c, _ := d.Lookup(code)
		for _, ch := range c.Channels {
			if !strings.Contains(string(notes), ch.Address) {
				t.Errorf("%s: %s %q is not in SCAMS.md", code, ch.Kind, ch.Address)
			}
		}
		for _, s := range c.Sources {
			if !strings.Contains(string(notes), strings.TrimSuffix(s, "...")) {
				t.Errorf("%s: source %s is not in SCAMS.md", code, s)
			}
		}
	}
}
