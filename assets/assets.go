// Package assets holds the files Samspil embeds: the icon, the translations
// and the README screenshots' sources. It has no dependencies on the UI.
package assets

import (
	"bytes"
	"embed"
	"encoding/json"
	"sync"
	"text/template"
)

// Translations holds da.json and en.json under "translations", in the flat
// go-i18n form that Fyne's lang package reads.
//
//go:embed translations/*.json
var Translations embed.FS

// Icon is the application icon as PNG.
//
//go:embed icon.png
var Icon []byte

var (
	loadOnce sync.Once
	catalogs map[string]map[string]string
)

// Catalog returns the messages of one language ("da" or "en") keyed by id.
func Catalog(language string) map[string]string {
	loadOnce.Do(func() {
		catalogs = map[string]map[string]string{}
		for _, l := range []string{"da", "en"} {
			raw, err := Translations.ReadFile("translations/" + l + ".json")
			if err != nil {
				panic(err)
			}
			m := map[string]string{}
			if err := json.Unmarshal(raw, &m); err != nil {
				panic("assets: translations/" + l + ".json: " + err.Error())
			}
			catalogs[l] = m
		}
	})
	if c, ok := catalogs[language]; ok {
		return c
	}
	return catalogs["en"]
}

// Text renders the message key in the language with the template data args
// ({{.Name}} placeholders, as go-i18n uses). An unknown key renders as itself.
func Text(language, key string, args map[string]any) string {
	msg, ok := Catalog(language)[Plural(language, key, args)]
	if !ok {
		return key
	}
	if args == nil || !bytes.Contains([]byte(msg), []byte("{{")) {
		return msg
	}
	t, err := template.New(key).Option("missingkey=zero").Parse(msg)
	if err != nil {
		return msg
	}
	var b bytes.Buffer
	if err := t.Execute(&b, args); err != nil {
		return msg
	}
	return b.String()
}

// Plural returns the key of the message to show: key+".one" when the
// message counts one thing ({{.Count}} is 1) and that form exists, for
// "1 person" rather than "1 personer"; otherwise key. Danish and English
// have just the two forms.
func Plural(language, key string, args map[string]any) string {
	switch args["Count"] {
	case 1, int64(1):
	default:
		return key
	}
	if _, ok := Catalog(language)[key+".one"]; ok {
		return key + ".one"
	}
	return key
}
