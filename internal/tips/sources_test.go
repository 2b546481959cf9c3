package tips

import (
	"os"
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/messages"
)

// Every source a tip cites must be one the project's research notes
// (../shared/SCAMS.md, beside the checkout) record, so a fact can be traced.
func TestTipSourcesAreInTheResearchNotes(t *testing.T) {
	notes, err := os.ReadFile("../../../shared/SCAMS.md")
	if err != nil {
		t.Skipf("research notes not found beside the checkout (%v); skipping", err)
	}
	l, err := Load(messages.FS())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range l.IDs() {
		tp, _ := l.Get(id, Original)
		for _, s := range tp.Sources {
			if !strings.Contains(string(notes), strings.TrimSuffix(s, "...")) {
				t.Errorf("tip %s cites %s, which SCAMS.md does not record", id, s)
			}
		}
	}
}
