package demo

import (
	"time"

	"samspil/data"
)

// activitySpec describes a recurring activity of a template: on which
// weekdays it meets, how many members it has per unit of scale and how
// likely each member is to come.
type activitySpec struct {
	name       string
	kind       string
	place      string
	weekdays   []time.Weekday // empty: every second week on Monday for causes, monthly for others
	every      int            // weeks between occasions (1 = weekly)
	members    int            // members at a time
	attend     float64        // chance a member comes to an occasion
	guests     int            // mean anonymous guests
	start, end string         // clock times
	initiator  data.Group     // who starts it: the target group, a volunteer, staff
	fromYear   int            // year of the demo span (0-based) in which it starts
	// sheltered: only target-group members (with their counsellors or
	// carers), where some newcomers spend their first months before they
	// meet others.
	sheltered bool
	noTarget  bool // nobody from the target group takes part
}

// template is the shape of one of the booklet's partnerships.
type template struct {
	partnership, organisation, municipality string
	// mix of groups among newcomers, in the order of data.Groups
	mix        [5]float64
	categories []string // target-group categories drawn from (codes)
	// entry channel weights for target-group newcomers and for others
	targetEntry, otherEntry map[string]float64
	staffKind               string  // kind of municipal staff who accompany
	accompany               float64 // chance staff come along when their citizen comes
	activities              []activitySpec
	reachFrom, reachTo      float64 // share of the municipality's target group reached, first and last year
	newPerScale             int     // newcomers per year per unit of scale
	// ideas are small activities citizens start over the years, two a
	// year per unit of scale, named with the year they start.
	ideas []activitySpec
}

