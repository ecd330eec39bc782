package batch

import (
	"fmt"
	"os"
	"path/filepath"
)

// OutDir collects the files of one result set in a hidden staging
// directory next to the destination and moves them into place only when
// all are complete (Commit), so a crash, an error or Ctrl-C never leaves a
// half-written result: the destination holds the previous files or the
// new ones, each whole.
type OutDir struct {
	Dest    string
	staging string
	files   []string
}

// WriteDir is the one way a result set reaches dest: fill writes the
// files into a new staging directory, and only when it returns nil are
// they committed. On an error (or a panic) the staging directory is
// removed and dest is left as it was.
func WriteDir(dest string, fill func(*OutDir) error) error {
	out, err := NewOutDir(dest)
	if err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			out.Abort()
		}
	}()
	if err := fill(out); err != nil {
		return err
	}
	if err := out.Commit(); err != nil {
		return err
	}
	committed = true
	return nil
}

// NewOutDir creates the staging directory for dest.
func NewOutDir(dest string) (*OutDir, error) {
	parent := filepath.Dir(filepath.Clean(dest))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output directory %s: %w", dest, err)
	}
	if fi, err := os.Stat(dest); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("output directory %s: exists and is not a directory", dest)
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".partial-")
	if err != nil {
		return nil, fmt.Errorf("output directory %s: %w", dest, err)
	}
	// MkdirTemp makes it private; the result is an ordinary directory.
	if err := os.Chmod(staging, 0o755); err != nil {
		os.RemoveAll(staging)
		return nil, fmt.Errorf("output directory %s: %w", dest, err)
	}
	return &OutDir{Dest: dest, staging: staging}, nil
}

// Create opens a new file in the staging directory.
func (o *OutDir) Create(name string) (*os.File, error) {
	f, err := os.Create(filepath.Join(o.staging, name))
	if err == nil {
		o.files = append(o.files, name)
	}
	return f, err
}

// WriteFile writes a whole staged file.
func (o *OutDir) WriteFile(name string, data []byte) error {
	f, err := o.Create(name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", name, err)
	}
	return f.Close()
}

// Path is where a staged file lives until Commit.
func (o *OutDir) Path(name string) string { return filepath.Join(o.staging, name) }

// Commit moves every staged file into the destination (renames within one
// file system are atomic) and removes the staging directory.
func (o *OutDir) Commit() error {
	if _, err := os.Stat(o.Dest); os.IsNotExist(err) {
		// The whole directory appears at once.
		if err := os.Rename(o.staging, o.Dest); err != nil {
			return fmt.Errorf("output directory %s: %w", o.Dest, err)
		}
		return nil
	}
	if err := os.MkdirAll(o.Dest, 0o755); err != nil {
		return fmt.Errorf("output directory %s: %w", o.Dest, err)
	}
	for _, name := range o.files {
		if err := os.Rename(filepath.Join(o.staging, name), filepath.Join(o.Dest, name)); err != nil {
			return fmt.Errorf("output %s: %w", filepath.Join(o.Dest, name), err)
		}
	}
	return os.RemoveAll(o.staging)
}

// Abort deletes the staging directory and everything in it.
func (o *OutDir) Abort() { os.RemoveAll(o.staging) }
