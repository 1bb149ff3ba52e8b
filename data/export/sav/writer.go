package sav

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"samspil/data/export/internal/values"
)

// Writer writes one system file: the dictionary when it is made, then one
// case per Write, then the end on Close.
type Writer struct {
	w     *bufio.Writer
	vars  []Var
	cmd   [8]byte // the current block of compression codes
	ncmd  int
	raw   []byte // the raw 8-byte units that follow the block
	err   error
	cases int
	want  int
}

// sysmis is the system-missing value; highest and lowest bound ranges.
var (
	sysmis  = -math.MaxFloat64
	highest = math.MaxFloat64
	lowest  = math.Nextafter(-math.MaxFloat64, 0)
)

// NewWriter writes the file header and dictionary for ncases cases of vars.
func NewWriter(out io.Writer, fileLabel string, vars []Var, ncases int) (*Writer, error) {
	seen := map[string]bool{}
	for _, v := range vars {
		if err := validName(v.Name); err != nil {
			return nil, err
		}
		if seen[strings.ToUpper(v.Name)] {
			return nil, fmt.Errorf("sav: variable name %q twice", v.Name)
		}
		seen[strings.ToUpper(v.Name)] = true
	}
	w := &Writer{w: bufio.NewWriterSize(out, 64<<10), vars: vars, want: ncases}
	w.dictionary(fileLabel, ncases)
	return w, w.err
}

func (w *Writer) bytes(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

func (w *Writer) i32(vs ...int) {
	var b [4]byte
	for _, v := range vs {
		binary.LittleEndian.PutUint32(b[:], uint32(int32(v)))
		w.bytes(b[:])
	}
}

func (w *Writer) f64(vs ...float64) {
	var b [8]byte
	for _, v := range vs {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		w.bytes(b[:])
	}
}

// padded writes s in exactly n bytes, filled with spaces.
func (w *Writer) padded(s string, n int) {
	b := make([]byte, n)
	copy(b, cut(s, n))
	for i := len(cut(s, n)); i < n; i++ {
		b[i] = ' '
	}
	w.bytes(b)
}

func (w *Writer) dictionary(fileLabel string, ncases int) {
	total := 0
	for _, v := range w.vars {
		for _, s := range v.segments() {
			total += slots(s)
		}
	}
	now := time.Now()
	w.bytes([]byte("$FL2"))
	w.padded("@(#) SPSS DATA FILE Samspil", 60)
	w.i32(2, total, 1, 0, ncases)
	w.f64(100)
	w.padded(now.Format("02 Jan 06"), 9)
	w.padded(now.Format("15:04:05"), 8)
	w.padded(fileLabel, 64)
	w.bytes([]byte{0, 0, 0})
	var longNames, veryLong []string
	index := 1 // 1-based position of each variable's first unit
	type labelled struct {
		labels []Label
		index  int
	}
	var lab []labelled
	short := 0
	for _, v := range w.vars {
		for si, seg := range v.segments() {
			short++
			name := "V" + strconv.Itoa(short)
			if si == 0 {
				longNames = append(longNames, name+"="+v.Name)
				if len(v.segments()) > 1 {
					veryLong = append(veryLong, fmt.Sprintf("%s=%05d\x00", name, v.Width))
				}
				if len(v.Labels) > 0 && v.Kind != String {
					lab = append(lab, labelled{v.Labels, index})
				}
			}
			w.variable(v, seg, name, si == 0)
			index += slots(seg)
		}
	}
	for _, l := range lab {
		w.valueLabels(l.labels, l.index)
	}
	w.i32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001)
	w.i32(7, 4, 8, 3)
	w.f64(sysmis, highest, lowest)
	w.textRecord(13, strings.Join(longNames, "\t"))
	if len(veryLong) > 0 {
		w.textRecord(14, strings.Join(veryLong, "\t"))
	}
	w.textRecord(20, "UTF-8")
	w.i32(999, 0)
}

