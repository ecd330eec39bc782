package scenarios

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"boomerang/sim"
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
func ReadFile(path string) (sim.Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return sim.Config{}, &Error{File: path, Msg: "cannot read scenario: " + strings.TrimPrefix(err.Error(), "open "+path+": ")}
	}
	return Parse(path, data)
}

// Parse decodes a scenario from TOML on top of sim.DefaultConfig(),
// strictly (unknown keys are errors), adds a control arm if there is none
// and validates every value. name labels error messages (a file path).
func Parse(name string, data []byte) (sim.Config, error) {
	cfg := sim.DefaultConfig()
	cfg.Arms = nil // a file lists its arms; the defaults' arms are not merged in
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return sim.Config{}, decodeError(name, err)
	}
	if cfg.Arms == nil {
		cfg.Arms = sim.DefaultConfig().Arms
	}
	// Validate before adding the control arm, so arm indices in messages
	// match the file.
	if err := cfg.Validate(); err != nil {
		return sim.Config{}, locate(name, data, err)
	}
	cfg.EnsureControl()
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
	if !errors.As(err, &fe) {
		return &Error{File: name, Msg: err.Error()}
	}
	return &Error{File: name, Line: lineOf(data, fe.Key), Key: fe.Key, Msg: fe.Error()}
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
