package export

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"samspil/data"
)

// csvSink writes each table as a CSV file the way Danish Excel reads it:
// UTF-8 with a byte-order mark, ";" between fields and a decimal comma. The
// files go into a folder, or into one .zip file when the target ends so.
type csvSink struct {
	out     string
	zipped  bool
	tmpDir  string      // folder mode: the folder being filled
	tmpZip  *hiddenFile // zip mode: the archive being written
	zw      *zip.Writer // zip mode
	file    *os.File    // folder mode: the current file
	buf     *bufio.Writer
	w       *csv.Writer
	closeFn func() error
}

func newCSVSink(out string) (*csvSink, error) {
	c := &csvSink{out: out, zipped: strings.HasSuffix(strings.ToLower(out), ".zip")}
	dir := filepath.Dir(out)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, &data.Error{Code: "err.db_no_folder", Args: map[string]any{"Path": dir}}
	}
	// A folder cannot be hidden like a file: its leftovers go before each
	// export instead.
	RemoveLeftovers(dir, time.Now())
	var err error
	if c.zipped {
		if c.tmpZip, err = createHidden(dir, "."+filepath.Base(out)+".*.tmp"); err != nil {
			return nil, err
		}
		c.zw = zip.NewWriter(c.tmpZip.File)
		return c, nil
	}
	if _, err := os.Stat(out); err == nil {
		return nil, &data.Error{Code: "err.target_exists", Args: map[string]any{"Path": out}}
	}
	c.tmpDir, err = os.MkdirTemp(dir, "."+filepath.Base(out)+".*.tmp")
	return c, err
}

func (c *csvSink) begin(t table, cols []column) error {
	var w io.Writer
	name := t.name + ".csv"
	if c.zipped {
		zf, err := c.zw.Create(name)
		if err != nil {
			return err
		}
		w, c.closeFn = zf, func() error { return nil }
	} else {
		f, err := os.Create(filepath.Join(c.tmpDir, name))
		if err != nil {
			return err
		}
		c.file = f
		w, c.closeFn = f, f.Close
	}
	c.buf = bufio.NewWriterSize(w, 64<<10)
	if _, err := c.buf.WriteString("\ufeff"); err != nil {
		return err
	}
	c.w = csv.NewWriter(c.buf)
	c.w.Comma = ';'
	c.w.UseCRLF = true
	header := make([]any, len(cols))
	for i, col := range cols {
		header[i] = col.name
	}
	return c.row(header)
}

func (c *csvSink) row(values []any) error {
	rec := make([]string, len(values))
	for i, v := range values {
		rec[i] = csvCell(v)
	}
	return c.w.Write(rec)
}

// csvCell formats a value; text that Excel would read as a formula gets a
// leading apostrophe, so no cell can turn into one.
func csvCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return defuse(v)
	case data.Date:
		return v.String()
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
	}
	return defuse(fmt.Sprint(v))
}

// defuse prefixes text that starts like a formula (=, +, -, @, tab, CR).
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (c *csvSink) end() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	if err := c.buf.Flush(); err != nil {
		return err
	}
	if c.file != nil {
		if err := c.file.Sync(); err != nil {
			return err
		}
	}
	return c.closeFn()
}

func (c *csvSink) commit() error {
	if c.zipped {
		if err := c.zw.Close(); err != nil {
			c.abort()
			return err
		}
		if err := c.tmpZip.Sync(); err != nil {
			c.abort()
			return err
		}
		if err := c.tmpZip.linkInto(c.out); err != nil {
			c.abort()
			return err
		}
		return c.tmpZip.Close()
	}
	if err := os.Rename(c.tmpDir, c.out); err != nil {
		c.abort()
		return err
	}
	return nil
}

func (c *csvSink) abort() {
	if c.zipped {
		c.tmpZip.discard()
		return
	}
	if c.file != nil {
		c.file.Close()
	}
	os.RemoveAll(c.tmpDir)
}
