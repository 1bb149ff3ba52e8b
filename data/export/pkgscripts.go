package export

import (
	"fmt"
	"strings"
)

// rString quotes s for R with every non-ASCII character escaped, so the
// script reads the same in any locale.
func rString(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r < 0x20:
			fmt.Fprintf(&sb, "\\x%02x", r)
		case r < 0x80:
			sb.WriteRune(r)
		default:
			fmt.Fprintf(&sb, "\\U{%x}", r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// codesOf lists the codes of one list.
func (p *packageSink) codesOf(list string) []codeEntry {
	var out []codeEntry
	for _, e := range p.entries {
		if e.list == list {
			out = append(out, e)
		}
	}
	return out
}

// dataTables are the tables that get native files and load code.
func (p *packageSink) dataTables() []*pkgTable {
	var out []*pkgTable
	for _, t := range p.tables {
		if nativeTable(t.t.name) {
			out = append(out, t)
		}
	}
	return out
}

// loadR reads every data table's CSV into a data frame with dates as
// dates and codes as haven's labelled vectors (factors without haven).
func (p *packageSink) loadR() string {
	var sb strings.Builder
	sb.WriteString(`# Samspil research package: reads the CSVs with their labels.
# In R: setwd("<the package's folder>"); source("load.R")
lab <- function(x, labels) {
  if (requireNamespace("haven", quietly = TRUE)) haven::labelled(x, labels)
  else factor(x, levels = labels, labels = names(labels))
}
`)
	for _, t := range p.dataTables() {
		var classes []string
		for i, c := range t.cols {
			class := "character"
			if t.lists[i] != "" || c.kind == kindInt || c.kind == kindReal {
				class = "numeric"
			}
			classes = append(classes, rString(c.name)+" = "+rString(class))
		}
		name := t.t.name
		fmt.Fprintf(&sb, "\n%s <- read.csv(%s, fileEncoding = \"UTF-8\", na.strings = \"\", check.names = FALSE,\n  colClasses = c(%s))\n",
			name, rString(name+".csv"), strings.Join(classes, ", "))
		for i, c := range t.cols {
			ref := fmt.Sprintf("%s[[%s]]", name, rString(c.name))
			switch {
			case t.lists[i] != "":
				var labels []string
				for _, e := range p.codesOf(t.lists[i]) {
					labels = append(labels, fmt.Sprintf("%s = %d", rString(labelText(e)), e.number))
				}
				fmt.Fprintf(&sb, "%s <- lab(%s, c(%s))\n", ref, ref, strings.Join(labels, ", "))
			case c.kind == kindDate:
				fmt.Fprintf(&sb, "%s <- as.Date(%s)\n", ref, ref)
			}
		}
	}
	return sb.String()
}

// stataString quotes s for Stata.
func stataString(s string) string {
	return "`\"" + strings.NewReplacer("\n", " ", "\r", " ").Replace(s) + "\"'"
}

// loadDo reads every data table's CSV into Stata with value labels and
// dates, saving each as <table>_csv.dta.
func (p *packageSink) loadDo() string {
	var sb strings.Builder
	sb.WriteString("* Samspil research package: reads the CSVs with their labels (Stata 14+).\n* cd \"<the package's folder>\" then: do load.do\n")
	for _, t := range p.dataTables() {
		var strs []string
		for i, c := range t.cols {
			if t.lists[i] == "" && c.kind != kindInt && c.kind != kindReal {
				strs = append(strs, fmt.Sprint(i+1))
			}
		}
		fmt.Fprintf(&sb, "\nimport delimited using \"%s.csv\", clear encoding(utf-8) varnames(1) bindquote(strict) case(preserve)", t.t.name)
		if len(strs) > 0 {
			fmt.Fprintf(&sb, " stringcols(%s)", strings.Join(strs, " "))
		}
		sb.WriteString("\n")
		for i, c := range t.cols {
			fmt.Fprintf(&sb, "label variable %s %s\n", c.name, stataString(c.da))
			switch {
			case t.lists[i] != "":
				fmt.Fprintf(&sb, "capture label drop %s\nlabel define %s", t.lists[i], t.lists[i])
				for _, e := range p.codesOf(t.lists[i]) {
					fmt.Fprintf(&sb, " %d %s", e.number, stataString(labelText(e)))
				}
				fmt.Fprintf(&sb, "\nlabel values %s %s\n", c.name, t.lists[i])
			case c.kind == kindDate:
				fmt.Fprintf(&sb, "generate _d = date(%s, \"YMD\")\nformat _d %%td\norder _d, after(%s)\ndrop %s\nrename _d %s\n", c.name, c.name, c.name, c.name)
			}
		}
		fmt.Fprintf(&sb, "save \"%s_csv.dta\", replace\n", t.t.name)
	}
	return sb.String()
}

// spssString quotes s for SPSS syntax.
func spssString(s string) string {
	return "'" + strings.ReplaceAll(strings.NewReplacer("\n", " ", "\r", " ").Replace(s), "'", "''") + "'"
}

// loadSPS reads every data table's CSV into SPSS or PSPP with variable
// and value labels, saving each as <table>_csv.sav.
func (p *packageSink) loadSPS() string {
	var sb strings.Builder
	sb.WriteString("* Samspil research package: reads the CSVs with their labels (SPSS or PSPP).\n* CD '<the package folder>'. then INCLUDE 'load.sps'.\n")
	for _, t := range p.dataTables() {
		fmt.Fprintf(&sb, "\nGET DATA /TYPE=TXT /FILE='%s.csv' /ENCODING='UTF8' /ARRANGEMENT=DELIMITED /DELCASE=LINE\n  /FIRSTCASE=2 /DELIMITERS=\",\" /QUALIFIER='\"'\n  /VARIABLES=", t.t.name)
		for i, c := range t.cols {
			format := fmt.Sprintf("A%d", max(1, t.widths[i]))
			switch {
			case t.lists[i] != "" || c.kind == kindInt:
				format = "F8.0"
			case c.kind == kindReal:
				format = "F12.4"
			case c.kind == kindDate:
				format = "SDATE10"
			}
			fmt.Fprintf(&sb, "\n    %s %s", spssName(c.name), format)
		}
		sb.WriteString(".\nVARIABLE LABELS")
		for _, c := range t.cols {
			fmt.Fprintf(&sb, "\n    %s %s", spssName(c.name), spssString(c.da))
		}
		sb.WriteString(".\n")
		for i, c := range t.cols {
			if t.lists[i] == "" {
				continue
			}
			fmt.Fprintf(&sb, "VALUE LABELS %s", spssName(c.name))
			for _, e := range p.codesOf(t.lists[i]) {
				fmt.Fprintf(&sb, "\n    %d %s", e.number, spssString(labelText(e)))
			}
			sb.WriteString(".\n")
		}
		fmt.Fprintf(&sb, "SAVE OUTFILE='%s_csv.sav'.\n", t.t.name)
	}
	return sb.String()
}
