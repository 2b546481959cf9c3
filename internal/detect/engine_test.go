package detect

import "testing"

func newTestEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := New(Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e
}

func TestEmbeddedDataLoads(t *testing.T) {
	newTestEngine(t)
}
