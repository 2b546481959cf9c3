package detect

import "sort"

// automaton finds every occurrence of many byte patterns in one pass
// (Aho–Corasick), so the cost of matching does not grow with the number of
// phrases. It is immutable once built and safe for concurrent use.
type automaton struct {
	root  [256]int32 // dense transitions out of the root
	nodes []acNode
	edges []acEdge // node i's edges are edges[nodes[i].lo:nodes[i].hi], sorted by byte
	next  []int32  // pattern → the next pattern ending at the same node, or -1
}

type acNode struct {
	lo, hi int32
	fail   int32
	dict   int32 // nearest node on the fail chain that ends a pattern, or -1
	pat    int32 // first pattern ending here, or -1; more follow in next
}

type acEdge struct {
	b  byte
	to int32
}

type acBuilder struct {
	trie []map[byte]int32
	ends [][]int32
}

// newAutomaton builds the automaton for patterns; match reports indexes
// into this slice. Empty patterns are ignored.
func newAutomaton(patterns []string) *automaton {
	b := acBuilder{trie: []map[byte]int32{{}}, ends: [][]int32{nil}}
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		n := int32(0)
		for i := 0; i < len(p); i++ {
			nx, ok := b.trie[n][p[i]]
			if !ok {
				nx = int32(len(b.trie))
				b.trie = append(b.trie, map[byte]int32{})
				b.ends = append(b.ends, nil)
				b.trie[n][p[i]] = nx
			}
			n = nx
		}
		b.ends[n] = append(b.ends[n], int32(pi))
	}

	a := &automaton{nodes: make([]acNode, len(b.trie))}
	a.next = make([]int32, len(patterns))
	next := a.next
	for i := range next {
		next[i] = -1
	}
	for i, t := range b.trie {
		keys := make([]int, 0, len(t))
		for c := range t {
			keys = append(keys, int(c))
		}
		sort.Ints(keys)
		nd := &a.nodes[i]
		nd.lo = int32(len(a.edges))
		for _, c := range keys {
			a.edges = append(a.edges, acEdge{b: byte(c), to: t[byte(c)]})
		}
		nd.hi = int32(len(a.edges))
		nd.pat, nd.dict = -1, -1
		if e := b.ends[i]; len(e) > 0 {
			nd.pat = e[0]
			for k := 1; k < len(e); k++ {
				next[e[k-1]] = e[k]
			}
		}
	}

	// Fail links, breadth first.
	queue := make([]int32, 0, len(a.nodes))
	for c := 0; c < 256; c++ {
		if to, ok := b.trie[0][byte(c)]; ok {
			a.root[c] = to
			a.nodes[to].fail = 0
			queue = append(queue, to)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		nd := &a.nodes[n]
		f := nd.fail
		if a.nodes[f].pat >= 0 {
			nd.dict = f
		} else {
			nd.dict = a.nodes[f].dict
		}
		for _, e := range a.edges[nd.lo:nd.hi] {
			child := &a.nodes[e.to]
			child.fail = a.step(f, e.b)
			if child.fail == e.to {
				child.fail = 0
			}
			queue = append(queue, e.to)
		}
	}
	return a
}

// step follows byte c from node n, through fail links where needed.
func (a *automaton) step(n int32, c byte) int32 {
	for {
		if n == 0 {
			return a.root[c]
		}
		nd := &a.nodes[n]
		es := a.edges[nd.lo:nd.hi]
		for lo, hi := 0, len(es); lo < hi; {
			m := int(uint(lo+hi) >> 1)
			switch {
			case es[m].b == c:
				return es[m].to
			case es[m].b < c:
				lo = m + 1
			default:
				hi = m
			}
		}
		n = nd.fail
	}
}

// match calls fn for every occurrence in s of every pattern, with the
// pattern's index and the end (exclusive) of the occurrence.
func (a *automaton) match(s []byte, fn func(pat int32, end int)) {
	n := int32(0)
	for i := 0; i < len(s); i++ {
		n = a.step(n, s[i])
		if n == 0 {
			continue
		}
		o := n
		if a.nodes[o].pat < 0 {
			o = a.nodes[o].dict
		}
		for ; o > 0; o = a.nodes[o].dict {
			for p := a.nodes[o].pat; p >= 0; p = a.next[p] {
				fn(p, i+1)
			}
		}
	}
}
