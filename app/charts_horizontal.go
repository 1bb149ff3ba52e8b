package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// chartTextSize is the size of a chart's labels and values.
const chartTextSize = 10

// labelWidth is the width of the widest label, as drawn.
func (c *chart) labelWidth() float32 {
	w := float32(0)
	for _, l := range c.labels {
		w = max(w, fyne.MeasureText(l, chartTextSize, fyne.TextStyle{}).Width)
	}
	return w
}

// buildHorizontal lays out one bar per label from left to right, with each
// label whole on the left and the value after the bar: for categories with
// long names, such as entry channels, which would not fit under a column.
func (r *chartRenderer) buildHorizontal() {
	c, size := r.c, r.size
	n := len(c.labels)
	if n == 0 {
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	labelW := c.labelWidth() + 6
	valueW := fyne.MeasureText(c.format(r.top()), chartTextSize, fyne.TextStyle{}).Width + 6
	plotW := max(size.Width-labelW-valueW, 1)
	rowH := size.Height / float32(n)
	top := r.top()
	for i, name := range c.labels {
		y := float32(i) * rowH
		t := canvas.NewText(name, fg)
		t.TextSize = chartTextSize
		t.Move(fyne.NewPos(0, y+(rowH-t.MinSize().Height)/2))
		r.objects = append(r.objects, t)
		x, total := labelW, 0.0
		for _, s := range c.series {
			if i >= len(s.values) || s.values[i] <= 0 {
				continue
			}
			w := float32(s.values[i]/top) * plotW
			bar := canvas.NewRectangle(s.color)
			bar.Resize(fyne.NewSize(w, rowH*0.7))
			bar.Move(fyne.NewPos(x, y+rowH*0.15))
			r.objects = append(r.objects, bar)
			x += w
			total += s.values[i]
		}
		v := canvas.NewText(c.format(total), fg)
		v.TextSize = chartTextSize
		v.Move(fyne.NewPos(x+3, y+(rowH-v.MinSize().Height)/2))
		r.objects = append(r.objects, v)
	}
}
