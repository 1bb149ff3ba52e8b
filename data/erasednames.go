package data

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// NamePartHash is the keyed hash under which a name part of an erased
// person may be kept (table erased_name_parts, column hash), so that the
// export's scrubber can still recognise the name in free text without the
// name being stored: HMAC-SHA256 of the lower-case part under the
// database's secret.
func NamePartHash(secret []byte, part string) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte("samspil erased name\x00" + strings.ToLower(part)))
	return hex.EncodeToString(h.Sum(nil))
}

// ErasedNameParts returns a test for whether a lower-case word is a name
// part of an erased person, from the hashes in erased_name_parts; a
// database without that table knows none.
func (s *Store) ErasedNameParts(ctx context.Context) (func(string) bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'erased_name_parts'`).Scan(&n); err != nil || n == 0 {
		return nil, err
	}
	secret, err := s.Secret(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT hash FROM erased_name_parts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	known := map[string]bool{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		known[h] = true
	}
	if len(known) == 0 {
		return nil, rows.Err()
	}
	return func(part string) bool { return known[NamePartHash(secret, part)] }, rows.Err()
}
