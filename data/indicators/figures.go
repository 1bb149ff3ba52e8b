package indicators

import "samspil/data"

// Figures are the indicators of one period. A *float64 is nil where the
// figure is unknown (no target-group size entered, nobody took part): it is
// shown as unknown, never as a division by zero.
type Figures struct {
	Period Period

	// 1. Reach: distinct target-group participants and their share of the
	// municipality's target group (the size entered for the period's year).
	TargetParticipants int
	TargetSize         int // 0 when not entered
	Reach              *float64

	// 2. Participation: distinct participants and participations per group
	// (a person counts under the group they had on each day).
	Participants, Participations int
	ByGroup                      map[data.Group]GroupCount
	TargetShareOfParticipations  *float64
	TargetShareOfParticipants    *float64

	// 3. Activities started in the period, by who started them.
	ActivitiesStarted int
	StartedBy         map[string]int // "target", "citizen", "staff", "unknown"
	CitizenInitiated  *float64       // share started by the target group or other citizens

	// 4. Composition: the target group's share of each occasion's
	// registered participants.
	Occasions         int
	ShareMean         *float64
	ShareMedian       *float64
	ShareBuckets      [10]int         // occasions by share: 0-9 %, 10-19 %, … 90-100 %
	Shares            []OccasionShare // every occasion with registered people, in date order
	OverThreshold     []OccasionShare
	DaysOverThreshold []DayShare

	// 5. Occasion size, registered plus anonymous guests.
	Size       SizeStats
	SizeByKind map[string]SizeStats

	// 6. Entry channels of the people whose first participation ever falls in the period.
	Newcomers     int
	EntryChannels map[string]int
	TopInviters   []Inviter

	// 7. Over time, per month of the period.
	Months []MonthPoint

	// Volunteers: distinct people in the volunteer group or in a host or
	// initiator role in the period (the monthly series counts per month).
	Volunteers int

	// 8. Coverage: activities with occasions, and those where at least one
	// target-group member took part.
	ActiveActivities, ActivitiesWithTarget int
	Coverage                               *float64

	// 9. Ties across groups, for each target-group participant.
	TargetWithTies   int
	OtherShareMean   *float64 // mean share of co-participants from other groups
	HalfOrMoreOthers int      // at least half of their co-participants are from other groups
	HalfOrMoreShare  *float64
	Edges            []Edge // only with WithNetwork

	// 10. Role trajectories of target-group participants: level in their
	// first quarter ever against their latest quarter in the period.
	Transitions        map[[2]int]int
	ReachedActive      int // reached level 3 (active) or more by the end of the period
	ReachedHost        int // reached level 4 (host or initiator)
	MedianDaysToActive *float64

	// 11. Onward paths of target-group members, by kind.
	Paths map[string]int

	// 12. Flexibility and retention.
	PreviousParticipants int      // took part in the period before
	StillActive          int      // of those, took part in this period too
	Retention            *float64 // StillActive / PreviousParticipants
	Returners            int      // came back in the period after a break of at least two months
}

// GroupCount is participants and participations of one group.
type GroupCount struct{ Participants, Participations int }

// OccasionShare is an occasion above the balance threshold.
type OccasionShare struct {
	OccasionID int64
	Activity   string
	Date       data.Date
	Target     int
	Registered int
	Share      float64
}

// DayShare is a day above the threshold, all activities together.
type DayShare struct {
	Date               data.Date
	Target, Registered int
	Share              float64
}

// SizeStats sums up occasion sizes. The median of an even number of
// occasions is the mean of the two middle ones.
type SizeStats struct {
	Occasions, Min, Max int
	Median              float64
}

// Inviter is someone who brought newcomers in.
type Inviter struct {
	PersonID int64
	Name     string
	Count    int
}

// MonthPoint is one month of the time series.
type MonthPoint struct {
	Month          string // 2026-11
	Participations map[data.Group]int
	Volunteers     int // distinct people in the volunteer group or in a host or initiator role
	Activities     int // activities with at least one occasion
	TargetShare    *float64
	ByLevel        map[int]int // target-group participations by role level (roles over time)
}

// Edge is two people who met, and at how many occasions.
type Edge struct {
	A, B      int64 // A < B
	Occasions int
}

// Report is the figures of a period and of the period before, and with
// WithYears of each calendar year (or part of one) in the period.
type Report struct {
	Current, Previous Figures
	Years             []Figures
	Threshold         float64
}

func ratio(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	v := float64(n) / float64(d)
	return &v
}
