package detect

import (
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestAutomatonFindsEveryOccurrence(t *testing.T) {
	pats := []string{"he", "she", "his", "hers", "", "he"}
	a := newAutomaton(pats)
	var got []string
	a.match([]byte("ushers and his hers"), func(p int32, end int) {
		got = append(got, pats[p]+"@"+itoa(end))
	})
	sort.Strings(got)
	want := []string{"he@17", "he@17", "he@4", "he@4", "hers@19", "hers@6", "his@14", "she@4"}
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("matches = %v, want %v", got, want)
	}
}

func TestAutomatonAgreesWithNaiveSearch(t *testing.T) {
	pats := []string{"ab", "abc", "bc", "c", "cab", "abab", "bca"}
	a := newAutomaton(pats)
	text := strings.Repeat("abcab", 7) + "ababcabca"
	count := 0
	a.match([]byte(text), func(int32, int) { count++ })
	want := 0
	for _, p := range pats {
		for i := 0; i+len(p) <= len(text); i++ {
			if text[i:i+len(p)] == p {
				want++
			}
		}
	}
	if count != want {
		t.Errorf("automaton found %d occurrences, naive search %d", count, want)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
