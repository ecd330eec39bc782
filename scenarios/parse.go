package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"boomerang/sim"
	"boomerang/sim/datafile"
)

// Error is a problem in a scenario: where it is (file, line, column when
// known), which key, and what is wrong. Error() is one line, as the CLI
// prints it.
type Error struct {
	File string
	Line int // 1-based; 0 if unknown
	Col  int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// ReadFile parses and validates the scenario file at path.
// Files larger than MaxFileSize are refused before they are read whole.
func ReadFile(path string) (sim.Config, error) {
	cannot := func(err error) error {
		msg := err.Error()
		for _, op := range []string{"open ", "read ", "stat "} {
			msg = strings.TrimPrefix(msg, op+path+": ")
		}
		return &Error{File: path, Msg: "cannot read scenario: " + msg}
	}
	f, err := os.Open(path)
	if err != nil {
		return sim.Config{}, cannot(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxFileSize {
		return sim.Config{}, tooBig(path, st.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return sim.Config{}, cannot(err)
	}
	return parseIn(path, data, filepath.Dir(path))
}

// MaxFileSize is the largest scenario file accepted, in bytes (1 MiB; the
// largest built-in is about 10 KiB). Larger input is refused before it is
// parsed, so a wrong file given by mistake costs nothing.
const MaxFileSize = 1 << 20

func tooBig(name string, size int64) error {
	return &Error{File: name, Msg: fmt.Sprintf("file is %d bytes; a scenario file may be at most %d bytes (1 MiB): is this the right file?", size, MaxFileSize)}
}

// checkText refuses input that cannot be a scenario before the TOML
// decoder sees it: too large, empty (or only comments), or binary (a NUL
// byte or invalid UTF-8, located by line and column).
func checkText(name string, data []byte) error {
	if len(data) > MaxFileSize {
		return tooBig(name, int64(len(data)))
	}
	bad := bytes.IndexByte(data, 0)
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, w := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && w <= 1 {
				if bad < 0 || i < bad {
					bad = i
				}
				break
			}
			i += w
		}
	}
	if bad >= 0 {
		line := 1 + bytes.Count(data[:bad], []byte("\n"))
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:bad], '\n')+1:bad])
		return &Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf("not a text file (byte 0x%02x): a scenario is a UTF-8 TOML text file", data[bad])}
	}
	for _, line := range strings.Split(string(data), "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "#") {
			return nil
		}
	}
	return &Error{File: name, Msg: "empty scenario file: start from boomerang-cli show " + DefaultName}
}

// Parse decodes a scenario from TOML on top of sim.DefaultConfig(),
// strictly (unknown keys are errors), adds a control arm if there is none
// and validates every value. name labels error messages (a file path).
//
// Input above MaxFileSize, empty input and binary input are refused
// first. The [story] section's steps are checked too: every key a step
// sets must exist, have the right type, and give a valid configuration
// together with the steps before it.
//
// Data files the scenario names (network.path, population.file) are
// looked up relative to the working directory (ReadFile: next to the
// scenario file), then among the built-in data files.
func Parse(name string, data []byte) (sim.Config, error) {
	return parseIn(name, data, "")
}

// ParseIn is Parse for a scenario whose data files (network.path,
// population.file) are relative to dataDir, e.g. the folder of a file
// opened in the app.
func ParseIn(name string, data []byte, dataDir string) (sim.Config, error) {
	return parseIn(name, data, dataDir)
}

// parseIn is Parse with the folder that data file paths are relative to.
func parseIn(name string, data []byte, dataDir string) (sim.Config, error) {
	if err := checkText(name, data); err != nil {
		return sim.Config{}, err
	}
	cfg := sim.DefaultConfig()
	cfg.Arms = nil // a file lists its arms; the defaults' arms are not merged in
	cfg.Population.Size = sizeUnset
	cfg.DataDir = dataDir
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return sim.Config{}, decodeError(name, err)
	}
	if cfg.Arms == nil {
		cfg.Arms = sim.DefaultConfig().Arms
	}
	if err := resolveFiles(&cfg, cfg.Population.Size != sizeUnset); err != nil {
		return sim.Config{}, locate(name, data, err)
	}
	// Validate before adding the control arm, so arm indices in messages
	// match the file.
	if err := cfg.Validate(); err != nil {
		return sim.Config{}, locate(name, data, err)
	}
	cfg.EnsureControl()
	if err := checkStory(name, data, &cfg); err != nil {
		return sim.Config{}, err
	}
	return cfg, nil
}

