package cli

import (
	"context"
	"fmt"
	"strings"

	"samspil/data/export"
)

// runCombine writes one research package from several partnerships'
// packages: samspil combine --out DIR|FILE.zip PACKAGE...
func runCombine(ctx context.Context, env Env, args []string) error {
	fs := newFlags("combine")
	out := fs.String("out", "", "the combined package: a folder or a .zip file")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *out == "" {
		return usageError{"--out is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"name the packages to combine"}
	}
	sum, err := export.Combine(ctx, *out, fs.Args())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "combined %d partnerships (%s) into %s: %d people, %d occasions, %d participations\n",
		len(sum.Partnerships), strings.Join(sum.Partnerships, ", "), *out,
		sum.RowCounts["people"], sum.RowCounts["occasions"], sum.RowCounts["participation"])
	return nil
}