var templates = map[string]template{
	"kulturhus": {
		partnership:  "Kulturhuset og Roskilde Kommune",
		organisation: "Kulturhuset (borgerdrevet kulturhus)",
		municipality: "Roskilde Kommune",
		mix:          [5]float64{0.22, 0.38, 0.30, 0.03, 0.07},
		categories:   []string{"mental_health", "mental_health", "mental_health", "unemployed", "weak_network"},
		targetEntry:  map[string]float64{"municipal": 0.7, "host": 0.15, "network": 0.1, "self": 0.05},
		otherEntry:   map[string]float64{"network": 0.45, "self": 0.35, "host": 0.15, "other": 0.05},
		staffKind:    "counsellor",
		accompany:    0.35,
		reachFrom:    0.30, reachTo: 0.66,
		newPerScale: 60,
		activities: []activitySpec{
			{name: "Caféen", kind: "recurring", place: "Caféen", weekdays: []time.Weekday{time.Tuesday, time.Thursday}, every: 1, members: 22, attend: 0.45, guests: 8, start: "12:00", end: "16:00", initiator: data.GroupOrgStaff},
			{name: "Musiklokalet – åbne øvedage", kind: "recurring", place: "Musiklokale 2", weekdays: []time.Weekday{time.Wednesday}, every: 1, members: 18, attend: 0.55, start: "16:00", end: "20:00", initiator: data.GroupVolunteer},
			{name: "Cykelværkstedet", kind: "recurring", place: "Værkstedet", weekdays: []time.Weekday{time.Monday}, every: 1, members: 14, attend: 0.5, guests: 2, start: "15:00", end: "18:00", initiator: data.GroupVolunteer},
			{name: "Fællesspisning", kind: "recurring", place: "Salen", weekdays: []time.Weekday{time.Friday}, every: 1, members: 30, attend: 0.45, guests: 10, start: "17:30", end: "20:00", initiator: data.GroupVolunteer},
			{name: "Syværkstedet", kind: "workshop", place: "Værkstedet", weekdays: []time.Weekday{time.Thursday}, every: 2, members: 12, attend: 0.6, start: "17:00", end: "20:00", initiator: data.GroupResourceful, noTarget: true},
			{name: "Ungegruppen", kind: "recurring", place: "Mødelokalet", weekdays: []time.Weekday{time.Wednesday}, every: 1, members: 10, attend: 0.55, start: "13:00", end: "15:00", initiator: data.GroupMunicipalStaff, sheltered: true},
			{name: "Koncertaften", kind: "event", place: "Salen", weekdays: []time.Weekday{time.Saturday}, every: 4, members: 40, attend: 0.4, guests: 60, start: "20:00", end: "23:00", initiator: data.GroupVolunteer},
			{name: "Brætspilsaften", kind: "recurring", place: "Caféen", weekdays: []time.Weekday{time.Monday}, every: 1, members: 12, attend: 0.6, start: "18:00", end: "21:00", initiator: data.GroupTarget, fromYear: 1},
			{name: "Podcastværkstedet", kind: "workshop", place: "Lydstudiet", weekdays: []time.Weekday{time.Tuesday}, every: 2, members: 8, attend: 0.65, start: "16:00", end: "18:00", initiator: data.GroupTarget, fromYear: 2},
		},
		ideas: []activitySpec{
			{name: "Filmklubben", kind: "recurring", place: "Salen", weekdays: []time.Weekday{time.Sunday}, every: 2, members: 8, attend: 0.6, start: "19:00", end: "22:00"},
			{name: "Skrivegruppen", kind: "workshop", place: "Caféen", weekdays: []time.Weekday{time.Tuesday}, every: 2, members: 6, attend: 0.65, start: "17:00", end: "19:00"},
			{name: "Gaming-aften", kind: "recurring", place: "Lydstudiet", weekdays: []time.Weekday{time.Friday}, every: 2, members: 8, attend: 0.6, start: "19:00", end: "23:00"},
			{name: "Fotoholdet", kind: "workshop", place: "Værkstedet", weekdays: []time.Weekday{time.Saturday}, every: 4, members: 6, attend: 0.7, start: "11:00", end: "14:00"},
		},
	},
	"sager": {
		partnership:  "Sager der Samler og Aarhus Kommune",
		organisation: "Sager der Samler (moderne medborgerhus)",
		municipality: "Aarhus Kommune",
		mix:          [5]float64{0.25, 0.45, 0.22, 0.04, 0.04},
		categories:   []string{"unemployed", "unemployed", "weak_network", "weak_network", "mental_health"},
		targetEntry:  map[string]float64{"network": 0.8, "host": 0.1, "municipal": 0.05, "self": 0.05},
		otherEntry:   map[string]float64{"network": 0.75, "self": 0.15, "host": 0.1},
		staffKind:    "other",
		accompany:    0.05,
		reachFrom:    0.10, reachTo: 0.25,
		newPerScale: 60,
		activities: []activitySpec{
			{name: "Mandagsmødet", kind: "meeting", place: "Medborgerhuset", weekdays: []time.Weekday{time.Monday}, every: 1, members: 20, attend: 0.5, start: "17:00", end: "18:30", initiator: data.GroupOrgStaff},
			{name: "Madspildscaféen", kind: "cause", place: "Køkkenet", weekdays: []time.Weekday{time.Thursday}, every: 1, members: 26, attend: 0.45, guests: 15, start: "16:00", end: "19:00", initiator: data.GroupResourceful},
			{name: "Byhaven", kind: "cause", place: "Gårdhaven", weekdays: []time.Weekday{time.Saturday}, every: 2, members: 16, attend: 0.5, start: "10:00", end: "13:00", initiator: data.GroupTarget},
			{name: "Tøjbyttedag", kind: "cause", place: "Salen", weekdays: []time.Weekday{time.Sunday}, every: 4, members: 20, attend: 0.5, guests: 25, start: "11:00", end: "15:00", initiator: data.GroupVolunteer, noTarget: true},
			{name: "Jobcaféen", kind: "meeting", place: "Mødelokalet", weekdays: []time.Weekday{time.Wednesday}, every: 1, members: 10, attend: 0.5, start: "10:00", end: "12:00", initiator: data.GroupMunicipalStaff, sheltered: true},
			{name: "Reparationscaféen", kind: "cause", place: "Værkstedet", weekdays: []time.Weekday{time.Wednesday}, every: 2, members: 14, attend: 0.5, guests: 6, start: "17:00", end: "20:00", initiator: data.GroupTarget, fromYear: 1},
			{name: "Workshop: Sådan starter du en sag", kind: "workshop", place: "Mødelokalet", weekdays: []time.Weekday{time.Tuesday}, every: 6, members: 18, attend: 0.55, start: "18:00", end: "20:30", initiator: data.GroupOrgStaff},
			{name: "Læringsmøde med kommunen", kind: "meeting", place: "Rådhuset", weekdays: []time.Weekday{time.Tuesday}, every: 26, members: 10, attend: 0.8, start: "13:00", end: "15:00", initiator: data.GroupMunicipalStaff},
			{name: "Fællesskabsløb", kind: "cause", place: "Parken", weekdays: []time.Weekday{time.Sunday}, every: 2, members: 12, attend: 0.55, start: "09:00", end: "10:30", initiator: data.GroupTarget, fromYear: 2},
		},
		ideas: []activitySpec{
			{name: "Lektiecaféen", kind: "cause", place: "Mødelokalet", weekdays: []time.Weekday{time.Tuesday}, every: 1, members: 8, attend: 0.55, start: "16:00", end: "18:00"},
			{name: "Cykelsagen", kind: "cause", place: "Værkstedet", weekdays: []time.Weekday{time.Saturday}, every: 2, members: 8, attend: 0.5, start: "10:00", end: "12:00"},
			{name: "Naboskabsmiddagen", kind: "cause", place: "Køkkenet", weekdays: []time.Weekday{time.Friday}, every: 4, members: 12, attend: 0.55, guests: 6, start: "18:00", end: "21:00"},
			{name: "Bytteboden", kind: "cause", place: "Gårdhaven", weekdays: []time.Weekday{time.Sunday}, every: 4, members: 6, attend: 0.6, guests: 8, start: "12:00", end: "14:00"},
		},
	},
	"landsby": {
		partnership:  "Landsbyen og Aarhus Kommune",
		organisation: "Vimby (landsbyens frivillige)",
		municipality: "Aarhus Kommune",
		mix:          [5]float64{0.18, 0.40, 0.32, 0.02, 0.08},
		categories:   []string{"intellectual_disability", "intellectual_disability", "intellectual_disability", "weak_network"},
		targetEntry:  map[string]float64{"host": 0.7, "municipal": 0.25, "network": 0.05},
		otherEntry:   map[string]float64{"network": 0.6, "self": 0.25, "host": 0.15},
		staffKind:    "care",
		accompany:    0.6,
		reachFrom:    0.40, reachTo: 0.80,
		newPerScale: 40,
		activities: []activitySpec{
			{name: "Genbrugsbutikken – vagter", kind: "recurring", place: "Genbrugsbutikken", weekdays: []time.Weekday{time.Tuesday, time.Thursday, time.Saturday}, every: 1, members: 14, attend: 0.5, start: "10:00", end: "14:00", initiator: data.GroupVolunteer},
			{name: "Bageriet", kind: "recurring", place: "Bageriet", weekdays: []time.Weekday{time.Friday}, every: 1, members: 10, attend: 0.6, start: "06:00", end: "10:00", initiator: data.GroupResourceful},
			{name: "Onsdagscaféen", kind: "recurring", place: "Fælleshuset", weekdays: []time.Weekday{time.Wednesday}, every: 1, members: 28, attend: 0.5, guests: 6, start: "14:00", end: "16:30", initiator: data.GroupVolunteer},
			{name: "Købmandens varemodtagelse", kind: "recurring", place: "Købmanden", weekdays: []time.Weekday{time.Monday}, every: 1, members: 6, attend: 0.7, start: "08:00", end: "10:00", initiator: data.GroupOrgStaff, noTarget: true},
			{name: "Bogruppens værksted", kind: "recurring", place: "Bogruppen", weekdays: []time.Weekday{time.Tuesday}, every: 1, members: 8, attend: 0.6, start: "10:00", end: "12:00", initiator: data.GroupMunicipalStaff, sheltered: true},
			{name: "Rundvisning i landsbyen", kind: "event", place: "Landsbyen", weekdays: []time.Weekday{time.Sunday}, every: 4, members: 10, attend: 0.6, guests: 20, start: "13:00", end: "15:00", initiator: data.GroupVolunteer},
			{name: "Landsbyfest", kind: "event", place: "Fælleshuset", weekdays: []time.Weekday{time.Saturday}, every: 13, members: 50, attend: 0.55, guests: 80, start: "18:00", end: "23:59", initiator: data.GroupVolunteer},
			{name: "Fællesspisning i Fælleshuset", kind: "recurring", place: "Fælleshuset", weekdays: []time.Weekday{time.Thursday}, every: 4, members: 35, attend: 0.5, guests: 10, start: "18:00", end: "20:30", initiator: data.GroupResourceful},
			{name: "Kaffe og kage i gårdbutikken", kind: "recurring", place: "Gårdbutikken", weekdays: []time.Weekday{time.Saturday}, every: 2, members: 8, attend: 0.6, start: "10:00", end: "13:00", initiator: data.GroupTarget, fromYear: 1},
		},
		ideas: []activitySpec{
			{name: "Havelauget", kind: "recurring", place: "Fælleshaven", weekdays: []time.Weekday{time.Thursday}, every: 2, members: 8, attend: 0.6, start: "16:00", end: "18:00"},
			{name: "Strikkecaféen", kind: "recurring", place: "Fælleshuset", weekdays: []time.Weekday{time.Monday}, every: 2, members: 6, attend: 0.65, start: "14:00", end: "16:00"},
			{name: "Gåturen", kind: "recurring", place: "Landsbyen", weekdays: []time.Weekday{time.Sunday}, every: 2, members: 8, attend: 0.6, start: "10:00", end: "11:30"},
			{name: "Loppemarkedet", kind: "event", place: "Fælleshuset", weekdays: []time.Weekday{time.Saturday}, every: 8, members: 10, attend: 0.6, guests: 30, start: "10:00", end: "14:00"},
		},
	},
}

// Templates lists the template names in the order the welcome screen offers them.
var Templates = []string{"kulturhus", "sager", "landsby"}
