package export

import (
	"fmt"
	"strings"
)

// sheetMaxRows is the most rows an Excel sheet holds, header included.
// A table with more continues on the next sheet (participation_2, …); the
// tests lower it.
var sheetMaxRows = 1048576

// sheetSplit remembers the table being written and the continuation
// sheets each table got.
type sheetSplit struct {
	t         table
	cols      []column
	part      int                 // continuation sheets of the current table so far
	next      bool                // the sheet being begun continues the current table
	continued map[string][]string // table -> its continuation sheets
}

// started notes a table (or a continuation sheet) being begun.
func (s *sheetSplit) started(t table, cols []column) {
	if s.next {
		s.next = false
		return
	}
	s.t, s.cols, s.part = t, cols, 0
}

// continueSheet ends the full sheet and begins the next one with the
// same columns.
func (x *xlsxSink) continueSheet() error {
	if err := x.end(); err != nil {
		return err
	}
	s := &x.split
	base := s.t
	s.part++
	next := fmt.Sprintf("%s_%d", base.name, s.part+1)
	if s.continued == nil {
		s.continued = map[string][]string{}
	}
	s.continued[base.name] = append(s.continued[base.name], next)
	t := base
	t.name = next
	s.next = true
	return x.begin(t, s.cols)
}

// continuations lists the sheets a table continued on, in the workbook.
func (e *exporter) continuations(name string) []string {
	if x, ok := e.sink.(*xlsxSink); ok {
		return x.split.continued[name]
	}
	return nil
}

// continuationRows writes the codebook's rows for the sheets a table
// continued on.
func (e *exporter) continuationRows(w *rowWriter, t table) error {
	for _, name := range e.continuations(t.name) {
		err := w.write(name, "", "", "Fortsættelse af arket "+t.name+" (et ark rummer højst 1.048.576 rækker); samme kolonner",
			"Continuation of the sheet "+t.name+" (a sheet holds at most 1,048,576 rows); the same columns")
		if err != nil {
			return err
		}
	}
	return nil
}

// continuationLines are the README's lines naming the sheets each long
// table is spread over.
func (e *exporter) continuationLines() [][2]string {
	var out [][2]string
	for _, t := range e.sheets() {
		if more := e.continuations(t.name); len(more) > 0 {
			out = append(out, [2]string{"sheets_" + t.name, strings.Join(append([]string{t.name}, more...), ", ")})
		}
	}
	return out
}
