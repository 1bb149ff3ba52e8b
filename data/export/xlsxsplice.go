package export

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rowsMarker is the text of the one cell excelize writes in row 2 of a data
// sheet: the place where the sheet's rows are spliced in when it is saved.
const rowsMarker = "samspil-rows:"

// splicingZip passes a workbook's parts through to the zip file, putting
// each data sheet's rows in place of its marker row on the way.
type splicingZip struct {
	excelize.ZipWriter
	rows    map[string]*sheetRows // by marker
	name    string                // the worksheet being buffered, "" for none
	pending bytes.Buffer
}

// Create starts a part. Worksheets are small without their rows, so each is
// buffered until the next part starts, then written with its rows.
func (z *splicingZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if strings.HasPrefix(name, "xl/worksheets/") {
		z.name = name
		return &z.pending, nil
	}
	return z.ZipWriter.Create(name)
}

// AddFS writes the buffered worksheet before the files added.
func (z *splicingZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.ZipWriter.AddFS(fsys)
}

// Close writes the last part and the zip's directory.
func (z *splicingZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.ZipWriter.Close()
}

// flush writes the buffered worksheet, with its rows if it has a marker.
func (z *splicingZip) flush() error {
	if z.name == "" {
		return nil
	}
	name, sheet := z.name, z.pending.Bytes()
	z.name = ""
	defer z.pending.Reset()
	w, err := z.ZipWriter.Create(name)
	if err != nil {
		return err
	}
	start, end, rows := z.markerRow(sheet)
	if rows == nil {
		_, err := w.Write(sheet)
		return err
	}
	head, err := withDimension(sheet[:start], rows)
	if err != nil {
		return err
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if _, err := rows.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(w, rows.file); err != nil {
		return err
	}
	_, err = w.Write(sheet[end:])
	return err
}

// markerRow finds the row holding a marker and the rows it stands for.
func (z *splicingZip) markerRow(sheet []byte) (start, end int, rows *sheetRows) {
	at := bytes.Index(sheet, []byte(rowsMarker))
	if at < 0 {
		return 0, 0, nil
	}
	start = bytes.LastIndex(sheet[:at], []byte("<row "))
	close := bytes.Index(sheet[at:], []byte("</row>"))
	stop := bytes.IndexByte(sheet[at:], '<')
	if start < 0 || close < 0 || stop < 0 {
		return 0, 0, nil
	}
	rows = z.rows[string(sheet[at:at+stop])]
	return start, at + close + len("</row>"), rows
}

// withDimension sets the <dimension ref> in the part of a worksheet before
// its rows to the rows' used range. excelize's stream writer states the
// range of what it wrote (the header and the marker row), and readers that
// trust the dimension, such as openpyxl's read-only mode, read no further.
func withDimension(head []byte, rows *sheetRows) ([]byte, error) {
	ref, err := rows.lastCell()
	if err != nil {
		return nil, err
	}
	const open = `<dimension ref="`
	at := bytes.Index(head, []byte(open))
	if at < 0 {
		return nil, fmt.Errorf("export: a worksheet without a dimension")
	}
	at += len(open)
	end := bytes.IndexByte(head[at:], '"')
	if end < 0 {
		return nil, fmt.Errorf("export: a broken worksheet dimension")
	}
	out := make([]byte, 0, len(head)+len(ref))
	out = append(append(append(out, head[:at]...), ref...), head[at+end:]...)
	return out, nil
}
