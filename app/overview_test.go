package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"samspil/app/i18n"
	"samspil/data"
	"samspil/data/indicators"
)

// TestOverviewLegendNamesEveryRoleOfALevel: level 4 is host and initiator,
// so the roles-over-time legend names both.
func TestOverviewLegendNamesEveryRoleOfALevel(t *testing.T) {
	u := newTestUI(t)
	roles, err := u.store.Roles(u.ctx)
	if err != nil {
		t.Fatal(err)
	}
	host, initiator := roleByCode(t, u, "host"), roleByCode(t, u, "initiator")
	if host.Level != 4 || initiator.Level != 4 {
		t.Fatalf("host level %d, initiator level %d", host.Level, initiator.Level)
	}
	_, ss := levelSeries(indicators.Figures{}, roles)
	if len(ss) != 4 || !strings.Contains(ss[3].name, host.Name(i18n.Language())) || !strings.Contains(ss[3].name, initiator.Name(i18n.Language())) {
		t.Fatalf("level 4 is called %q", ss[3].name)
	}
}

// chartTexts lays a chart out at size and returns the texts it draws.
func chartTexts(c *chart, size fyne.Size) []*canvas.Text {
	r := test.WidgetRenderer(c)
	r.Layout(size)
	var out []*canvas.Text
	for _, o := range r.Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out = append(out, t)
		}
	}
	return out
}

// TestEntryChartShowsWholeLabels: every entry channel's name is drawn in
// full and inside the chart, at the chart's smallest size.
func TestEntryChartShowsWholeLabels(t *testing.T) {
	newTestUI(t)
	c := newChart()
	f := indicators.Figures{EntryChannels: map[string]int{"network": 3, "municipal": 2, "host": 1}}
	labels, ss := entrySeries(f)
	c.horizontal = true
	c.set(labels, ss, nil)
	size := c.MinSize()
	drawn := map[string]bool{}
	for _, x := range chartTexts(c, size) {
		drawn[x.Text] = true
		if x.Position().X < 0 || x.Position().X+x.MinSize().Width > size.Width+0.5 {
			t.Errorf("%q is drawn at x %.0f, width %.0f, outside %.0f", x.Text, x.Position().X, x.MinSize().Width, size.Width)
		}
	}
	for _, code := range data.EntryChannels {
		if name := i18n.Label("entry", code); !drawn[name] {
			t.Errorf("%q is not drawn whole; drawn: %v", name, drawn)
		}
	}
}

// TestOverviewCardsShowAHalfMedian: a median of 9.5 people is shown as
// such, not cut to 9.
func TestOverviewCardsShowAHalfMedian(t *testing.T) {
	newTestUI(t)
	r := &indicators.Report{Current: indicators.Figures{Size: indicators.SizeStats{Occasions: 2, Min: 5, Median: 9.5, Max: 14}}}
	for _, f := range figuresOf(r) {
		if f.key == "median_size" && !strings.Contains(f.now, "9,5") && !strings.Contains(f.now, "9.5") {
			t.Errorf("median shown as %q", f.now)
		}
	}
}

// TestOverviewComparesTheSameDaysSoFar: "this month" runs to the day and
// is compared with the same days of last month (on 1 December: 1–1
// December against 1–1 November), and the heading says so; on a month's
// last day the whole month is compared with the whole month before.
func TestOverviewComparesTheSameDaysSoFar(t *testing.T) {
	d := data.MustDate
	for _, c := range []struct {
		today                  data.Date
		from, prevFrom, prevTo data.Date
		unfinished             bool
	}{
		{d("2026-12-01"), d("2026-12-01"), d("2026-11-01"), d("2026-11-01"), true},
		{d("2026-03-30"), d("2026-03-01"), d("2026-02-01"), d("2026-02-28"), true},
		{d("2026-03-31"), d("2026-03-01"), d("2026-02-01"), d("2026-02-28"), false},
		{d("2026-01-02"), d("2026-01-01"), d("2025-12-01"), d("2025-12-02"), true},
	} {
		u := newTestUI(t)
		u.today = func() data.Date { return c.today }
		ov := screenOf[*overview](t, u, "overview")
		ov.period.SetCode("month")
		cur, prev := indicators.Period{From: c.from, To: c.today}, indicators.Period{From: c.prevFrom, To: c.prevTo}
		if ov.report == nil || ov.report.Current.Period != cur || ov.report.Previous.Period != prev {
			t.Fatalf("on %v: %+v against %+v, want %+v against %+v", c.today, ov.report.Current.Period, ov.report.Previous.Period, cur, prev)
		}
		want := i18n.Tf("overview.compared_to_date", map[string]any{"From": i18n.DateText(c.from), "To": i18n.DateText(c.today),
			"PrevFrom": i18n.DateText(c.prevFrom), "PrevTo": i18n.DateText(c.prevTo)})
		if c.unfinished && ov.heading.Text != want {
			t.Errorf("on %v: heading %q, want %q", c.today, ov.heading.Text, want)
		}
	}
}
