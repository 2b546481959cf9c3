package web

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"sort"
	"strings"

	"github.com/scamwarn/scamwarn/internal/scam"
	"github.com/scamwarn/scamwarn/internal/wording"
)

//go:embed page.html
var pageFS embed.FS

func mustTemplate() *template.Template {
	funcs := template.FuncMap{"splitParas": func(body string) []string {
		var out []string
		for _, p := range strings.Split(body, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}}
	return template.Must(template.New("page.html").Funcs(funcs).ParseFS(pageFS, "page.html"))
}

// pageData is what the page shows.
type pageData struct {
	Lang    string
	T       map[string]string // the page's words
	Text    string            // the message, back in the box
	Checked bool
	Error   string
	Result  *pageResult
	Tips    []scam.Tip
}

// pageResult is a verdict on the page.
type pageResult struct {
	Level    string
	Headline string
	Lead     string
	Category string
	Marked   []piece // the message with its red flags marked
	Flags    []wording.Flag
	Advice   []string
}

// piece is a run of the checked text, marked when it is evidence.
type piece struct {
	Text   string
	Marked bool
	Why    string
}

// pageWords are the catalog keys the page uses.
var pageWords = []string{"web.title", "web.intro", "web.label", "web.button", "web.privacy", "web.how", "web.empty",
	"heading.red_flags", "heading.what_to_do", "heading.category"}

func (s *Server) pageText(lang string) map[string]string {
	t := map[string]string{}
	for _, k := range pageWords {
		t[k] = s.words.Text(lang, k, "")
	}
	return t
}

// showPage is the empty form, in the browser's language.
func (s *Server) showPage(w http.ResponseWriter, r *http.Request) {
	lang := s.words.Match(r.Header.Get("Accept-Language"))
	s.render(w, http.StatusOK, pageData{Lang: lang, T: s.pageText(lang), Tips: s.pageTips(lang)})
}

// checkPage checks the pasted message and shows the verdict under it. It
// is a plain form post: no script is needed.
func (s *Server) checkPage(w http.ResponseWriter, r *http.Request) {
	lang := s.words.Match(r.Header.Get("Accept-Language"))
	d := pageData{Lang: lang, T: s.pageText(lang), Tips: s.pageTips(lang), Checked: true}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	if err := r.ParseForm(); err != nil {
		d.Error = s.words.Text(lang, "web.too_large", "")
		s.render(w, http.StatusRequestEntityTooLarge, d)
		return
	}
	d.Text = strings.ToValidUTF8(r.PostForm.Get("text"), "\uFFFD")
	if strings.TrimSpace(d.Text) == "" {
		d.Error = d.T["web.empty"]
		s.render(w, http.StatusBadRequest, d)
		return
	}
	v := s.check.Check(scam.Message{Text: d.Text})
	s.metrics.Checked("web", v.Level, v.Category)
	e := s.words.Explain(v, d.Text, lang)
	d.Result = &pageResult{
		Level: v.Level.String(), Headline: e.Headline, Lead: e.Lead, Category: e.Category,
		Marked: mark(d.Text, v), Flags: e.Flags, Advice: e.Advice,
	}
	s.render(w, http.StatusOK, d)
}

// mark cuts text into runs, marking the evidence of every signal (merged
// where spans overlap) with the rule that found it.
func mark(text string, v scam.Verdict) []piece {
	type span struct {
		start, end int
		why        string
	}
	var spans []span
	for _, sig := range v.Signals {
		for _, e := range sig.Evidence {
			if e.Start >= 0 && e.End <= len(text) && e.Start < e.End {
				spans = append(spans, span{e.Start, e.End, sig.Rule})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []piece
	at := 0
	for _, sp := range spans {
		if sp.end <= at {
			continue
		}
		start := max(sp.start, at)
		if start > at {
			out = append(out, piece{Text: text[at:start]})
		}
		if n := len(out); n > 0 && out[n-1].Marked && start == at {
			out[n-1].Text += text[start:sp.end]
			out[n-1].Why += ", " + sp.why
		} else {
			out = append(out, piece{Text: text[start:sp.end], Marked: true, Why: sp.why})
		}
		at = sp.end
	}
	if at < len(text) {
		out = append(out, piece{Text: text[at:]})
	}
	return out
}

// pageTips are a few tips on how the scams work, the job lures first.
func (s *Server) pageTips(lang string) []scam.Tip {
	list := s.tips.List(s.tips.Match(lang), "trafficking", "job", "investment")
	return list[:min(4, len(list))]
}

func (s *Server) render(w http.ResponseWriter, status int, d pageData) {
	var buf bytes.Buffer
	if err := s.page.Execute(&buf, d); err != nil {
		s.log.Error("page not rendered", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	// The page needs no script, frame or outside resource.
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
