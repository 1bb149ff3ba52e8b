package export

// Column kinds, as the codebook names them.
const (
	kindText = "text"
	kindInt  = "integer"
	kindDate = "date"
	kindCode = "code"
	kindKey  = "key"
	kindReal = "decimal"
)

// column is one column of an exported table, with its meaning in Danish
// and English for the codebook.
type column struct {
	name, kind, da, en string
}

// table is one sheet of the workbook (or one CSV file).
type table struct {
	name, da, en string
	cols         []column
}

func col(name, kind, da, en string) column { return column{name, kind, da, en} }

var (
	readmeTable = table{"README", "Om udtrækket", "About the export", []column{
		col("field", kindText, "Oplysning", "Item"),
		col("value", kindText, "Værdi", "Value"),
	}}
	codebookTable = table{"codebook", "Alle tabellers kolonner", "The columns of every table", []column{
		col("table", kindText, "Tabel (ark)", "Table (sheet)"),
		col("column", kindText, "Kolonne", "Column"),
		col("type", kindText, "Type: text, integer, decimal, date (ÅÅÅÅ-MM-DD), code (se codes), key (personnøgle)", "Type: text, integer, decimal, date (YYYY-MM-DD), code (see codes), key (person key)"),
		col("description_da", kindText, "Betydning på dansk", "Meaning in Danish"),
		col("description_en", kindText, "Betydning på engelsk", "Meaning in English"),
	}}
	codesTable = table{"codes", "Alle koder og deres betydning", "Every code and its meaning", []column{
		col("list", kindText, "Kodeliste", "Code list"),
		col("code", kindText, "Kode", "Code"),
		col("number", kindInt, "Kodens faste talkode (den samme i alle udtræk; tallet i forskningspakkens .sav-, .dta- og CSV-filer)", "The code's stable number (the same in every export; the number in the research package's .sav, .dta and CSV files)"),
		col("label_da", kindText, "Dansk betegnelse", "Danish label"),
		col("label_en", kindText, "Engelsk betegnelse", "English label"),
		col("level", kindInt, "Rolleniveau (kun roller): 1 modtager støtte … 4 vært/initiativtager, 0 professionel", "Role level (roles only): 1 receives support … 4 host/initiator, 0 professional"),
	}}
	peopleTable = table{"people", "Personer, én række pr. person: alle, der deltog i perioden, og dem, hvis første kontakt lå i perioden, også uden deltagelse (participations 0)", "People, one row per person: everyone who took part in the period, and those whose first contact fell in it, also without participation (participations 0)", []column{
		col("person_key", kindKey, "Personnøgle (pseudonym, fast for samme modtager)", "Person key (pseudonym, stable for the same recipient)"),
		col("name", kindText, "Navn (kun i identificerede udtræk)", "Name (identified exports only)"),
		col("age_band", kindText, "Aldersgruppe i femårsintervaller ved periodens slutning", "Five-year age band at the end of the period"),
		col("birth_year", kindInt, "Fødselsår (kun når valgt)", "Birth year (only when chosen)"),
		col("gender", kindCode, "Køn (liste gender)", "Gender (list gender)"),
		col("entry_channel", kindCode, "Vejen ind (liste entry_channel)", "How they came in (list entry_channel)"),
		col("invited_by_key", kindKey, "Personnøgle for den, der inviterede", "Person key of whoever invited them"),
		col("first_contact", kindDate, "Dato for første kontakt", "Date of first contact"),
		col("first_group", kindCode, "Første gruppe nogensinde, også før perioden (liste group)", "First group ever, also before the period (list group)"),
		col("group_at_end", kindCode, "Gruppe ved periodens slutning (liste group)", "Group at the end of the period (list group)"),
		col("participations", kindInt, "Antal deltagelser i perioden", "Participations in the period"),
		col("first_participation", kindDate, "Første deltagelse i perioden", "First participation in the period"),
		col("last_participation", kindDate, "Seneste deltagelse i perioden", "Latest participation in the period"),
		col("first_participation_ever", kindDate, "Første deltagelse nogensinde, også før perioden (nytilkomne, rolleforløb)", "First participation ever, also before the period (newcomers, role trajectories)"),
		col("last_participation_before", kindDate, "Seneste deltagelse før perioden (tilbagevendte efter en pause, fastholdelse); tom uden en", "Latest participation before the period (returners after a break, retention); empty without one"),
	}}
	groupPeriodsTable = table{"group_periods", "Personernes grupper over tid: kun perioder, der overlapper udtrækkets periode, for personerne i arket people", "The people's groups over time: only periods that overlap the export's period, for the people in the people sheet", []column{
		col("person_key", kindKey, "Personnøgle", "Person key"),
		col("group", kindCode, "Gruppe (liste group)", "Group (list group)"),
		col("staff_kind", kindCode, "Type kommunalt personale (liste staff_kind)", "Kind of municipal staff (list staff_kind)"),
		col("categories", kindCode, "Målgruppekategorier adskilt af | (liste category)", "Target-group categories separated by | (list category)"),
		col("start", kindDate, "Fra og med", "From (inclusive)"),
		col("end", kindDate, "Til og med; tom mens perioden varer", "To (inclusive); empty while it lasts"),
	}}
	activitiesTable = table{"activities", "Aktiviteter", "Activities", []column{
		col("activity_id", kindInt, "Aktivitetens nummer", "Activity number"),
		col("name", kindText, "Navn", "Name"),
		col("kind", kindCode, "Type (liste activity_kind)", "Kind (list activity_kind)"),
		col("status", kindCode, "Status (liste activity_status)", "Status (list activity_status)"),
		col("start", kindDate, "Startdato", "Start date"),
		col("end", kindDate, "Slutdato", "End date"),
		col("initiator_key", kindKey, "Personnøgle for initiativtageren", "Person key of the initiator"),
		col("initiator_group", kindCode, "Initiativtagerens gruppe ved start (liste group)", "The initiator's group at the start (list group)"),
		col("occasions", kindInt, "Antal gange i perioden", "Occasions in the period"),
	}}
	occasionsTable = table{"occasions", "Gange (møder, vagter, arrangementer)", "Occasions (meetings, shifts, events)", []column{
		col("occasion_id", kindInt, "Gangens nummer", "Occasion number"),
		col("activity_id", kindInt, "Aktivitetens nummer", "Activity number"),
		col("date", kindDate, "Dato", "Date"),
		col("start_time", kindText, "Starttid (TT:MM)", "Start time (HH:MM)"),
		col("end_time", kindText, "Sluttid (TT:MM)", "End time (HH:MM)"),
		col("registered", kindInt, "Registrerede deltagere (dem i arket participation)", "Registered participants (those in the participation sheet)"),
		col("anonymous_guests", kindInt, "Anonyme gæster (ikke registreret ved navn)", "Anonymous guests (not registered by name)"),
		col("target_share", kindReal, "Andel af de registrerede i målgruppen den dag (0-1)", "Share of the registered in the target group that day (0-1)"),
	}}
	participationTable = table{"participation", "Deltagelse: én række pr. person pr. gang", "Participation: one row per person per occasion", []column{
		col("occasion_id", kindInt, "Gangens nummer", "Occasion number"),
		col("activity_id", kindInt, "Aktivitetens nummer", "Activity number"),
		col("date", kindDate, "Dato", "Date"),
		col("person_key", kindKey, "Personnøgle; tom for personer uden forskningssamtykke, når de tælles med", "Person key; empty for people without research consent when they are counted"),
		col("role", kindCode, "Rolle (liste role)", "Role (list role)"),
		col("role_level", kindInt, "Rolleniveau 1-4; 0 for professionelle roller (ansatte, der følger eller støtter andre, fx en ungevejleder; de tæller med i deltagelser, men ikke i bånd på tværs eller rolleforløb)", "Role level 1-4; 0 for professional roles (staff accompanying or supporting others, e.g. a youth counsellor; they count in participations but not in ties across groups or role trajectories)"),
		col("group", kindCode, "Personens gruppe den dag (liste group)", "The person's group that day (list group)"),
		col("categories", kindCode, "Personens målgruppekategorier den dag, adskilt af |", "The person's target-group categories that day, separated by |"),
		col("minutes", kindInt, "Minutter, når de er registreret", "Minutes, when recorded"),
	}}
	pathsTable = table{"paths", "Videre veje: hvor personerne gik hen", "Onward paths: where people went next", []column{
		col("person_key", kindKey, "Personnøgle", "Person key"),
		col("date", kindDate, "Dato", "Date"),
		col("kind", kindCode, "Type (liste path_kind)", "Kind (list path_kind)"),
		col("description", kindText, "Beskrivelse (kun i identificerede udtræk)", "Description (identified exports only)"),
	}}
	logbookTable = table{"logbook", "Logbog; navne er erstattet af personnøgler", "Logbook; names are replaced by person keys", []column{
		col("entry_id", kindInt, "Notatets nummer", "Entry number"),
		col("date", kindDate, "Dato", "Date"),
		col("activity_id", kindInt, "Aktivitetens nummer", "Activity number"),
		col("occasion_id", kindInt, "Gangens nummer", "Occasion number"),
		col("themes", kindCode, "Temaer adskilt af | (liste theme)", "Themes separated by | (list theme)"),
		col("people", kindKey, "Nævnte personers nøgler adskilt af |", "Keys of the people mentioned, separated by |"),
		col("text", kindText, "Teksten med navne erstattet af nøgler", "The text with names replaced by keys"),
	}}
)

