package detect

import "sort"

// automaton finds every occurrence of many byte patterns in one pass
// (Aho–Corasick), so the cost of matching does not grow with the number of
// phrases. It is immutable once built and safe for concurrent use.
type automaton struct {
	root [256]int32 // dense transitions out of the root
	// class maps the ASCII bytes that patterns use to a column of fast;
	// other bytes map to -1 and take the sparse path.
	class  [256]int8
	nclass int
	// fast[n*nclass+class] is the next state from n on that byte, fail
	// links already followed: one lookup per ASCII byte.
	fast  []int32
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

	for i := range a.class {
		a.class[i] = -1
	}
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			if c := p[i]; c < 0x80 && a.class[c] < 0 {
				a.class[c] = int8(a.nclass)
				a.nclass++
			}
		}
	}

	// Fail links, breadth first.
	queue := make([]int32, 0, len(a.nodes))
	order := make([]int32, 0, len(a.nodes))
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
		order = append(order, n)
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

	// The ASCII part of the full transition table, in breadth-first order
	// so that a node's fail state is filled before the node.
	a.fast = make([]int32, len(a.nodes)*a.nclass)
	for c := 0; c < 0x80; c++ {
		if k := a.class[c]; k >= 0 {
			a.fast[int(k)] = a.root[c]
		}
	}
	for _, n := range order {
		nd := &a.nodes[n]
		row := a.fast[int(n)*a.nclass : int(n+1)*a.nclass]
		copy(row, a.fast[int(nd.fail)*a.nclass:int(nd.fail+1)*a.nclass])
		for _, e := range a.edges[nd.lo:nd.hi] {
			if k := a.class[e.b]; k >= 0 {
				row[k] = e.to
			}
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
	a.matchFrom(0, s, fn)
}

// matchAfterSpace is match as if s were preceded by a space, so that a
// pattern " word" matches a word at the very start of s. Offsets stay those
// of s.
func (a *automaton) matchAfterSpace(s []byte, fn func(pat int32, end int)) {
	a.matchFrom(a.root[' '], s, fn)
}

func (a *automaton) matchFrom(n int32, s []byte, fn func(pat int32, end int)) {
	for i := 0; i < len(s); i++ {
		if k := a.class[s[i]]; k >= 0 {
			n = a.fast[int(n)*a.nclass+int(k)]
		} else if s[i] < 0x80 {
			n = 0 // a byte no pattern has
		} else {
			n = a.step(n, s[i])
		}
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
