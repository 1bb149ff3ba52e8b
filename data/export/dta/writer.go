package dta

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"time"

	"samspil/data/export/internal/values"
)

// Writer writes one .dta file: the header and descriptors when it is made,
// then one observation per Write, then strLs and value labels on Close.
type Writer struct {
	ws    io.WriteSeeker
	w     *bufio.Writer
	pos   int64 // bytes written so far
	vars  []Var
	types []int
	mapAt int64
	offs  [14]uint64
	strls []gso
	obs   int
	want  int
	err   error
	row   []byte
}

// gso is one long string waiting to be written after the data.
type gso struct {
	v, o int
	text string
}

// NewWriter writes the header and descriptors for nobs observations.
func NewWriter(ws io.WriteSeeker, label string, vars []Var, nobs int) (*Writer, error) {
	if len(vars) > 32767 {
		return nil, fmt.Errorf("dta: %d variables, at most 32,767", len(vars))
	}
	seen := map[string]bool{}
	for _, v := range vars {
		if err := validName(v.Name); err != nil {
			return nil, err
		}
		if seen[v.Name] {
			return nil, fmt.Errorf("dta: variable name %q twice", v.Name)
		}
		seen[v.Name] = true
	}
	w := &Writer{ws: ws, w: bufio.NewWriterSize(ws, 64<<10), vars: vars, want: nobs}
	w.header(label, nobs)
	return w, w.err
}

func (w *Writer) bytes(b []byte) {
	if w.err == nil {
		var n int
		n, w.err = w.w.Write(b)
		w.pos += int64(n)
	}
}

func (w *Writer) s(s string) { w.bytes([]byte(s)) }

func (w *Writer) u16(v int) { w.bytes(binary.LittleEndian.AppendUint16(nil, uint16(v))) }
func (w *Writer) u32(v int) { w.bytes(binary.LittleEndian.AppendUint32(nil, uint32(v))) }
func (w *Writer) u64(v uint64) {
	w.bytes(binary.LittleEndian.AppendUint64(nil, v))
}

// fixed writes s cut to n-1 bytes and padded with zero bytes to n.
func (w *Writer) fixed(s string, chars, n int) {
	b := make([]byte, n)
	copy(b, cutRunes(s, chars, n-1))
	w.bytes(b)
}

// mark records where section i of the map starts.
func (w *Writer) mark(i int) { w.offs[i] = uint64(w.pos) }

func (w *Writer) header(label string, nobs int) {
	w.mark(0)
	w.s("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>")
	w.u16(len(w.vars))
	w.s("</K><N>")
	w.u64(uint64(nobs))
	w.s("</N><label>")
	label = cutRunes(label, 80, 320)
	w.u16(len(label))
	w.s(label + "</label><timestamp>")
	w.bytes([]byte{17})
	w.s(time.Now().Format("02 Jan 2006 15:04") + "</timestamp></header>")
	w.mark(1)
	w.mapAt = w.pos + int64(len("<map>"))
	w.s("<map>")
	for range 14 {
		w.u64(0)
	}
	w.s("</map>")
	w.mark(2)
	w.s("<variable_types>")
	rowLen := 0
	for _, v := range w.vars {
		t, _ := v.storage()
		w.types = append(w.types, t)
		w.u16(t)
		rowLen += cellWidth(t)
	}
	w.row = make([]byte, 0, rowLen)
	w.s("</variable_types>")
	w.fixedSection(3, "varnames", 32, 129, func(v Var) string { return v.Name })
	w.mark(4)
	w.s("<sortlist>")
	for range len(w.vars) + 1 {
		w.u16(0)
	}
	w.s("</sortlist>")
	w.fixedSection(5, "formats", 56, 57, func(v Var) string { _, f := v.storage(); return f })
	w.fixedSection(6, "value_label_names", 32, 129, func(v Var) string {
		if len(v.Labels) > 0 && v.Kind == Numeric {
			return v.Name
		}
		return ""
	})
	w.fixedSection(7, "variable_labels", 80, 321, func(v Var) string { return v.Label })
	w.mark(8)
	w.s("<characteristics></characteristics>")
	w.mark(9)
	w.s("<data>")
}

// fixedSection writes map section i, <tag>, with one fixed-width text per
// variable.
func (w *Writer) fixedSection(i int, tag string, chars, size int, text func(Var) string) {
	w.mark(i)
	w.s("<" + tag + ">")
	for _, v := range w.vars {
		w.fixed(text(v), chars, size)
	}
	w.s("</" + tag + ">")
}

