package detect

import (
	"slices"
	"strings"
)

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
	// links already followed: one lookup per ASCII byte. Only the shallow
	// states (n < dense) have a row, so the table stays small enough to
	// live in the processor's cache; deeper states follow their edges.
	fast  []int32
	dense int32
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

// newAutomaton builds the automaton for patterns; match reports indexes
// into this slice. Empty patterns are ignored.
func newAutomaton(patterns []string) *automaton {
	// Insert the patterns in sorted order: each one shares a prefix with
	// the one before and adds children in increasing byte order, so the
	// trie needs no maps and every node's edges come out sorted.
	order := make([]int32, 0, len(patterns))
	for i, p := range patterns {
		if p != "" {
			order = append(order, int32(i))
		}
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(patterns[x], patterns[y]) })

	type tnode struct {
		first, last, sib int32 // first and last child, next sibling; -1 none
		b                byte
	}
	trie := []tnode{{first: -1, last: -1, sib: -1}}
	ends := map[int32][]int32{} // node → patterns ending there, in order
	path := []int32{0}          // path[d] is the node at depth d of the previous pattern
	prev := ""
	for _, pi := range order {
		p := patterns[pi]
		lcp := 0
		for lcp < len(p) && lcp < len(prev) && p[lcp] == prev[lcp] {
			lcp++
		}
		path = path[:lcp+1]
		for d := lcp; d < len(p); d++ {
			parent := path[d]
			n := int32(len(trie))
			trie = append(trie, tnode{first: -1, last: -1, sib: -1, b: p[d]})
			if trie[parent].last < 0 {
				trie[parent].first = n
			} else {
				trie[trie[parent].last].sib = n
			}
			trie[parent].last = n
			path = append(path, n)
		}
		end := path[len(p)]
		ends[end] = append(ends[end], pi)
		prev = p
	}

	// Number the nodes breadth first: the shallow states, where matching
	// spends most of its time, then sit together in memory.
	id := make([]int32, len(trie))
	depth := make([]int32, len(trie)) // by old id
	bfsOld := make([]int32, 0, len(trie))
	bfsOld = append(bfsOld, 0)
	dense := int32(0)
	for k := 0; k < len(bfsOld); k++ {
		id[bfsOld[k]] = int32(k)
		if depth[bfsOld[k]] <= maxDenseDepth && k < maxDenseStates {
			dense = int32(k) + 1
		}
		for c := trie[bfsOld[k]].first; c >= 0; c = trie[c].sib {
			depth[c] = depth[bfsOld[k]] + 1
			bfsOld = append(bfsOld, c)
		}
	}
	a := &automaton{nodes: make([]acNode, len(trie)), dense: dense}
	a.edges = make([]acEdge, 0, len(trie))
	a.next = make([]int32, len(patterns))
	for i := range a.next {
		a.next[i] = -1
	}
	for k, old := range bfsOld {
		nd := &a.nodes[k]
		nd.lo = int32(len(a.edges))
		for c := trie[old].first; c >= 0; c = trie[c].sib {
			a.edges = append(a.edges, acEdge{b: trie[c].b, to: id[c]})
		}
		nd.hi = int32(len(a.edges))
		nd.pat, nd.dict = -1, -1
		if e := ends[old]; len(e) > 0 {
			slices.Sort(e) // report duplicates in pattern order
			nd.pat = e[0]
			for k := 1; k < len(e); k++ {
				a.next[e[k-1]] = e[k]
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
	bfs := make([]int32, 0, len(a.nodes))
	for _, e := range a.edges[a.nodes[0].lo:a.nodes[0].hi] {
		a.root[e.b] = e.to
		a.nodes[e.to].fail = 0
		queue = append(queue, e.to)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		bfs = append(bfs, n)
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
	a.fast = make([]int32, int(a.dense)*a.nclass)
	for c := 0; c < 0x80; c++ {
		if k := a.class[c]; k >= 0 {
			a.fast[int(k)] = a.root[c]
		}
	}
	for _, n := range bfs {
		if n >= a.dense {
			break // breadth first: every later state is as deep or deeper
		}
		nd := &a.nodes[n]
		row := a.fast[int(n)*a.nclass : int(n+1)*a.nclass]
		copy(row, a.fast[int(nd.fail)*a.nclass:int(nd.fail+1)*a.nclass])
		for _, e := range a.edges[nd.lo:nd.hi] {
			if k := a.class[e.b]; k >= 0 {
				row[k] = e.to
			}
		}
	}
	// Mark the entries that lead to a state where some pattern ends, so
	// the matching loop reads the node only then.
	for i, to := range a.fast {
		if t := &a.nodes[to]; t.pat >= 0 || t.dict > 0 {
			a.fast[i] = to | outBit
		}
	}
	return a
}

// outBit flags a fast-table entry whose state ends a pattern.
const outBit = 1 << 30

// The shallow states that get a row in the fast table.
const (
	maxDenseDepth  = 3
	maxDenseStates = 1 << 14
)

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
		c := s[i]
		if n >= a.dense {
			// A deep state: follow its edges, or fall back along fail
			// links to a shallow state.
			n = a.deepStep(n, c)
			if n < a.dense {
				goto shallow
			}
			goto output
		}
	shallow:
		if k := a.class[c]; k >= 0 {
			e := a.fast[int(n)*a.nclass+int(k)]
			n = e &^ outBit
			if e&outBit == 0 {
				continue // no pattern ends here: skip the node lookup
			}
		} else if c < 0x80 {
			n = 0 // a byte no pattern has
			continue
		} else {
			n = a.step(n, c)
		}
	output:
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

// deepStep follows byte c from a deep state n: its own edge if it has one
// (the result may be deep), or else the first shallow state on its fail
// chain, from which the caller goes on with the fast table.
func (a *automaton) deepStep(n int32, c byte) int32 {
	for n >= a.dense {
		nd := &a.nodes[n]
		for _, e := range a.edges[nd.lo:nd.hi] {
			if e.b == c {
				return e.to
			}
			if e.b > c {
				break
			}
		}
		n = nd.fail
	}
	return n
}
