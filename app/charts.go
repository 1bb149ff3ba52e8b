package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"samspil/app/i18n"
)

// series is one coloured row of values in a chart.
type series struct {
	name   string
	color  color.Color
	values []float64
}

// chart draws stacked bars (one per label), or dots when dots is set, with
// an optional horizontal line (a threshold); with horizontal set, one bar
// per label from left to right with the label whole beside it. It is drawn with canvas
// primitives so it renders the same in a window and in tests.
type chart struct {
	widget.BaseWidget
	labels     []string
	series     []series
	line       *float64
	dots       bool
	horizontal bool
	max        float64 // fixed top of the scale; 0: the largest stack
	format     func(float64) string
}

func newChart() *chart {
	c := &chart{format: func(v float64) string { return i18n.Count(int(math.Round(v))) }}
	c.ExtendBaseWidget(c)
	return c
}

// set replaces what the chart shows.
func (c *chart) set(labels []string, ss []series, line *float64) {
	c.labels, c.series, c.line = labels, ss, line
	c.Refresh()
}

// CreateRenderer draws the chart.
func (c *chart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build()
	return r
}

// MinSize keeps charts readable, and a horizontal chart's labels whole.
func (c *chart) MinSize() fyne.Size {
	if c.horizontal {
		return fyne.NewSize(max(280, c.labelWidth()+120), 160)
	}
	return fyne.NewSize(280, 160)
}

type chartRenderer struct {
	c       *chart
	objects []fyne.CanvasObject
	size    fyne.Size
}

func (r *chartRenderer) top() float64 {
	if r.c.max > 0 {
		return r.c.max
	}
	top := 0.0
	for i := range r.c.labels {
		stack := 0.0
		for _, s := range r.c.series {
			if i < len(s.values) {
				if r.c.dots {
					stack = max(stack, s.values[i])
				} else {
					stack += s.values[i]
				}
			}
		}
		top = max(top, stack)
	}
	if r.c.line != nil {
		top = max(top, *r.c.line)
	}
	if top == 0 {
		top = 1
	}
	return top
}

// build lays the objects out for the current size.
func (r *chartRenderer) build() {
	c := r.c
	size := r.size
	r.objects = r.objects[:0]
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	if c.horizontal {
		r.buildHorizontal()
		return
	}
	fg := theme.Color(theme.ColorNameForeground)
	axisW, labelH := float32(34), float32(16)
	plotW, plotH := size.Width-axisW, size.Height-labelH
	top := r.top()
	topText := canvas.NewText(c.format(top), fg)
	topText.TextSize = 10
	topText.Move(fyne.NewPos(0, 0))
	zero := canvas.NewText(c.format(0), fg)
	zero.TextSize = 10
	zero.Move(fyne.NewPos(0, plotH-12))
	axis := canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	axis.Position1, axis.Position2 = fyne.NewPos(axisW, plotH), fyne.NewPos(size.Width, plotH)
	r.objects = append(r.objects, topText, zero, axis)
	n := len(c.labels)
	if n == 0 {
		return
	}
	step := plotW / float32(n)
	y := func(v float64) float32 { return plotH - float32(v/top)*plotH }
	for i := 0; i < n; i++ {
		x := axisW + float32(i)*step
		base := 0.0
		for _, s := range c.series {
			if i >= len(s.values) || s.values[i] <= 0 && !c.dots {
				continue
			}
			v := s.values[i]
			if c.dots {
				d := min(max(step*0.8, 3), 6)
				dot := canvas.NewCircle(s.color)
				dot.Resize(fyne.NewSize(d, d))
				dot.Move(fyne.NewPos(x+step/2-d/2, y(v)-d/2))
				r.objects = append(r.objects, dot)
				continue
			}
			bar := canvas.NewRectangle(s.color)
			y0, y1 := y(base), y(base+v)
			bar.Resize(fyne.NewSize(max(step*0.8, 1), y0-y1))
			bar.Move(fyne.NewPos(x+step*0.1, y1))
			r.objects = append(r.objects, bar)
			base += v
		}
	}
	if c.line != nil {
		l := canvas.NewLine(theme.Color(theme.ColorNameError))
		l.StrokeWidth = 2
		l.Position1, l.Position2 = fyne.NewPos(axisW, y(*c.line)), fyne.NewPos(size.Width, y(*c.line))
		r.objects = append(r.objects, l)
	}
	marks := []int{0, n / 2, n - 1}
	if n <= 8 {
		marks = marks[:0]
		for i := 0; i < n; i++ {
			marks = append(marks, i)
		}
	}
	for _, i := range marks {
		text := c.labels[i]
		if n <= 8 && len([]rune(text)) > int(step/6) {
			text = string([]rune(text)[:max(int(step/6)-1, 1)]) + "…"
		}
		t := canvas.NewText(text, fg)
		t.TextSize = 10
		t.Move(fyne.NewPos(min(axisW+float32(i)*step, size.Width-t.MinSize().Width), plotH+2))
		r.objects = append(r.objects, t)
		if n == 1 {
			break
		}
	}
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.build()
}

func (r *chartRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *chartRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}

// legend shows each series' colour and name.
func legend(ss []series) fyne.CanvasObject {
	box := container.NewGridWithColumns(3)
	for _, s := range ss {
		sw := canvas.NewRectangle(s.color)
		sw.SetMinSize(fyne.NewSize(12, 12))
		l := widget.NewLabel(s.name)
		l.SizeName = theme.SizeNameCaptionText
		box.Add(container.NewHBox(container.NewCenter(sw), l))
	}
	return box
}

// groupColors are the colours of the groups in every chart.
var groupColors = map[string]color.Color{
	"target":          color.NRGBA{0xee, 0x6c, 0x4d, 0xff},
	"resourceful":     color.NRGBA{0x2a, 0x9d, 0x8f, 0xff},
	"volunteer":       color.NRGBA{0xf2, 0xb1, 0x34, 0xff},
	"org_staff":       color.NRGBA{0x45, 0x7b, 0x9d, 0xff},
	"municipal_staff": color.NRGBA{0x8d, 0x99, 0xae, 0xff},
	"":                color.NRGBA{0xbb, 0xbb, 0xbb, 0xff},
}

// levelColors colour the role levels from receiving support to hosting.
var levelColors = []color.Color{
	color.NRGBA{0x99, 0x99, 0x99, 0xff},
	color.NRGBA{0xe7, 0x6f, 0x51, 0xff},
	color.NRGBA{0xf4, 0xa2, 0x61, 0xff},
	color.NRGBA{0x2a, 0x9d, 0x8f, 0xff},
	color.NRGBA{0x26, 0x46, 0x53, 0xff},
}
