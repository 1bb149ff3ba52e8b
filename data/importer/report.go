package importer

import (
	"encoding/csv"
	"os"
	"strconv"

	"samspil/data"
)

// WriteReport writes the errors of the rows that were not imported as a
// CSV file (UTF-8 with BOM, ";"), one line per problem: row, field, message.
func WriteReport(path string, rows []*PersonRow, language string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	f.WriteString("\ufeff")
	w := csv.NewWriter(f)
	w.Comma = ';'
	w.Write([]string{"row", "field", "message"})
	for _, r := range rows {
		for _, e := range r.Errors {
			msg := (&data.Error{Code: e.Code, Args: e.Args}).Message(language)
			w.Write([]string{strconv.Itoa(r.Row), e.Field, msg})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