// variable writes a type 2 record for one segment and its continuations.
func (w *Writer) variable(v Var, seg int, name string, first bool) {
	var format int
	switch {
	case v.Kind == Date:
		format = 20<<16 | 11<<8
	case v.Kind == String:
		format = 1<<16 | seg<<8
	default:
		format = 5<<16 | 8<<8 | min(v.Decimals, 16)
	}
	label := cut(v.Label, 255)
	hasLabel := 0
	if first && label != "" {
		hasLabel = 1
	}
	w.i32(2, seg, hasLabel, 0, format, format)
	w.padded(name, 8)
	if hasLabel == 1 {
		w.i32(len(label))
		w.padded(label, (len(label)+3)/4*4)
	}
	for range slots(seg) - 1 {
		w.i32(2, -1, 0, 0, 0, 0)
		w.padded("", 8)
	}
}

// valueLabels writes the type 3 and 4 records of one variable's labels.
func (w *Writer) valueLabels(labels []Label, index int) {
	w.i32(3, len(labels))
	for _, l := range labels {
		w.f64(l.Value)
		text := cut(l.Text, 120)
		w.bytes([]byte{byte(len(text))})
		w.padded(text, (len(text)+1+7)/8*8-1)
	}
	w.i32(4, 1, index)
}

// textRecord writes an extension record of text.
func (w *Writer) textRecord(subtype int, text string) {
	w.i32(7, subtype, 1, len(text))
	w.bytes([]byte(text))
}

// Write writes one case: per variable nil (missing), a number (float64,
// int, int64), a string, or a time.Time for a date.
func (w *Writer) Write(row []any) error {
	if w.err != nil {
		return w.err
	}
	if len(row) != len(w.vars) {
		return fmt.Errorf("sav: %d values for %d variables", len(row), len(w.vars))
	}
	for i, v := range w.vars {
		if err := w.value(v, row[i]); err != nil {
			return err
		}
	}
	w.cases++
	return w.err
}

func (w *Writer) value(v Var, x any) error {
	if v.Kind == String {
		s, err := values.Text(x, max(v.Width, 1))
		if err != nil {
			return fmt.Errorf("sav: %s: %w", v.Name, err)
		}
		for _, seg := range v.segments() {
			part := s[:min(len(s), 255)]
			s = s[len(part):]
			w.text(part, slots(seg))
		}
		return nil
	}
	f, err := values.Number(x, DateValue)
	if err != nil {
		return fmt.Errorf("sav: %s: %w", v.Name, err)
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.code(255, nil)
		return nil
	}
	if f == math.Trunc(f) && f >= -99 && f <= 151 {
		w.code(byte(f+100), nil)
		return nil
	}
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(f))
	w.code(253, b[:])
	return nil
}

// text writes s, padded with spaces, into n 8-byte units.
func (w *Writer) text(s string, n int) {
	for i := range n {
		var unit [8]byte
		copy(unit[:], s[min(len(s), i*8):min(len(s), i*8+8)])
		for j := max(0, len(s)-i*8); j < 8; j++ {
			unit[j] = ' '
		}
		if unit == [8]byte{' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '} {
			w.code(254, nil)
		} else {
			w.code(253, unit[:])
		}
	}
}

// code adds one compression code, with its raw unit for 253.
func (w *Writer) code(c byte, raw []byte) {
	w.cmd[w.ncmd] = c
	w.ncmd++
	w.raw = append(w.raw, raw...)
	if w.ncmd == 8 {
		w.flushBlock()
	}
}

func (w *Writer) flushBlock() {
	w.bytes(w.cmd[:])
	w.bytes(w.raw)
	w.cmd, w.ncmd, w.raw = [8]byte{}, 0, w.raw[:0]
}

// Close writes the last block; the file holds exactly the announced cases.
func (w *Writer) Close() error {
	if w.err == nil && w.cases != w.want {
		return fmt.Errorf("sav: %d cases written, %d announced", w.cases, w.want)
	}
	if w.ncmd > 0 {
		w.flushBlock()
	}
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}