// cellWidth is the bytes one value of a type takes in the data.
func cellWidth(t int) int {
	switch t {
	case typeStrL, typeDouble:
		return 8
	case typeLong:
		return 4
	}
	return t
}

// Write writes one observation: per variable nil (missing), a number
// (float64, int, int64), a string, or a time.Time for a date.
func (w *Writer) Write(row []any) error {
	if w.err != nil {
		return w.err
	}
	if len(row) != len(w.vars) {
		return fmt.Errorf("dta: %d values for %d variables", len(row), len(w.vars))
	}
	w.obs++
	b := w.row[:0]
	for i, v := range w.vars {
		var err error
		if b, err = w.cell(b, i, v, row[i]); err != nil {
			return err
		}
	}
	w.row = b
	w.bytes(b)
	return w.err
}

func (w *Writer) cell(b []byte, i int, v Var, x any) ([]byte, error) {
	t := w.types[i]
	if v.Kind == String {
		width := t
		if t == typeStrL {
			width = math.MaxInt
		}
		s, err := values.Text(x, width)
		if err != nil {
			return nil, fmt.Errorf("dta: %s: %w", v.Name, err)
		}
		if t == typeStrL {
			if s == "" {
				return append(b, 0, 0, 0, 0, 0, 0, 0, 0), nil
			}
			w.strls = append(w.strls, gso{i + 1, w.obs, s})
			return binary.LittleEndian.AppendUint64(b, uint64(i+1)|uint64(w.obs)<<16), nil
		}
		b = append(b, s...)
		return append(b, make([]byte, t-len(s))...), nil
	}
	f, err := values.Number(x, func(d time.Time) float64 { return float64(DateValue(d)) })
	if err != nil {
		return nil, fmt.Errorf("dta: %s: %w", v.Name, err)
	}
	if t == typeLong {
		if math.IsNaN(f) || f != math.Trunc(f) || f < -2147483647 || f > 2147483620 {
			return binary.LittleEndian.AppendUint32(b, missingLong), nil
		}
		return binary.LittleEndian.AppendUint32(b, uint32(int32(f))), nil
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 8.988e307 {
		return binary.LittleEndian.AppendUint64(b, missingDouble), nil
	}
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f)), nil
}

// Close writes the strLs, the value labels and the map.
func (w *Writer) Close() error {
	if w.err == nil && w.obs != w.want {
		return fmt.Errorf("dta: %d observations written, %d announced", w.obs, w.want)
	}
	w.s("</data>")
	w.mark(10)
	w.s("<strls>")
	for _, g := range w.strls {
		w.s("GSO")
		w.u32(g.v)
		w.u64(uint64(g.o))
		w.bytes([]byte{130})
		w.u32(len(g.text) + 1)
		w.s(g.text)
		w.bytes([]byte{0})
	}
	w.s("</strls>")
	w.mark(11)
	w.s("<value_labels>")
	for _, v := range w.vars {
		if len(v.Labels) > 0 && v.Kind == Numeric {
			w.valueLabels(v)
		}
	}
	w.s("</value_labels>")
	w.mark(12)
	w.s("</stata_dta>")
	w.mark(13)
	if w.err != nil {
		return w.err
	}
	if err := w.w.Flush(); err != nil {
		return err
	}
	if _, err := w.ws.Seek(w.mapAt, io.SeekStart); err != nil {
		return err
	}
	var m []byte
	for _, o := range w.offs {
		m = binary.LittleEndian.AppendUint64(m, o)
	}
	if _, err := w.ws.Write(m); err != nil {
		return err
	}
	_, err := w.ws.Seek(0, io.SeekEnd)
	return err
}

// valueLabels writes one value label table named after the variable.
func (w *Writer) valueLabels(v Var) {
	var txt []byte
	var offs, vals []byte
	for _, l := range v.Labels {
		offs = binary.LittleEndian.AppendUint32(offs, uint32(len(txt)))
		vals = binary.LittleEndian.AppendUint32(vals, uint32(l.Value))
		txt = append(append(txt, cutRunes(l.Text, 32000, 32000)...), 0)
	}
	w.s("<lbl>")
	w.u32(8 + len(offs) + len(vals) + len(txt))
	w.fixed(v.Name, 32, 129)
	w.bytes([]byte{0, 0, 0})
	w.u32(len(v.Labels))
	w.u32(len(txt))
	w.bytes(offs)
	w.bytes(vals)
	w.bytes(txt)
	w.s("</lbl>")
}