// decodeError turns go-toml's errors into one-line *Error values.
func decodeError(name string, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		de := strict.Errors[0]
		line, col := de.Position()
		key := strings.Join(de.Key(), ".")
		return &Error{File: name, Line: line, Col: col, Key: key,
			Msg: fmt.Sprintf("unknown key %q (see docs/SCENARIOS.md or boomerang-cli show for the keys)", key)}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		key := strings.Join(de.Key(), ".")
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if m := wrongType.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("must be a %s, not a TOML %s", goTypeWord(m[2]), m[1])
		}
		if key != "" {
			msg = key + ": " + msg
		}
		return &Error{File: name, Line: line, Col: col, Key: key, Msg: msg}
	}
	return &Error{File: name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// locate adds the file and line of the offending key to a validation error.
func locate(name string, data []byte, err error) error {
	var fe *sim.FieldError
	var de *datafile.Error
	if errors.As(err, &de) {
		return err // names the data file and its line
	}
	if !errors.As(err, &fe) {
		return &Error{File: name, Msg: err.Error()}
	}
	return &Error{File: name, Line: lineOf(data, fe.Key), Key: fe.Key, Msg: fe.Error()}
}

var wrongType = regexp.MustCompile(`^cannot decode TOML (\w+) into (?:struct field \S+|a Go value) of type (\S+)`)

// goTypeWord names a Go type as a scenario writer knows it.
func goTypeWord(t string) string {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "whole number"
	case strings.HasPrefix(t, "float"):
		return "number"
	case t == "bool":
		return "true or false value"
	case t == "string":
		return "quoted string"
	case strings.HasPrefix(t, "[]"):
		return "list"
	}
	return "table"
}

var (
	tableHeader = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]`)
	arrayHeader = regexp.MustCompile(`^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]`)
	keyLine     = regexp.MustCompile(`^\s*([A-Za-z0-9_.\-]+)\s*=`)
	indexed     = regexp.MustCompile(`^(.*)\[(\d+)\]$`)
)

// lineOf finds the line that sets a dotted key such as "network.degree" or
// "arms[1].strategy" in a TOML document, or 0 if the key is not written
// there (it came from the defaults or from --set). It understands tables,
// arrays of tables and dotted keys, which is all a scenario uses.
func lineOf(data []byte, key string) int {
	parts := strings.Split(key, ".")
	wantTable, wantIndex := strings.Join(parts[:len(parts)-1], "."), -1
	if m := indexed.FindStringSubmatch(wantTable); m != nil {
		wantTable = m[1]
		wantIndex, _ = strconv.Atoi(m[2])
	}
	leaf := parts[len(parts)-1]
	table, index := "", -1
	counts := map[string]int{}
	for n, line := range strings.Split(string(data), "\n") {
		if m := arrayHeader.FindStringSubmatch(line); m != nil {
			table = m[1]
			index = counts[table]
			counts[table]++
			continue
		}
		if m := tableHeader.FindStringSubmatch(line); m != nil {
			table, index = m[1], -1
			continue
		}
		m := keyLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		full := m[1]
		if table != "" {
			full = table + "." + m[1]
		}
		if full == wantTable+"."+leaf || (wantTable == "" && full == leaf) {
			if wantIndex < 0 || wantIndex == index {
				return n + 1
			}
		}
	}
	return 0
}

// Marshal writes a resolved config as a complete, commented scenario file
// that Parse accepts and that reproduces the same run.
func Marshal(cfg sim.Config) ([]byte, error) {
	var b bytes.Buffer
	enc := toml.NewEncoder(&b)
	enc.SetIndentTables(false)
	if err := enc.Encode(cfg); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
