package export

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"samspil/data"
)

// maxCellChars is the most characters a cell may hold in Excel.
const maxCellChars = 32767

// sheetRows writes the data rows of one worksheet as SpreadsheetML to a
// temporary file, to be spliced into the sheet when the workbook is saved.
//
// excelize's stream writer keeps every sheet under 16 MiB in memory until
// the workbook is saved, keeps a 16–32 MiB buffer for each larger one, and
// reads the whole sheet back to add a table: for half a million rows that
// was a third of the export's time and most of its memory. Rows written
// here cost a buffered file and a few reused bytes.
type sheetRows struct {
	file      *os.File
	w         *bufio.Writer
	buf       []byte // reused for each row
	dateStyle string
	row       int // the number of the last row written
	cols      int // the number of columns, header included
}

// lastCell is the sheet's used range, from A1 to the last column of the
// last row: what the sheet's <dimension ref> says.
func (s *sheetRows) lastCell() (string, error) {
	last, err := excelize.CoordinatesToCellName(s.cols, s.row)
	return "A1:" + last, err
}

// sheetPattern names the row files in the temporary folder.
const sheetPattern = "samspil-sheet-*.xml"

func newSheetRows(dateStyle int) (*sheetRows, error) {
	// The rows are personal data: the file has no name where the system
	// allows (see hiddenFile), elsewhere the name goes at once where it
	// can (not Windows), so that nothing is left if the app is killed.
	h, err := createHidden(os.TempDir(), sheetPattern)
	if err != nil {
		return nil, err
	}
	f := h.File
	if h.named {
		os.Remove(f.Name())
	}
	return &sheetRows{file: f, w: bufio.NewWriterSize(f, 256<<10), dateStyle: strconv.Itoa(dateStyle), row: 1}, nil
}

// write appends one row after the header; values are as sink.row takes them.
func (s *sheetRows) write(values []any) error {
	s.row++
	b := append(s.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(s.row), 10)
	b = append(b, `">`...)
	for i, v := range values {
		var err error
		if b, err = s.cell(b, i, v); err != nil {
			return err
		}
	}
	b = append(b, `</row>`...)
	s.buf = b
	_, err := s.w.Write(b)
	return err
}

// cell appends the cell in column i; an empty value writes no cell.
func (s *sheetRows) cell(b []byte, i int, v any) ([]byte, error) {
	start := func(b []byte, attrs string) []byte {
		b = append(b, `<c r="`...)
		b = appendColumn(b, i)
		b = strconv.AppendInt(b, int64(s.row), 10)
		return append(append(b, '"'), attrs...)
	}
	switch v := v.(type) {
	case nil:
	case string:
		if v == "" {
			break
		}
		b = start(b, ` t="inlineStr"><is><t`)
		if v[0] == ' ' || v[len(v)-1] == ' ' || v[0] == '\n' || v[len(v)-1] == '\n' {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = appendEscaped(append(b, '>'), v)
		b = append(b, `</t></is></c>`...)
	case int:
		b = strconv.AppendInt(append(start(b, ""), `><v>`...), int64(v), 10)
		b = append(b, `</v></c>`...)
	case int64:
		b = strconv.AppendInt(append(start(b, ""), `><v>`...), v, 10)
		b = append(b, `</v></c>`...)
	case float64:
		b = strconv.AppendFloat(append(start(b, ""), `><v>`...), v, 'g', -1, 64)
		b = append(b, `</v></c>`...)
	case data.Date:
		if v.IsZero() {
			break
		}
		b = append(start(b, ` s="`), s.dateStyle...)
		b = strconv.AppendInt(append(b, `"><v>`...), int64(excelSerial(v)), 10)
		b = append(b, `</v></c>`...)
	default:
		return b, fmt.Errorf("export: a cell of type %T in row %d", v, s.row)
	}
	return b, nil
}

// appendColumn appends the letters of column i (0: A).
func appendColumn(b []byte, i int) []byte {
	if i >= 26 {
		b = appendColumn(b, i/26-1)
	}
	return append(b, byte('A'+i%26))
}

// appendEscaped appends text as XML character data, cut to what a cell
// holds, with characters XML cannot carry replaced.
func appendEscaped(b []byte, text string) []byte {
	n := 0
	for _, r := range text {
		if n++; n > maxCellChars {
			break
		}
		switch {
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '\r':
			b = append(b, "&#xD;"...)
		case r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= utf8.MaxRune:
			b = utf8.AppendRune(b, r)
		default: // control characters, and invalid UTF-8 read as U+FFFD too
			b = utf8.AppendRune(b, utf8.RuneError)
		}
	}
	return b
}

// finish flushes the rows; the file stays open for reading back.
func (s *sheetRows) finish() error { return s.w.Flush() }

// close closes and removes the file.
func (s *sheetRows) close() {
	s.file.Close()
	os.Remove(s.file.Name())
}

// removeStaleRows removes row files that an export killed on Windows (where
// an open file keeps its name) left in the temporary folder more than a day
// ago; a running export's files are younger.
func removeStaleRows(dir string, now time.Time) {
	names, _ := filepath.Glob(filepath.Join(dir, sheetPattern))
	for _, name := range names {
		if st, err := os.Stat(name); err == nil && now.Sub(st.ModTime()) > 24*time.Hour {
			os.Remove(name)
		}
	}
}
