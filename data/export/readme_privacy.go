package export

import (
	"fmt"

	"samspil/data"
)

// privacyLines tell the evaluators how the export protects the people in
// it: the k-check on the people table with the values it blanked per
// column, the rules free text was scrubbed by, and what the small-count
// suppression covers and what not.
func (e *exporter) privacyLines() [][2]string {
	if e.opt.Identified {
		return [][2]string{{"k_anonymity", "none (identified export) / ingen (identificeret udtræk)"}}
	}
	lines := [][2]string{{"k_anonymity", fmt.Sprintf(
		"k = %d. Arket people giver første kontakt som måned, og før udtrækket skrives, tjekkes kombinationerne af de beskrivende kolonner (%s): "+
			"de sjældneste værdier er gjort tomme (lokal undertrykkelse som i sdcMicro), til hver kombination dækker mindst %d personer; en tom celle tæller som sin egen værdi. "+
			"Antal tomme værdier pr. kolonne står i k_blanked_*. / "+
			"k = %d. The people sheet gives first contact as a month, and before the export is written the combinations of its descriptive columns (%s) are checked: "+
			"the rarest values are blanked (local suppression as in sdcMicro) until every combination covers at least %d people; a blank counts as a value of its own. "+
			"The number of values blanked per column is in k_blanked_*.",
		e.opt.K, e.quasiNames(), e.opt.K, e.opt.K, e.quasiNames(), e.opt.K)}}
	for _, c := range peopleQuasi {
		if n, ok := e.blanked[c]; ok {
			lines = append(lines, [2]string{"k_blanked_" + c, fmt.Sprint(n)})
		}
	}
	lines = append(lines, [2]string{"small_counts", "Antal fra 1 til 4 i arkene indicators, indicators_yearly, indicators_monthly og transitions er tomme og markeret i deres egen kolonne; en andel skjules med tæller og nævner, når en af dem er fra 1 til 4. " +
		"Arkene people, participation, occasions, group_periods, paths og network er data på personniveau: deres tal (fx shared_occasions i network) skjules ikke. / " +
		"Counts from 1 to 4 in the sheets indicators, indicators_yearly, indicators_monthly and transitions are empty and flagged in their own column; a share is hidden with its numerator and denominator when either is from 1 to 4. " +
		"The sheets people, participation, occasions, group_periods, paths and network are record-level data: their numbers (such as shared_occasions in network) are not suppressed."})
	if e.opt.WithLogbook {
		lines = append(lines, [2]string{"free_text", fmt.Sprintf("Logbogens tekst er renset efter regler: telefonnumre, CPR-numre, e-mailadresser, gadeadresser og webadresser er erstattet af [telefon], [cpr], [e-mail], [adresse] og [url]; "+
			"navne og navnedele på registrerede personer (også tidligere anonymiserede) er erstattet af personens nøgle eller [person]. Navne, reglerne ikke kan knytte til en registreret person, står tilbage: læs teksten, før den gives videre. Erstatninger: %s. / "+
			"The logbook text is scrubbed by rules: phone numbers, CPR numbers, e-mail addresses, street addresses and web addresses are replaced by [telefon], [cpr], [e-mail], [adresse] and [url]; "+
			"names and name parts of registered people (including people since anonymised) by the person's key or [person]. Names the rules cannot tie to a registered person remain: read the text before handing it on. Replacements: %s.",
			data.FormatCounts(e.scrubCounts), data.FormatCounts(e.scrubCounts))})
	}
	return lines
}

// quasiNames lists the people table's descriptive columns in this export.
func (e *exporter) quasiNames() string {
	out := ""
	for _, c := range peopleQuasi {
		if _, ok := e.blanked[c]; ok {
			if out != "" {
				out += ", "
			}
			out += c
		}
	}
	return out
}
