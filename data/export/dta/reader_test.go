package dta

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// readFile is what the test reader finds in a .dta file.
type readFile struct {
	label  string
	names  []string
	types  []int
	labels []string
	vlabel map[string]map[int32]string
	rows   [][]any // float64 (NaN for missing) or string
}

// readDTA reads format 118 as this package writes it, following the map.
func readDTA(b []byte) (*readFile, error) {
	le := binary.LittleEndian
	if !bytes.HasPrefix(b, []byte("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>")) {
		return nil, fmt.Errorf("no 118 LSF header")
	}
	p := len("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>")
	k := int(le.Uint16(b[p:]))
	p += 2 + len("</K><N>")
	n := int(le.Uint64(b[p:]))
	p += 8 + len("</N><label>")
	f := &readFile{vlabel: map[string]map[int32]string{}}
	ll := int(le.Uint16(b[p:]))
	f.label = string(b[p+2 : p+2+ll])
	mapAt := bytes.Index(b, []byte("<map>")) + 5
	off := func(i int) int { return int(le.Uint64(b[mapAt+8*i:])) }
	if off(13) != len(b) || !bytes.HasPrefix(b[off(9):], []byte("<data>")) || !bytes.HasPrefix(b[off(10):], []byte("<strls>")) {
		return nil, fmt.Errorf("map does not point at the sections")
	}
	cstr := func(x []byte) string { s, _, _ := strings.Cut(string(x), "\x00"); return s }
	q := off(2) + len("<variable_types>")
	for i := range k {
		f.types = append(f.types, int(le.Uint16(b[q+2*i:])))
	}
	q = off(3) + len("<varnames>")
	for i := range k {
		f.names = append(f.names, cstr(b[q+129*i:q+129*(i+1)]))
	}
	q = off(7) + len("<variable_labels>")
	for i := range k {
		f.labels = append(f.labels, cstr(b[q+321*i:q+321*(i+1)]))
	}
	strls := map[[2]uint64]string{}
	q = off(10) + len("<strls>")
	for bytes.HasPrefix(b[q:], []byte("GSO")) {
		v, o := uint64(le.Uint32(b[q+3:])), le.Uint64(b[q+7:])
		size := int(le.Uint32(b[q+16:]))
		strls[[2]uint64{v, o}] = cstr(b[q+20 : q+20+size])
		q += 20 + size
	}
	q = off(11) + len("<value_labels>")
	for bytes.HasPrefix(b[q:], []byte("<lbl>")) {
		size := int(le.Uint32(b[q+5:]))
		name := cstr(b[q+9 : q+9+129])
		t := b[q+9+132:]
		cnt, txtlen := int(le.Uint32(t)), int(le.Uint32(t[4:]))
		txt := t[8+8*cnt : 8+8*cnt+txtlen]
		m := map[int32]string{}
		for i := range cnt {
			m[int32(le.Uint32(t[8+4*cnt+4*i:]))] = cstr(txt[le.Uint32(t[8+4*i:]):])
		}
		f.vlabel[name] = m
		q += 9 + 132 + size + len("</lbl>")
	}
	q = off(9) + len("<data>")
	for range n {
		row := make([]any, k)
		for i, t := range f.types {
			switch {
			case t == typeDouble:
				u := le.Uint64(b[q:])
				row[i] = math.Float64frombits(u)
				if u == missingDouble {
					row[i] = math.NaN()
				}
				q += 8
			case t == typeLong:
				u := int32(le.Uint32(b[q:]))
				row[i] = float64(u)
				if u == missingLong {
					row[i] = math.NaN()
				}
				q += 4
			case t == typeStrL:
				u := le.Uint64(b[q:])
				row[i] = strls[[2]uint64{u & 0xffff, u >> 16}]
				q += 8
			default:
				row[i] = cstr(b[q : q+t])
				q += t
			}
		}
		f.rows = append(f.rows, row)
	}
	if !bytes.HasPrefix(b[q:], []byte("</data>")) {
		return nil, fmt.Errorf("data does not end where the map says")
	}
	return f, nil
}
