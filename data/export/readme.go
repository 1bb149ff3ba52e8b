package export

import (
	"fmt"
	"time"

	"samspil/data"
	"samspil/data/indicators"
)

// readme writes the README sheet: what the export is, how many rows each
// table has, who is left out, on which basis the figures stand and the
// parameters needed to recompute them.
func (e *exporter) readme(r *indicators.Report) error {
	st := e.src.settings
	period := fmt.Sprintf("%s – %s", dateOrOpen(e.opt.From), dateOrOpen(e.opt.To))
	version, _ := e.src.s.Version(e.ctx)
	lines := [][2]string{
		{"partnership", st.Partnership},
		{"organisation", st.Organisation},
		{"municipality", st.Municipality},
		{"period", period},
		{"exported_at", time.Now().Format(time.RFC3339)},
		{"app_version", "Samspil " + e.opt.AppVersion},
		{"schema_version", fmt.Sprint(version)},
		{"recipient", e.opt.Recipient},
		{"pseudonymised", yesNo(!e.opt.Identified)},
	}
	if e.opt.Identified {
		lines = append(lines, [2]string{"warning", "IDENTIFICERET: indeholder navne og må kun bruges internt. / IDENTIFIED: contains names, for internal use only."})
	}
	for _, t := range e.sheets() {
		lines = append(lines, [2]string{"rows_" + t.name, fmt.Sprint(e.counts[t.name])})
	}
	lines = append(lines, e.continuationLines()...)
	policy := "left out / udeladt"
	if st.NoConsentPolicy == "count" {
		policy = "counted without a key / talt med uden nøgle"
	}
	lines = append(lines,
		[2]string{"without_research_consent", policy},
		[2]string{"people_left_out", fmt.Sprint(e.src.excluded)},
		[2]string{"people_without_key", fmt.Sprint(e.src.unkeyed)},
		[2]string{"participations_left_out", fmt.Sprint(e.partsLeftOut)},
		[2]string{"figures_basis", e.figuresBasis()},
		[2]string{"audit_log", e.auditSummary()},
	)
	lines = append(lines, e.privacyLines()...)
	params, err := e.parameters(r)
	if err != nil {
		return err
	}
	lines = append(append(lines, params...),
		[2]string{"about_da", "Udtræk fra Samspil til ekstern evaluering. Hver tabel har én række pr. enhed og én overskriftsrække; datoer er ÅÅÅÅ-MM-DD; koder forklares i arket codes og kolonner i arket codebook. Personer er pseudonymiseret med nøgler, der er de samme i alle udtræk til samme modtager. Pseudonymiserede data er stadig personoplysninger: opbevar dem sikkert."},
		[2]string{"about_en", "Export from Samspil for external evaluation. Each table has one row per unit and one header row; dates are YYYY-MM-DD; codes are explained in the codes sheet and columns in the codebook sheet. People are pseudonymised with keys that are the same in every export to the same recipient. Pseudonymised data are still personal data: keep them secure."},
	)
	_, err = e.writeTableAt(readmeTable, func(w *rowWriter) error {
		for _, l := range lines {
			if err := w.write(l[0], l[1]); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

// auditSummary counts the audit log's actions (erasures, merges, imports,
// exports, restores), so the evaluators see what was done to the data.
func (e *exporter) auditSummary() string {
	log, err := e.src.s.AuditLog(e.ctx, 1_000_000)
	if err != nil || len(log) == 0 {
		return "none"
	}
	counts := map[string]int{}
	for _, a := range log {
		counts[a.Action]++
	}
	return data.FormatCounts(counts)
}

func dateOrOpen(d data.Date) string {
	if d.IsZero() {
		return "…"
	}
	return d.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// figuresBasis says, with the counts, which people the figures and the
// tables include: always the same ones.
func (e *exporter) figuresBasis() string {
	n, parts := e.src.excluded, e.partsLeftOut
	switch {
	case e.opt.Identified:
		return "Alle nøgletal og tabeller regner med alle registrerede personer (identificeret udtræk). / Every figure and table includes every registered person (identified export)."
	case e.src.settings.NoConsentPolicy == "count":
		return fmt.Sprintf("Nøgletallene (arkene indicators, indicators_yearly, indicators_monthly, transitions, network) og tabellerne regner med de samme personer: også de %d uden forskningssamtykke, der står uden nøgle. / "+
			"The figures (sheets indicators, indicators_yearly, indicators_monthly, transitions, network) and the tables count the same people: including the %d without research consent, who appear without a key.", e.src.unkeyed, e.src.unkeyed)
	}
	return fmt.Sprintf("Nøgletallene (arkene indicators, indicators_yearly, indicators_monthly, transitions, network) og tabellerne regner med de samme personer: de %d personer uden forskningssamtykke og deres %d deltagelser i perioden er udeladt af begge, så hvert tal kan regnes efter i tabellerne. Anonyme gæster tælles med i gangenes størrelse. / "+
		"The figures (sheets indicators, indicators_yearly, indicators_monthly, transitions, network) and the tables count the same people: the %d people without research consent and their %d participations in the period are left out of both, so every figure can be recomputed from the tables. Anonymous guests count in occasion sizes.", n, parts, n, parts)
}

// parameters are the settings the figures were worked out with: the
// balance threshold, the municipality's target-group size for each year of
// the period and the period before, and the period before itself.
func (e *exporter) parameters(r *indicators.Report) ([][2]string, error) {
	sizes, err := e.src.s.TargetSizes(e.ctx)
	if err != nil {
		return nil, err
	}
	cur, prev := r.Current.Period, r.Previous.Period
	lines := [][2]string{
		{"figures_period", cur.From.String() + " – " + cur.To.String()},
		{"previous_period", prev.From.String() + " – " + prev.To.String()},
		{"balance_threshold", fmt.Sprint(r.Threshold)},
	}
	for y := prev.From.Year; y <= cur.To.Year; y++ {
		size := "unknown"
		if n := sizes[y]; n > 0 {
			size = fmt.Sprint(n)
		}
		lines = append(lines, [2]string{fmt.Sprintf("target_size_%d", y), size})
	}
	return append(lines, [2]string{"target_size_note", "Kommunens målgruppe pr. år (indstillinger); rækkevidde = målgruppedeltagere / størrelsen i periodens sidste år. / The municipality's target group per year (settings); reach = target-group participants / the size in the period's last year."}), nil
}
