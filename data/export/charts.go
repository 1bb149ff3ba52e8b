package export

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// addCharts puts native Excel charts of the monthly series on a sheet of
// their own.
func addCharts(f *excelize.File, months int) error {
	if months == 0 {
		return nil
	}
	if _, err := f.NewSheet("charts"); err != nil {
		return err
	}
	last := months + 1
	ref := func(col string) string { return fmt.Sprintf("'indicators_monthly'!$%s$2:$%s$%d", col, col, last) }
	cats := ref("A")
	var stacked []excelize.ChartSeries
	for _, col := range []string{"B", "C", "D", "E", "F"} {
		stacked = append(stacked, excelize.ChartSeries{Name: fmt.Sprintf("'indicators_monthly'!$%s$1", col), Categories: cats, Values: ref(col)})
	}
	charts := []struct {
		cell  string
		chart *excelize.Chart
	}{
		{"A1", &excelize.Chart{Type: excelize.ColStacked, Series: stacked,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Deltagelser pr. måned efter gruppe / Participations per month by group"}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 360}}},
		{"A20", &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{
			{Name: "'indicators_monthly'!$G$1", Categories: cats, Values: ref("G")},
			{Name: "'indicators_monthly'!$H$1", Categories: cats, Values: ref("H")}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Frivillige og værter, aktive aktiviteter / Volunteers and hosts, active activities"}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 360}}},
		{"A39", &excelize.Chart{Type: excelize.Line, Series: []excelize.ChartSeries{
			{Name: "'indicators_monthly'!$I$1", Categories: cats, Values: ref("I")}},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Målgruppens andel af deltagelserne / Target group's share of participations"}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 360}}},
	}
	for _, c := range charts {
		if err := f.AddChart("charts", c.cell, c.chart); err != nil {
			return err
		}
	}
	return nil
}
