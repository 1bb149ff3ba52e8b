package indicators

import "samspil/data"

// group is a data.Group as a small number, so that a participation needs
// no string; 0 is no group.
type group uint8

// groupList names the groups by number.
var groupList = append([]data.Group{data.GroupUnknown}, data.Groups...)

// target is the target group's number.
var target = groupOf(data.GroupTarget)

func groupOf(g data.Group) group {
	for i, x := range groupList {
		if x == g {
			return group(i)
		}
	}
	return 0
}

// groupSet is the groups a person had in a period, one bit per group.
type groupSet uint8

func (s groupSet) has(g group) bool { return s&(1<<g) != 0 }

func (s *groupSet) add(g group) { *s |= 1 << g }
