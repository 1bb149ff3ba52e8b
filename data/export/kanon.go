package export

import "strings"

// KAnonymise blanks values of the quasi-identifying columns of rows until
// every combination of them covers at least k rows, by local suppression
// (as sdcMicro's localSuppression): while some rows are in a combination
// of fewer than k, each such row in turn (unless rows before it have
// joined its combination meanwhile) loses one value — the one whose
// blanking puts the row in the largest combination there is, and among equals the
// value rarest in its column (then the later column, so the first
// columns are kept longest). A blank is a value of its own when combinations are
// counted, so the result holds for any reader. rows[i][j] is row i's
// value in column j; "" is blank. It changes rows in place and returns
// how many values it blanked in each column. With fewer than k rows in
// all, every value ends up blank.
func KAnonymise(rows [][]string, k int) []int {
	if len(rows) == 0 {
		return nil
	}
	cols := len(rows[0])
	blanked := make([]int, cols)
	for {
		small := smallCombinations(rows, k)
		if len(small) == 0 {
			return blanked
		}
		freq := valueCounts(rows, cols)
		sizes := combinationSizes(rows)
		changed := false
		for _, i := range small {
			key := strings.Join(rows[i], "\x00")
			if sizes[key] >= k {
				continue // joined by rows blanked before it in this round
			}
			j := bestToBlank(rows[i], freq, sizes)
			if j < 0 {
				continue
			}
			sizes[key]--
			rows[i][j] = ""
			sizes[strings.Join(rows[i], "\x00")]++
			blanked[j]++
			changed = true
		}
		if !changed {
			return blanked
		}
	}
}

// SmallCombinations lists the rows whose combination of values is shared
// by fewer than k rows (blank counting as a value of its own).
func SmallCombinations(rows [][]string, k int) []int { return smallCombinations(rows, k) }

func smallCombinations(rows [][]string, k int) []int {
	sizes := map[string]int{}
	keys := make([]string, len(rows))
	for i, r := range rows {
		keys[i] = strings.Join(r, "\x00")
		sizes[keys[i]]++
	}
	var out []int
	for i, key := range keys {
		if sizes[key] < k {
			out = append(out, i)
		}
	}
	return out
}

// valueCounts counts each column's values over all rows.
func valueCounts(rows [][]string, cols int) []map[string]int {
	freq := make([]map[string]int, cols)
	for j := range freq {
		freq[j] = map[string]int{}
	}
	for _, r := range rows {
		for j, v := range r {
			freq[j][v]++
		}
	}
	return freq
}

// combinationSizes counts the rows of each combination.
func combinationSizes(rows [][]string) map[string]int {
	sizes := map[string]int{}
	for _, r := range rows {
		sizes[strings.Join(r, "\x00")]++
	}
	return sizes
}

// bestToBlank returns the column of the value to blank in row: the one
// that joins the row to the largest combination, then the rarest; -1
// when every value is blank already.
func bestToBlank(row []string, freq []map[string]int, sizes map[string]int) int {
	best, bestJoin := -1, -1
	for j, v := range row {
		if v == "" {
			continue
		}
		row[j] = ""
		join := sizes[strings.Join(row, "\x00")]
		row[j] = v
		if best < 0 || join > bestJoin || join == bestJoin && freq[j][v] <= freq[best][row[best]] {
			best, bestJoin = j, join
		}
	}
	return best
}
