package sav

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// readVar is a variable as the test reader finds it.
type readVar struct {
	name, label string
	width       int // 0 numeric, else the string's width
	format      int
	labels      map[float64]string
	units       []int // the 8-byte units of each segment
}

// readFile is what the test reader finds in a system file.
type readFile struct {
	label string
	vars  []*readVar
	rows  [][]any // float64 (NaN for missing) or string
}

type rd struct {
	r   io.Reader
	err error
}

func (r *rd) n(n int) []byte {
	b := make([]byte, n)
	if r.err == nil {
		_, r.err = io.ReadFull(r.r, b)
	}
	return b
}
func (r *rd) i32() int     { return int(int32(binary.LittleEndian.Uint32(r.n(4)))) }
func (r *rd) f64() float64 { return math.Float64frombits(binary.LittleEndian.Uint64(r.n(8))) }

// readSAV reads the files this package writes, independently of the writer.
func readSAV(data []byte) (*readFile, error) {
	r := &rd{r: bytes.NewReader(data)}
	if string(r.n(4)) != "$FL2" {
		return nil, fmt.Errorf("no $FL2")
	}
	r.n(60)
	r.i32()
	nominal, compression := r.i32(), r.i32()
	r.i32()
	ncases := r.i32()
	if r.f64() != 100 || compression != 1 {
		return nil, fmt.Errorf("bias or compression")
	}
	r.n(17)
	f := &readFile{label: strings.TrimRight(string(r.n(64)), " ")}
	r.n(3)
	type segment struct {
		short  string
		width  int
		label  string
		format int
		units  int
	}
	var segs []*segment
	var unitSeg []int // unit index -> segment
	labelsAt := map[int]map[float64]string{}
	ext := map[int]string{}
	for r.err == nil {
		rec := r.i32()
		switch rec {
		case 2:
			width, hasLabel, nmiss, format := r.i32(), r.i32(), r.i32(), r.i32()
			r.i32()
			name := strings.TrimRight(string(r.n(8)), " ")
			label := ""
			if hasLabel == 1 {
				n := r.i32()
				label = string(r.n((n + 3) / 4 * 4))[:n]
			}
			r.n(8 * abs(nmiss))
			if width == -1 {
				segs[len(segs)-1].units++
			} else {
				segs = append(segs, &segment{name, width, label, format, 1})
			}
			unitSeg = append(unitSeg, len(segs)-1)
		case 3:
			m := map[float64]string{}
			for range r.i32() {
				v := r.f64()
				n := int(r.n(1)[0])
				m[v] = string(r.n((n+1+7)/8*8 - 1)[:n])
			}
			if r.i32() != 4 {
				return nil, fmt.Errorf("no type 4 after 3")
			}
			for range r.i32() {
				labelsAt[r.i32()-1] = m
			}
		case 7:
			sub, size, count := r.i32(), r.i32(), r.i32()
			ext[sub] = string(r.n(size * count))
		case 999:
			r.i32()
			goto data
		default:
			return nil, fmt.Errorf("record type %d", rec)
		}
	}
data:
	if r.err != nil {
		return nil, r.err
	}
	if len(unitSeg) != nominal {
		return nil, fmt.Errorf("nominal case size %d, units %d", nominal, len(unitSeg))
	}
	long := map[string]string{}
	for _, kv := range strings.Split(ext[13], "\t") {
		k, v, _ := strings.Cut(kv, "=")
		long[k] = v
	}
	veryLong := map[string]int{}
	for _, kv := range strings.Split(ext[14], "\t") {
		k, v, ok := strings.Cut(strings.TrimRight(kv, "\x00"), "=")
		if ok {
			veryLong[k], _ = strconv.Atoi(v)
		}
	}
	first := 0
	for i := 0; i < len(segs); {
		s := segs[i]
		v := &readVar{name: long[s.short], label: s.label, width: s.width, format: s.format, labels: labelsAt[first]}
		n := 1
		if w, ok := veryLong[s.short]; ok {
			v.width, n = w, (w+251)/252
		}
		for j := range n {
			v.units = append(v.units, segs[i+j].units)
			first += segs[i+j].units
		}
		i += n
		f.vars = append(f.vars, v)
	}
	if ext[20] != "UTF-8" {
		return nil, fmt.Errorf("encoding %q", ext[20])
	}
	units := decompress(data[len(data)-r.r.(*bytes.Reader).Len():])
	for c := range ncases {
		if len(units) < nominal*(c+1) {
			return nil, fmt.Errorf("case %d missing", c)
		}
		u := units[nominal*c:]
		row := []any{}
		for _, v := range f.vars {
			if v.width == 0 {
				row = append(row, num(u[0]))
				u = u[1:]
				continue
			}
			var sb strings.Builder
			for _, n := range v.units {
				var seg strings.Builder
				for _, x := range u[:n] {
					seg.WriteString(str(x))
				}
				sb.WriteString(seg.String()[:min(255, seg.Len())])
				u = u[n:]
			}
			row = append(row, strings.TrimRight(sb.String(), " "))
		}
		f.rows = append(f.rows, row)
	}
	return f, nil
}

// decompress turns bytecode-compressed data into 8-byte units: float64
// (NaN for system-missing) or 8-byte strings.
func decompress(b []byte) []any {
	var out []any
	for len(b) >= 8 {
		cmd := b[:8]
		b = b[8:]
		for _, c := range cmd {
			switch {
			case c == 0:
			case c == 252:
				return out
			case c == 253:
				out = append(out, rawUnit(b[:8]))
				b = b[8:]
			case c == 254:
				out = append(out, "        ")
			case c == 255:
				out = append(out, math.NaN())
			default:
				out = append(out, float64(c)-100)
			}
		}
	}
	return out
}

// rawUnit is a raw unit; the reader cannot tell numbers from text here, so
// it keeps both readings and the caller takes what the variable needs.
type rawUnit []byte

func abs(n int) int { return max(n, -n) }

func num(x any) float64 {
	if r, ok := x.(rawUnit); ok {
		return math.Float64frombits(binary.LittleEndian.Uint64(r))
	}
	return x.(float64)
}

func str(x any) string {
	if r, ok := x.(rawUnit); ok {
		return string(r)
	}
	return x.(string)
}
