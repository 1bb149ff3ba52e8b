// Package importer reads the spreadsheets coordinators keep today (people
// lists and attendance tick-sheets, as .xlsx or .csv) into Samspil, with
// a message per bad row and nothing written unless the user says so.
package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"samspil/data"
)

// Hard limits, so that no file can exhaust the machine.
const (
	MaxFileBytes     = 50 << 20  // the file on disk
	MaxUnzippedBytes = 256 << 20 // an .xlsx unpacked
	MaxXMLBytes      = 64 << 20  // one part of an .xlsx unpacked
	MaxRows          = 100_000
	MaxColumns       = 500
	MaxCellRunes     = 10_000
)

// Sheet is a table read from a file: a header row and the data rows, all
// as trimmed text. Row numbers in messages count the header as row 1.
type Sheet struct {
	Header []string
	Rows   [][]string
}

// ReadFile reads the first sheet of an .xlsx file or a .csv file (UTF-8
// with or without BOM, or Windows-1252; separated by ";", "," or tab).
// Any file, however broken, gives either a Sheet or a clear error.
func ReadFile(path string) (*Sheet, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &data.Error{Code: "err.import_unreadable", Args: map[string]any{"Path": path, "Reason": err.Error()}}
	}
	if st.Size() > MaxFileBytes {
		return nil, &data.Error{Code: "err.import_too_big", Args: map[string]any{"MB": MaxFileBytes >> 20}}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, &data.Error{Code: "err.import_unreadable", Args: map[string]any{"Path": path, "Reason": err.Error()}}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return ReadXLSX(raw)
	case ".csv", ".txt", ".tsv":
		return ReadCSV(raw)
	}
	if bytes.HasPrefix(raw, []byte("PK\x03\x04")) {
		return ReadXLSX(raw)
	}
	return ReadCSV(raw)
}

// ReadCSV reads CSV bytes, detecting the encoding and the separator.
func ReadCSV(raw []byte) (*Sheet, error) {
	text := decodeText(raw)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = detectSeparator(text)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &data.Error{Code: "err.import_csv", Args: map[string]any{"Reason": err.Error()}}
		}
		if len(rows) > MaxRows {
			return nil, &data.Error{Code: "err.import_too_many_rows", Args: map[string]any{"Max": MaxRows}}
		}
		rows = append(rows, rec)
	}
	return newSheet(rows)
}

// decodeText turns bytes into text: UTF-8 (a BOM is dropped) when valid,
// otherwise Windows-1252, as older Danish Excel saves CSV.
func decodeText(raw []byte) string {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if utf8.Valid(raw) {
		return string(raw)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return strings.ToValidUTF8(string(raw), "\uFFFD")
	}
	return string(out)
}

// detectSeparator picks ";", "," or tab by how often each appears outside
// quotes in the first lines.
func detectSeparator(text string) rune {
	counts := map[rune]int{}
	inQuote, lines := false, 0
	for _, r := range text {
		switch {
		case r == '"':
			inQuote = !inQuote
		case r == '\n' && !inQuote:
			lines++
		case !inQuote && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
		if lines >= 20 {
			break
		}
	}
	best := ';'
	for _, r := range []rune{'\t', ',', ';'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// ReadXLSX reads the first sheet of a workbook with limits on its unpacked
// size, and turns a panic inside the parser into an error.
func ReadXLSX(raw []byte) (sheet *Sheet, err error) {
	defer func() {
		if p := recover(); p != nil {
			sheet, err = nil, &data.Error{Code: "err.import_xlsx", Args: map[string]any{"Reason": fmt.Sprint(p)}}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: MaxXMLBytes})
	if err != nil {
		return nil, xlsxError(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &data.Error{Code: "err.import_empty"}
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, xlsxError(err)
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) > MaxRows {
			return nil, &data.Error{Code: "err.import_too_many_rows", Args: map[string]any{"Max": MaxRows}}
		}
		cols, err := it.Columns()
		if err != nil {
			return nil, xlsxError(err)
		}
		rows = append(rows, cols)
	}
	if err := it.Error(); err != nil {
		return nil, xlsxError(err)
	}
	return newSheet(rows)
}

func xlsxError(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "size") && strings.Contains(msg, "limit") || strings.Contains(msg, "exceeds") {
		return &data.Error{Code: "err.import_too_big_unzipped", Args: map[string]any{"MB": MaxUnzippedBytes >> 20}}
	}
	return &data.Error{Code: "err.import_xlsx", Args: map[string]any{"Reason": msg}}
}

// newSheet trims the cells, drops empty rows and checks the limits.
func newSheet(rows [][]string) (*Sheet, error) {
	var kept [][]string
	for _, r := range rows {
		empty := true
		for i, c := range r {
			r[i] = strings.TrimSpace(c)
			if r[i] != "" {
				empty = false
			}
			if utf8.RuneCountInString(r[i]) > MaxCellRunes {
				return nil, &data.Error{Code: "err.import_cell_too_long", Row: len(kept) + 1, Args: map[string]any{"Max": MaxCellRunes}}
			}
		}
		if len(r) > MaxColumns {
			return nil, &data.Error{Code: "err.import_too_many_columns", Args: map[string]any{"Max": MaxColumns}}
		}
		if !empty {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return nil, &data.Error{Code: "err.import_empty"}
	}
	s := &Sheet{Header: kept[0], Rows: kept[1:]}
	seen := map[string]bool{}
	for _, h := range s.Header {
		key := data.FoldName(h)
		if key != "" && seen[key] {
			return nil, &data.Error{Code: "err.import_duplicate_column", Args: map[string]any{"Name": h}}
		}
		seen[key] = true
	}
	return s, nil
}

// cell returns row[i], or "" when the row is shorter.
func cell(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	return row[i]
}
