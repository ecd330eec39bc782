package ui

import (
	"embed"
	"fmt"
	"os"
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"boomerang/chart"
)

// This file switches the app's language. All UI text goes through Fyne's
// translation support: lang.L("English text") returns the text in the
// current language, from the JSON bundles in translations/ (one file per
// area of the app, named area.nl.json; English is the key itself).
//
// Fyne picks the language from the system (LANGUAGE, LC_ALL, LANG) when
// bundles are added and offers no call to change it later, so SetLanguage
// sets LANGUAGE for this process and adds the bundles again, which makes
// Fyne choose anew; the app then rebuilds its window.

//go:embed translations
var translations embed.FS

// Language is one of the app's languages.
type Language struct {
	Code string // BCP 47, as in the bundles' file names
	Name string // the picker's label: the code in capitals, short enough for a projector's toolbar
}

// Languages are the languages the app speaks; the first is the fallback.
var Languages = []Language{{"en", "EN"}, {"nl", "NL"}}

// LoadTranslations adds the app's bundles to Fyne's; Fyne then follows
// the system language. Call once before building the window.
func LoadTranslations() error { return lang.AddTranslationsFS(translations, "translations") }

// SetLanguage makes lang.L answer in language code ("en", "nl"); text
// already on screen changes only when it is built again (App.SetLanguage).
func SetLanguage(code string) error {
	if err := os.Setenv("LANGUAGE", code); err != nil {
		return err
	}
	setBrowserLanguage(code) // Fyne asks the browser, not LANGUAGE (web_js.go)
	return LoadTranslations()
}

// CurrentLanguage is the code of the language lang.L answers in: "nl"
// when the system (or SetLanguage) asks for Dutch, else "en".
func CurrentLanguage() string {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			first := strings.SplitN(s, ":", 2)[0]
			if strings.HasPrefix(first, "nl") {
				return "nl"
			}
			if first != "C" && !strings.HasPrefix(first, "C.") {
				return "en"
			}
		}
	}
	return "en"
}

// knownNames are the arm and message names of the built-in scenarios:
// identifiers in scenario files and CSV, words on screen. DisplayName
// translates them; other names (a user's own) are shown as written.
var knownNames = []string{
	"control", "none", "broadcast", "demographic", "psychographic", "lookalike", "adaptive", "demobilise", "interests",
	"generic", "scare", "extravert", "introvert", "high-openness", "low-openness",
	"false-claim", "false-claim-open", "broadcast-extravert",
	// the default message library: one message per appeal (sim.Appeals)
	"order", "spontaneity", "warmth", "competition", "fear-security", "calm", "discourage",
}

// DisplayName is an arm or message name as the UI shows it: translated
// when it is one of the built-in scenarios' names (bundle key
// "name.NAME"), else as the scenario file spells it.
func DisplayName(name string) string {
	if slices.Contains(knownNames, name) {
		return lang.X("name."+name, name)
	}
	return name
}

// translatedOr is the bundle's text for key in the current language, or
// fallback in English (which has no bundle: English is the key itself)
// and when the bundle lacks the key.
func translatedOr(key, fallback string) string {
	if CurrentLanguage() == "en" {
		return fallback
	}
	return lang.X(key, fallback)
}

// decimalComma reports whether the current language writes numbers with
// a decimal comma (Dutch: 0,5 and € 12,17).
func decimalComma() bool { return CurrentLanguage() == "nl" }

// numf is fmt.Sprintf with its floating-point arguments written in the
// notation of the current language (chart.DecimalComma): in Dutch
// numf("%.2f", 0.5) is "0,50". Only the arguments change, never the
// format's own text.
func numf(format string, args ...any) string {
	if !decimalComma() {
		return fmt.Sprintf(format, args...)
	}
	wrapped := make([]any, len(args))
	for i, a := range args {
		switch a.(type) {
		case float64, float32:
			wrapped[i] = localFloat{a}
		default:
			wrapped[i] = a
		}
	}
	return fmt.Sprintf(format, wrapped...)
}

// trf is numf of the translation of format: a translated sentence with
// its numbers in the language's notation.
func trf(format string, args ...any) string { return numf(lang.L(format), args...) }

// localFloat formats a float as its verb asks, then in Dutch notation.
type localFloat struct{ v any }

// Format implements fmt.Formatter.
func (f localFloat) Format(s fmt.State, verb rune) {
	fmt.Fprint(s, chart.DecimalComma(fmt.Sprintf(fmt.FormatString(s, verb), f.v), true))
}
