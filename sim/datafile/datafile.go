// Package datafile opens the data files a scenario names (network.path,
// population.file) and reads them as text, line by line, with the limits
// that keep a wrong or hostile file cheap: a size limit checked before
// anything is read, a line-length limit, and a refusal of binary input.
// Every problem is an *Error: one line naming the file, the line and what
// is wrong, as scenario errors are.
package datafile

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest data file accepted, in bytes (4 GiB: a
// 10-million-tie edge list is about 0.2 GiB). Larger files are refused
// after a stat, before they are read.
const MaxSize = 4 << 30

// MaxLine is the longest line accepted, in bytes. A longer line is not an
// edge list or a table row: the file is refused at that line.
const MaxLine = 1 << 16

// Error is a problem in a data file. Error() is one line:
// "file:line: problem", or "file: problem" when no line applies.
type Error struct {
	File string
	Line int64 // 1-based; 0 if the problem is not on one line
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

//go:embed builtin/*.edges
var builtinFS embed.FS

// Builtin lists the built-in data files (karate-club.edges: Zachary's
// karate club, see builtin/KARATE-SOURCE.md). A path without a directory
// that is not found on disk is looked up among them, so a built-in
// scenario, or a copy of it saved anywhere, finds its data.
func Builtin() []string {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// Source is one data file: where it is, its display name and its size.
// It can be read more than once (importers make two passes).
type Source struct {
	Path string // as the scenario wrote it
	Name string // for messages: the path joined to the scenario's directory
	Size int64
	// TextChecked is set by a reader after a whole pass found the file to
	// be text: later passes of Lines skip the per-line check (if the file
	// changed in between, the reader's own consistency checks catch it).
	TextChecked bool
	builtin     bool // one of the embedded files
}

// Open resolves path relative to dir (the scenario file's directory; ""
// for the working directory; absolute paths stay as they are), falls back
// to the built-in data files, checks that it is a regular file of at most
// MaxSize bytes, and returns its Source.
func Open(dir, path string) (*Source, error) {
	if strings.TrimSpace(path) == "" {
		return nil, &Error{File: "(no file)", Msg: "no file named"}
	}
	name := filepath.FromSlash(path)
	if !filepath.IsAbs(name) && dir != "" {
		name = filepath.Join(dir, name)
	}
	s := &Source{Path: path, Name: name}
	f, err := s.open()
	// ErrUnsupported: a browser (GOOS=js) has no files at all, and its
	// built-in scenarios still need their data.
	if (errors.Is(err, fs.ErrNotExist) || errors.Is(err, errors.ErrUnsupported)) && fs.ValidPath(path) && !strings.Contains(path, "/") {
		if g, err2 := builtinFS.Open("builtin/" + path); err2 == nil {
			s.builtin, s.Name, f, err = true, "builtin:"+path, g, nil
		}
	}
	if err != nil {
		return nil, s.cannot(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, s.cannot(err)
	}
	if st.IsDir() {
		return nil, &Error{File: name, Msg: "is a directory, not a file"}
	}
	if !st.Mode().IsRegular() {
		// A device or a pipe could block or never end.
		return nil, &Error{File: name, Msg: "is not a regular file (a device or a pipe?)"}
	}
	s.Size = st.Size()
	if s.Size > MaxSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file is %d bytes; a data file may be at most %d bytes (4 GiB): is this the right file?", s.Size, int64(MaxSize))}
	}
	return s, nil
}

func (s *Source) open() (fs.File, error) {
	if s.builtin {
		return builtinFS.Open("builtin/" + s.Path)
	}
	return os.Open(s.Name)
}

func (s *Source) cannot(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{File: s.Name, Msg: "cannot read: " + err.Error()}
}

// Errorf returns an *Error at line of this file.
func (s *Source) Errorf(line int64, format string, args ...any) error {
	return &Error{File: s.Name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Reader opens the file for reading; reads beyond MaxSize fail, so a file
// that grows while it is read is still bounded.
func (s *Source) Reader() (io.ReadCloser, error) {
	f, err := s.open()
	if err != nil {
		return nil, s.cannot(err)
	}
	return struct {
		io.Reader
		io.Closer
	}{&limited{r: f, left: MaxSize, s: s}, f}, nil
}

type limited struct {
	r    io.Reader
	left int64
	s    *Source
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, l.s.Errorf(0, "file grew beyond %d bytes while it was read", int64(MaxSize))
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// Lines calls f with every line of the file (without the line end, a
// trailing \r removed) and its 1-based number, streaming: only one line is
// in memory at a time, and f must not keep text. A line longer than
// MaxLine, a NUL byte or invalid UTF-8 ends the read with an error at that
// line; so does an error returned by f.
func (s *Source) Lines(f func(line int64, text []byte) error) error {
	rc, err := s.Reader()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, MaxLine+1)
	for line := int64(1); ; line++ {
		text, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			return s.Errorf(line, "line is longer than %d bytes: not an edge list or a table (is this the right file?)", MaxLine)
		}
		if err != nil && err != io.EOF {
			var de *Error
			if errors.As(err, &de) {
				return err
			}
			return s.Errorf(line, "cannot read: %v", err)
		}
		if len(text) == 0 && err == io.EOF {
			return nil
		}
		text = bytes.TrimSuffix(text, []byte("\n"))
		text = bytes.TrimSuffix(text, []byte("\r"))
		if !s.TextChecked {
			if err := CheckText(text); err != "" {
				return s.Errorf(line, "%s", err)
			}
		}
		if ferr := f(line, text); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}

// CheckText returns why text is not UTF-8 text (a NUL byte or an invalid
// byte, with its column), or "" if it is.
func CheckText(text []byte) string {
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return fmt.Sprintf("not a text file (byte 0x00 at column %d)", utf8.RuneCount(text[:i])+1)
	}
	if !utf8.Valid(text) {
		for i := 0; i < len(text); {
			r, w := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && w <= 1 {
				return fmt.Sprintf("not a text file (byte 0x%02x at column %d is not UTF-8)", text[i], utf8.RuneCount(text[:i])+1)
			}
			i += w
		}
	}
	return ""
}

// Fields splits a data line: on tabs when sep is '\t', on commas when sep
// is ',', otherwise on runs of spaces. Every field is trimmed of spaces and
// of one pair of surrounding double quotes (with "" inside read as ").
// Fields are appended to dst, which is returned; they alias text.
func Fields(dst [][]byte, text []byte, sep byte) [][]byte {
	dst = dst[:0]
	if sep != '\t' && sep != ',' {
		// Runs of spaces and tabs, without allocating (bytes.Fields would
		// allocate a slice per line: millions for a large edge list).
		for i := 0; i < len(text); {
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			j := i
			for j < len(text) && text[j] != ' ' && text[j] != '\t' {
				j++
			}
			if j > i {
				dst = append(dst, unquote(text[i:j]))
			}
			i = j
		}
		return dst
	}
	for {
		i := bytes.IndexByte(text, sep)
		if i < 0 {
			return append(dst, unquote(bytes.TrimSpace(text)))
		}
		dst = append(dst, unquote(bytes.TrimSpace(text[:i])))
		text = text[i+1:]
	}
}

// Separator guesses the separator of a data line: a tab, else a comma,
// else 0 (runs of spaces).
func Separator(text []byte) byte {
	switch {
	case bytes.IndexByte(text, '\t') >= 0:
		return '\t'
	case bytes.IndexByte(text, ',') >= 0:
		return ','
	}
	return 0
}

func unquote(f []byte) []byte {
	if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
		f = f[1 : len(f)-1]
		if bytes.Contains(f, []byte(`""`)) {
			f = bytes.ReplaceAll(f, []byte(`""`), []byte(`"`))
		}
		return bytes.TrimSpace(f)
	}
	return f
}

// Skip reports whether a line carries no data: blank or a # comment.
func Skip(text []byte) bool {
	t := bytes.TrimSpace(text)
	return len(t) == 0 || t[0] == '#'
}
