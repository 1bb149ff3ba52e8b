package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Fictional people: common Danish first and last names combined at random,
// with a few of the spellings real registers hold (hyphens, apostrophes,
// accents), so that every screen and export meets them.
var (
	femaleNames = []string{"Anna", "Emma", "Ida", "Freja", "Clara", "Laura", "Sofie", "Mathilde", "Karla", "Alma",
		"Agnes", "Ella", "Josefine", "Maja", "Nora", "Olivia", "Sara", "Signe", "Cecilie", "Line", "Mette",
		"Hanne", "Susanne", "Lone", "Kirsten", "Birgitte", "Åse", "Marianne", "Rikke", "Tove", "Inger",
		"Bodil", "Else", "Grete", "Lærke", "Asta", "Liv", "Esther", "Frida", "Merete", "Zainab", "Amira", "Ayşe"}
	maleNames = []string{"William", "Noah", "Oscar", "Lucas", "Carl", "Victor", "Malthe", "Emil", "Alfred", "Magnus",
		"Frederik", "Aksel", "Mikkel", "Rasmus", "Jonas", "Mads", "Søren", "Jens", "Niels", "Lars", "Henrik",
		"Peter", "Morten", "Thomas", "Kasper", "Anders", "Bjørn", "Ole", "Poul", "Erik", "Knud", "Torben",
		"Asger", "Bo", "Ib", "René", "Jørgen", "Ahmad", "Omar", "Yusuf", "Hamza", "Mikael"}
	lastNames = []string{"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
		"Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen",
		"Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen",
		"Laursen", "Henriksen", "Lund", "Holm", "Schmidt", "Kjær", "Bach", "Dahl", "Skov", "Bak", "Lauridsen",
		"Østergaard", "Ravn", "Winther", "Eriksen", "Friis", "Bang", "Vestergaard", "Kaya", "Hussein", "Ali",
		"O'Connor", "Nørgaard-Holm", "Ægidius", "Ahmadi"}
)

// namer hands out distinct fictional names.
type namer struct {
	rng  *rand.Rand
	used map[string]int
}

func newNamer(rng *rand.Rand) *namer { return &namer{rng: rng, used: map[string]int{}} }

// next returns a fresh name and the gender it was drawn for.
func (n *namer) next() (name, gender string) {
	first, gender := pick(n.rng, femaleNames), "female"
	if n.rng.IntN(2) == 0 {
		first, gender = pick(n.rng, maleNames), "male"
	}
	last := pick(n.rng, lastNames)
	if n.rng.IntN(8) == 0 {
		last = pick(n.rng, lastNames) + "-" + last
	}
	name = first + " " + last
	if n.rng.IntN(6) == 0 {
		name = first + " " + pick(n.rng, lastNames) + " " + last
	}
	n.used[name]++
	if k := n.used[name]; k > 1 {
		// Two people may share a name; the register tells them apart by a middle initial.
		name = fmt.Sprintf("%s %c. %s", first, 'A'+rune((k-2)%26), last)
	}
	if n.rng.IntN(50) == 0 {
		gender = "other"
	}
	return name, gender
}

// contact returns a fictional phone number and an address at an example domain.
func (n *namer) contact(name string) (phone, email string) {
	phone = fmt.Sprintf("%d%d %02d %02d %02d", 2+n.rng.IntN(8), n.rng.IntN(10), n.rng.IntN(100), n.rng.IntN(100), n.rng.IntN(100))
	ascii := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "é", "e", "ş", "s", "'", "", ".", "").
		Replace(strings.ToLower(name))
	email = strings.Join(strings.Fields(ascii), ".") + "@eksempel.dk"
	return phone, email
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }
