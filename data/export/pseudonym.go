package export

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"strconv"
	"strings"
	"time"
)

// Keyer derives person keys: HMAC-SHA256 of the person's id under a key
// made from the database's secret and the recipient, so the same person
// has the same key in every export to one recipient, and keys given to
// different recipients cannot be linked without the secret.
type Keyer struct {
	mac []byte
}

// NewKeyer returns the keyer for a recipient (compared without case and
// surrounding space).
func NewKeyer(secret []byte, recipient string) *Keyer {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("samspil recipient\x00" + strings.ToLower(strings.TrimSpace(recipient))))
	return &Keyer{mac: h.Sum(nil)}
}

var keyEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// Key returns the person key, such as P-7KQ2M4XD3A.
func (k *Keyer) Key(personID int64) string {
	h := hmac.New(sha256.New, k.mac)
	h.Write([]byte(strconv.FormatInt(personID, 10)))
	return "P-" + keyEncoding.EncodeToString(h.Sum(nil))[:10]
}

// AgeBand returns the five-year age band of someone born in birthYear at
// the end of the year of day, e.g. "20-24"; "" when the year is unknown.
func AgeBand(birthYear int, day time.Time) string {
	if birthYear == 0 {
		return ""
	}
	age := day.Year() - birthYear
	if age < 0 {
		return ""
	}
	if age >= 80 {
		return "80+"
	}
	low := age / 5 * 5
	return strconv.Itoa(low) + "-" + strconv.Itoa(low+4)
}
