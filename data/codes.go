package data

// The stable codes Samspil stores and exports. Their Danish and English
// labels are in the translations under "<kind>.<code>", for example
// "group.target"; the codebook sheet of the research workbook lists them.

// Group is the kind of participant a person is during a period.
type Group string

// The groups a person can belong to.
const (
	GroupTarget         Group = "target"          // the partnership's target group (vulnerable citizens)
	GroupResourceful    Group = "resourceful"     // resourceful citizen
	GroupVolunteer      Group = "volunteer"       // volunteer of the organisation
	GroupOrgStaff       Group = "org_staff"       // paid staff of the organisation
	GroupMunicipalStaff Group = "municipal_staff" // municipal staff: counsellor, care staff
	GroupUnknown        Group = ""                // no group registered on that day
)

// Groups lists the groups in display order.
var Groups = []Group{GroupTarget, GroupResourceful, GroupVolunteer, GroupOrgStaff, GroupMunicipalStaff}

// StaffKinds lists the kinds of municipal staff.
var StaffKinds = []string{"counsellor", "care", "other"}

// EntryChannels lists how a person found the way in.
var EntryChannels = []string{"network", "host", "municipal", "self", "other"}

// ActivityKinds lists the kinds of activity.
var ActivityKinds = []string{"recurring", "cause", "workshop", "event", "meeting"}

// ActivityStatuses lists the states of an activity.
var ActivityStatuses = []string{"idea", "active", "paused", "ended"}

// PathKinds lists where a person went next.
var PathKinds = []string{"job", "education", "internship", "association", "own_initiative", "other"}

// ConsentPurposes lists what a person can consent to.
var ConsentPurposes = []string{"registration", "research", "photos"}

// Genders lists the optional genders; "" is not stated.
var Genders = []string{"female", "male", "other"}

// isOneOf reports whether v is one of the codes.
func isOneOf[T ~string](v T, codes []T) bool {
	for _, c := range codes {
		if c == v {
			return true
		}
	}
	return false
}
