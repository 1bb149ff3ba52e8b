// Package values turns the cell values the SPSS and Stata writers take
// (nil, float64, int, int64, time.Time, string) into numbers and text, so
// both writers read a row alike.
package values

import (
	"fmt"
	"math"
	"time"
)

// Number returns a numeric cell as a float64, NaN for nil (missing); a
// time.Time goes through date, the format's own day count.
func Number(x any, date func(time.Time) float64) (float64, error) {
	switch x := x.(type) {
	case nil:
		return math.NaN(), nil
	case float64:
		return x, nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case time.Time:
		return date(x), nil
	}
	return 0, fmt.Errorf("%T is no number", x)
}

// Text returns a text cell, "" for nil, refusing text longer than width
// bytes.
func Text(x any, width int) (string, error) {
	s, ok := x.(string)
	if x != nil && !ok {
		return "", fmt.Errorf("%T is no string", x)
	}
	if len(s) > width {
		return "", fmt.Errorf("%d bytes, wider than %d", len(s), width)
	}
	return s, nil
}
