package data

import (
	"strconv"
	"strings"
	"sync"
)

// rebound caches the PostgreSQL form of each query text: the same few
// hundred statements run again and again.
var rebound sync.Map

// rebind turns SQLite's placeholders into PostgreSQL's: each bare ? becomes
// the next $n, and ?NNN becomes $NNN. Question marks inside quoted strings
// (E” escapes too), quoted names, comments and dollar-quoted bodies are
// left alone.
func rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	if q, ok := rebound.Load(query); ok {
		return q.(string)
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	next := 1
	for i := 0; i < len(query); {
		n := skipLiteral(query[i:])
		if n > 0 {
			b.WriteString(query[i : i+n])
			i += n
			continue
		}
		if query[i] != '?' {
			b.WriteByte(query[i])
			i++
			continue
		}
		j := i + 1
		for j < len(query) && query[j] >= '0' && query[j] <= '9' {
			j++
		}
		b.WriteByte('$')
		if j > i+1 {
			b.WriteString(query[i+1 : j])
		} else {
			b.WriteString(strconv.Itoa(next))
			next++
		}
		i = j
	}
	out := b.String()
	rebound.Store(query, out)
	return out
}

// skipLiteral is the length of the quoted string, quoted name, comment or
// dollar-quoted body that query starts with (to its end when unterminated),
// or 0 when it starts with none of these.
func skipLiteral(query string) int {
	switch {
	case strings.HasPrefix(query, "--"):
		return lengthTo(query, 2, "\n", false)
	case strings.HasPrefix(query, "/*"):
		return lengthTo(query, 2, "*/", false)
	case strings.HasPrefix(query, "E'") || strings.HasPrefix(query, "e'"):
		return 1 + lengthTo(query[1:], 1, "'", true)
	case query[0] == '\'' || query[0] == '"':
		return lengthTo(query, 1, query[:1], false)
	case query[0] == '$':
		if end := strings.IndexByte(query[1:], '$'); end >= 0 && isTag(query[1:1+end]) {
			tag := query[:end+2]
			return lengthTo(query, len(tag), tag, false)
		}
	}
	return 0
}

// lengthTo is the length of query up to and including the first close
// after from (a backslash escapes the next byte when escapes is set), or
// all of it.
func lengthTo(query string, from int, close string, escapes bool) int {
	for i := from; i < len(query); i++ {
		if escapes && query[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(query[i:], close) {
			return i + len(close)
		}
	}
	return len(query)
}

// isTag reports whether s can be a dollar quote's tag ("" or a name).
func isTag(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
