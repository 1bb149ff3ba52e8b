// Package export writes the research workbook the evaluators receive each
// quarter: tidy tables, a codebook and a README sheet, pseudonymised by
// default. The same tables can be written as CSV files for R, SPSS or Stata.
package export

import (
	"strings"

	"samspil/data"
)

// Options choose what an export contains.
type Options struct {
	From, To    data.Date // the period; zero ends are open
	Recipient   string    // who receives it; keys are unlinkable between recipients
	Identified  bool      // include names, for internal use only
	WithLogbook bool      // include the logbook, names replaced by keys
	Format      string    // "xlsx" (default), "csv" or "package" (a folder, or a .zip file)
	BirthYear   bool      // birth year instead of the default five-year age band
	// SuppressSmall leaves counts from 1 to 4 empty (flagged in their own
	// column) in the summary sheets; on by default for pseudonymised exports.
	SuppressSmall *bool
	// K is the least number of people any combination of the people
	// table's descriptive columns may cover in a pseudonymised export
	// (rarer values are blanked); 0 means the default, 3.
	K          int
	AppVersion string
}

// DefaultK is the k of the k-check when the options give none.
const DefaultK = 3

// MaxK is the largest k the options accept.
const MaxK = 50

// Validate checks the options and fills defaults.
func (o *Options) Validate() error {
	var es data.Errors
	o.Recipient = strings.TrimSpace(o.Recipient)
	if o.Recipient == "" {
		es = append(es, &data.Error{Code: "err.required", Field: "recipient"})
	}
	if o.Format == "" {
		o.Format = "xlsx"
	}
	if o.Format != "xlsx" && o.Format != "csv" && o.Format != "package" {
		es = append(es, &data.Error{Code: "err.bad_code", Field: "format", Args: map[string]any{"Value": o.Format}})
	}
	if !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From) {
		es = append(es, &data.Error{Code: "err.end_before_start", Field: "end"})
	}
	if o.K == 0 {
		o.K = DefaultK
	}
	if o.K < 1 || o.K > MaxK {
		es = append(es, &data.Error{Code: "err.range", Field: "k", Args: map[string]any{"Min": 1, "Max": MaxK}})
	}
	if o.SuppressSmall == nil {
		suppress := !o.Identified
		o.SuppressSmall = &suppress
	}
	if len(es) > 0 {
		return es
	}
	return nil
}

// bounds returns the period with open ends filled.
func (o *Options) bounds() (data.Date, data.Date) {
	from, to := o.From, o.To
	if from.IsZero() {
		from = data.MustDate("1900-01-01")
	}
	if to.IsZero() {
		to = data.MustDate("2200-12-31")
	}
	return from, to
}
