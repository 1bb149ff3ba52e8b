package indicators

import (
	"cmp"
	"math/bits"
	"slices"
)

// ties fills the ties across groups (9): for each target-group participant,
// the distinct people (not professionals) they met at occasions, and how
// many of those were from other groups. The people met are bit sets over
// the person numbers: a few kilobytes per target-group participant.
func (w *pass) ties(f *Figures) {
	met := make([]bitSet, len(w.d.ids))   // target person → people met
	other := make([]bitSet, len(w.d.ids)) // … of whom from another group that day
	for i := range w.occasions {
		parts := w.partsOf(&w.occasions[i])
		for _, a := range parts {
			if a.group != target || a.professional {
				continue
			}
			m, o := met[a.person], other[a.person]
			if m == nil {
				m, o = newBitSet(len(w.d.ids)), newBitSet(len(w.d.ids))
				met[a.person], other[a.person] = m, o
			}
			for _, b := range parts {
				if b.person == a.person || b.professional {
					continue
				}
				m.add(b.person)
				if b.group != target {
					o.add(b.person)
				}
				// Count each pair once: from the target-group side, and
				// between two target-group members from the smaller number.
				if w.network && (b.group != target || a.person < b.person) {
					w.edge(a.person, b.person)
				}
			}
		}
	}
	var shares []float64
	for person, people := range met {
		n := people.count()
		if n == 0 { // also nil: not a target-group participant
			continue
		}
		f.TargetWithTies++
		share := float64(other[person].count()) / float64(n)
		shares = append(shares, share)
		if share >= 0.5 {
			f.HalfOrMoreOthers++
		}
	}
	f.OtherShareMean = mean(shares)
	f.HalfOrMoreShare = ratio(f.HalfOrMoreOthers, f.TargetWithTies)
	// Person numbers follow the ids, so the pairs sort the same either way.
	for k, n := range w.edges {
		f.Edges = append(f.Edges, Edge{A: w.d.ids[k>>32], B: w.d.ids[k&0xffffffff], Occasions: int(n)})
	}
	slices.SortFunc(f.Edges, func(x, y Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
}

func (w *pass) edge(a, b int32) {
	if w.edges == nil {
		w.edges = map[uint64]int32{}
	}
	w.edges[uint64(min(a, b))<<32|uint64(max(a, b))]++
}

// bitSet is a set of person numbers.
type bitSet []uint64

// newBitSet returns an empty set with room for the numbers 0 to n-1.
func newBitSet(n int) bitSet { return make(bitSet, (n+63)/64) }

func (s bitSet) add(i int32) { s[i>>6] |= 1 << (uint(i) & 63) }

func (s bitSet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}
