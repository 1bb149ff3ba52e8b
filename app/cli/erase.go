package cli

import (
	"context"
	"fmt"
	"strconv"

	"samspil/data"
)

// runErase handles a data-protection request by script: the person is
// anonymised (participations kept, so the counts stay true) or, with
// --delete, removed with their participations. Either way the name leaves
// every free text, the erasure is logged and registered like the window's,
// and the file keeps no trace of the erased values.
func runErase(ctx context.Context, env Env, args []string) error {
	fs := newFlags("erase")
	db := fs.String("db", "", "database file")
	person := fs.String("person", "", "id of the person to erase")
	del := fs.Bool("delete", false, "delete the person with their participations instead of anonymising")
	if err := parse(fs, args, "db", "person"); err != nil {
		return err
	}
	id, err := strconv.ParseInt(*person, 10, 64)
	if err != nil || id <= 0 {
		return usageError{"--person must be a person's id (a whole number)"}
	}
	s, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Person(ctx, id); err != nil {
		return &data.Error{Code: "err.no_such_person", Args: map[string]any{"ID": id}}
	}
	if *del {
		n, err := s.ParticipationCount(ctx, id)
		if err != nil {
			return err
		}
		if err := s.DeletePersonCompletely(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "deleted person %d with %d participations\n", id, n)
		return nil
	}
	if err := s.ErasePerson(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "anonymised person %d; their participations are kept without a name\n", id)
	return nil
}
