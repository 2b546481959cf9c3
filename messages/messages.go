// Package messages holds what scamwarn says, as files a translator can edit
// without knowing Go: reply phrases per language (replies/LANG.txt),
// awareness tips per language (tips/LANG.txt) and where to report per
// country (reporting/directory.txt). It only embeds them.
package messages

import (
	"embed"
	"io/fs"
)

//go:embed replies tips reporting
var files embed.FS

// FS returns the message files, rooted at this folder.
func FS() fs.FS { return files }