var (
	indicatorsTable = table{"indicators", "Nøgletal for perioden og perioden før", "Key figures of the period and the period before", []column{
		col("indicator", kindCode, "Nøgletallets kode", "Code of the key figure"),
		col("label_da", kindText, "Navn på dansk", "Name in Danish"),
		col("label_en", kindText, "Navn på engelsk", "Name in English"),
		col("unit", kindText, "share (andel 0-1) eller count (antal)", "share (0-1) or count"),
		col("value", kindReal, "Værdien i perioden; tom når ukendt eller skjult", "Value in the period; empty when unknown or suppressed"),
		col("numerator", kindInt, "Tælleren, når tallet er en andel (value = numerator / denominator); tom for antal", "The numerator when the figure is a share (value = numerator / denominator); empty for counts"),
		col("denominator", kindInt, "Nævneren, når tallet er en andel; tom for antal", "The denominator when the figure is a share; empty for counts"),
		col("value_suppressed", kindInt, "1 når værdien er skjult som et lille tal: et antal fra 1 til 4, eller en andel hvis tæller eller nævner er fra 1 til 4 (så er de også tomme); ellers 0", "1 when the value is suppressed as a small count: a count from 1 to 4, or a share whose numerator or denominator is from 1 to 4 (these are then empty too); otherwise 0"),
		col("previous", kindReal, "Værdien i perioden før (previous_from–previous_to)", "Value in the period before (previous_from–previous_to)"),
		col("previous_numerator", kindInt, "Tælleren i perioden før", "The numerator in the period before"),
		col("previous_denominator", kindInt, "Nævneren i perioden før", "The denominator in the period before"),
		col("previous_suppressed", kindInt, "1 når værdien i perioden før er skjult; ellers 0", "1 when the value of the period before is suppressed; otherwise 0"),
		col("period_from", kindDate, "Periodens første dag (udtrækkets start, eller den første gang når den er åben)", "First day of the period (the export's start, or the first occasion when it is open)"),
		col("period_to", kindDate, "Periodens sidste dag", "Last day of the period"),
		col("previous_from", kindDate, "Første dag i perioden før: samme antal hele måneder før, ellers samme antal dage", "First day of the period before: the same number of whole months before, otherwise the same number of days"),
		col("previous_to", kindDate, "Sidste dag i perioden før (dagen før periodens start)", "Last day of the period before (the day before the period starts)"),
		col("definition_da", kindText, "Sådan er tallet regnet ud", "How the figure is worked out (Danish)"),
		col("definition_en", kindText, "Sådan er tallet regnet ud (engelsk)", "How the figure is worked out"),
	}}
	monthlyTable = table{"indicators_monthly", "Udvikling måned for måned", "Month by month", []column{
		col("month", kindText, "Måned (ÅÅÅÅ-MM)", "Month (YYYY-MM)"),
		col("participations_target", kindInt, "Deltagelser fra målgruppen", "Participations by the target group"),
		col("participations_resourceful", kindInt, "Deltagelser fra ressourcestærke borgere", "Participations by resourceful citizens"),
		col("participations_volunteer", kindInt, "Deltagelser fra frivillige", "Participations by volunteers"),
		col("participations_staff", kindInt, "Deltagelser fra ansatte (organisation og kommune)", "Participations by staff (organisation and municipality)"),
		col("participations_unknown", kindInt, "Deltagelser uden kendt gruppe", "Participations without a known group"),
		col("volunteers_and_hosts", kindInt, "Forskellige personer i frivilliggruppen eller i en værts- eller initiativtagerrolle", "Distinct people in the volunteer group or in a host or initiator role"),
		col("active_activities", kindInt, "Aktiviteter med mindst én gang", "Activities with at least one occasion"),
		col("target_share", kindReal, "Målgruppens andel af deltagelserne (0-1); tom når skjult (målgruppens eller alle deltagelser fra 1 til 4)", "The target group's share of participations (0-1); empty when suppressed (the target group's or all participations from 1 to 4)"),
		col("suppressed", kindText, "Kolonner i rækken, der er skjult som små tal (1-4), adskilt af |", "Columns of the row suppressed as small counts (1-4), separated by |"),
	}}
	transitionsTable = table{"transitions", "Målgruppens rolleniveau: første kvartal mod seneste kvartal i perioden", "Target group's role level: first quarter against latest quarter in the period", []column{
		col("from_level", kindInt, "Højeste rolleniveau i personens første kvartal", "Highest role level in the person's first quarter"),
		col("to_level", kindInt, "Højeste rolleniveau i personens seneste kvartal i perioden", "Highest role level in the person's latest quarter in the period"),
		col("people", kindInt, "Antal personer; tom når skjult som et lille tal (1-4)", "Number of people; empty when suppressed as a small count (1-4)"),
		col("people_suppressed", kindInt, "1 når antallet er skjult; ellers 0", "1 when the number is suppressed; otherwise 0"),
	}}
	chartsTable  = table{"charts", "Diagrammer (Excel) af arket indicators_monthly: deltagelser pr. gruppe, frivillige og aktive aktiviteter, målgruppens andel; ingen data ud over det ark", "Excel charts of the indicators_monthly sheet: participations by group, volunteers and active activities, the target group's share; no data beyond that sheet", nil}
	networkTable = table{"network", "Netværk: par af personer, der mødtes ved gange med målgruppen", "Network: pairs of people who met at occasions with the target group", []column{
		col("person_key_a", kindKey, "Personnøgle", "Person key"),
		col("person_key_b", kindKey, "Personnøgle", "Person key"),
		col("shared_occasions", kindInt, "Antal gange, de var sammen; data på personniveau som arket participation, derfor ikke skjult som små tal", "Occasions they shared; record-level data like the participation sheet, so not suppressed as small counts"),
	}}
)
