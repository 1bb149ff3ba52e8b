package export

// sink receives the tables of an export one after the other; xlsx and csv
// implement it.
type sink interface {
	// begin starts a table with its columns.
	begin(t table, cols []column) error
	// row writes one row; values are string, int, int64, float64,
	// data.Date or nil (empty), one per column.
	row(values []any) error
	// end finishes the current table.
	end() error
	// commit writes the finished export to its place; abort removes
	// everything written so far. Exactly one of them is called.
	commit() error
	abort()
}
