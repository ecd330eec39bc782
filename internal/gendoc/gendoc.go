// Package gendoc keeps a generated part of a Markdown file in step with
// the code that generates it (the key reference of docs/SCENARIOS.md,
// the metric reference of docs/CLI.md). Only tests use it.
package gendoc

import (
	"fmt"
	"os"
	"strings"
)

// Sync compares the text between the lines begin and end of the file at
// path with content. If they differ, it rewrites the file when update is
// true and otherwise returns an error that says how to update (how: the
// command). begin ends with a newline; the markers stay as they are.
func Sync(path, begin, end, content string, update bool, how string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		return fmt.Errorf("%s lacks the generated part's markers %q … %q", path, strings.TrimSpace(begin), end)
	}
	want := doc[:i] + begin + content + doc[j:]
	switch {
	case want == doc:
		return nil
	case update:
		return os.WriteFile(path, []byte(want), 0o644)
	}
	return fmt.Errorf("%s is out of date: run %s", path, how)
}
