// Package terminal is a local "platform": the bot in a terminal, so anyone
// can try the whole conversation (checks, commands, alerts, tips) with no
// token. Lines typed are messages; lines starting with ":" steer the
// session (switch to a group, press a button, paste several lines).
package terminal

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/scamwarn/scamwarn/internal/bot"
	"github.com/scamwarn/scamwarn/internal/scam"
)

// Platform is the platform name in chat references.
const Platform = "terminal"

// The two chats of a session: a private chat with the bot, and a group in
// which the person is an admin unless they say ":member".
var (
	PrivateChat = scam.ChatRef{Platform: Platform, ID: "private"}
	GroupChat   = scam.ChatRef{Platform: Platform, ID: "group"}
)

// Handler answers neutral requests (bot.Bot).
type Handler interface {
	Handle(ctx context.Context, r bot.Request) []bot.Reply
}

// maxLine caps one typed line; longer input is refused, not cut.
const maxLine = 64 << 10

// Terminal is a chat session on a terminal. Send may be called from other
// goroutines (the scheduler) while Run reads.
type Terminal struct {
	handler Handler
	in      io.Reader
	lang    string

	mu      sync.Mutex // guards out and the session state below
	out     io.Writer
	chat    scam.ChatRef
	admin   bool
	buttons []bot.Button // of the last reply, for :press
	msgID   int
}

// New returns a session that reads in, writes to out and answers with h;
// lang is the person's language (from $LANG), "" for none.
func New(h Handler, in io.Reader, out io.Writer, lang string) *Terminal {
	return &Terminal{handler: h, in: in, out: out, lang: lang, chat: PrivateChat, admin: true}
}

const help = `Type or paste a message and press Enter to check it.
Bot commands work as in Telegram: /help, /check TEXT, /tip, /language fr, /country PH…
  :paste    type several lines, then a line with a single "." to send them
  :group    talk in a group where you are an admin (/alerts, /tips work there)
  :member   stay in the group as a member who is not an admin
  :private  back to the private chat with the bot
  :press N  press button N under the last answer
  :quit     leave (Ctrl-D works too)`

// Run reads lines until in ends, ":quit" or ctx ends.
func (t *Terminal) Run(ctx context.Context) error {
	t.printf("scamwarn in your terminal. %s\n", strings.SplitN(help, "\n", 2)[0])
	t.printf("Type :help for more.\n")
	lines := make(chan string)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go t.read(ctx, lines)
	next := func() (string, bool) {
		select {
		case l, ok := <-lines:
			return l, ok
		case <-ctx.Done():
			return "", false
		}
	}
	for {
		t.prompt()
		line, ok := next()
		if !ok {
			t.printf("\n")
			return nil
		}
		if strings.HasPrefix(line, ":") {
			if !t.steer(ctx, line, next) {
				return nil
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		t.say(ctx, line)
	}
}

// read sends the lines of in until it ends. A line over maxLine is
// refused with a word to the person, and reading goes on.
func (t *Terminal) read(ctx context.Context, lines chan<- string) {
	defer close(lines)
	r := bufio.NewReaderSize(t.in, 4096)
	for {
		line, err := readLine(r)
		if errors.Is(err, errLineTooLong) {
			t.printf("That line is too long (over %d KiB); paste a shorter part.\n", maxLine>>10)
			continue
		}
		if err != nil && line == "" {
			return
		}
		select {
		case lines <- strings.TrimRight(line, "\r"):
		case <-ctx.Done():
			return
		}
		if err != nil {
			return
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line without its newline; over maxLine it drops the
// rest of the line and returns errLineTooLong.
func readLine(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, isPrefix, err := r.ReadLine()
		if len(b)+len(chunk) > maxLine {
			for isPrefix && err == nil {
				_, isPrefix, err = r.ReadLine()
			}
			return "", errLineTooLong
		}
		b = append(b, chunk...)
		if err != nil || !isPrefix {
			return string(b), err
		}
	}
}

// steer runs a session command and reports whether to go on.
func (t *Terminal) steer(ctx context.Context, line string, next func() (string, bool)) bool {
	f := strings.Fields(line)
	switch f[0] {
	case ":quit", ":q", ":exit":
		return false
	case ":help", ":h":
		t.printf("%s\n", help)
	case ":paste":
		t.printf("Paste the message, then a line with a single \".\":\n")
		var lines []string
		for {
			l, ok := next()
			if !ok || l == "." {
				break
			}
			lines = append(lines, l)
		}
		t.say(ctx, strings.Join(lines, "\n"))
	case ":group", ":member", ":private":
		t.mu.Lock()
		t.chat, t.admin = GroupChat, f[0] == ":group"
		if f[0] == ":private" {
			t.chat, t.admin = PrivateChat, true
		}
		t.mu.Unlock()
		t.printf("%s\n", map[string]string{
			":group":   "You are now in a group, as an admin. Messages are watched when /alerts is on.",
			":member":  "You are now in the group as a member who is not an admin.",
			":private": "You are back in the private chat with the bot.",
		}[f[0]])
	case ":press":
		t.press(ctx, f)
	default:
		t.printf("Unknown session command %s; :help lists them.\n", f[0])
	}
	return true
}

func (t *Terminal) press(ctx context.Context, f []string) {
	t.mu.Lock()
	buttons := t.buttons
	t.mu.Unlock()
	n, err := 0, error(nil)
	if len(f) == 2 {
		n, err = strconv.Atoi(f[1])
	}
	if len(f) != 2 || err != nil || n < 1 || n > len(buttons) {
		t.printf("There is no button %s to press; the last answer has %d.\n", strings.Join(f[1:], " "), len(buttons))
		return
	}
	r := t.request()
	r.Message, r.Button = scam.Message{}, buttons[n-1].Data
	t.answer(ctx, r)
}

// request is a request from the person in the current chat.
func (t *Terminal) request() bot.Request {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.msgID++
	r := bot.Request{
		Chat:      t.chat,
		ChatType:  bot.Private,
		User:      bot.User{ID: "you", Lang: t.lang, Started: true},
		MessageID: strconv.Itoa(t.msgID),
		ChatTitle: "the terminal group",
	}
	if t.chat == GroupChat {
		admin := t.admin
		r.ChatType = bot.Group
		r.IsAdmin = func(context.Context) (bool, error) { return admin, nil }
		r.BotSeesAll = func(context.Context) (bool, error) { return true, nil }
	}
	return r
}

func (t *Terminal) say(ctx context.Context, text string) {
	r := t.request()
	r.Message = scam.Message{Text: text}
	t.answer(ctx, r)
}

func (t *Terminal) answer(ctx context.Context, r bot.Request) {
	replies := t.handler.Handle(ctx, r)
	if len(replies) == 0 && r.ChatType == bot.Group {
		t.printf("(the bot stays quiet)\n")
	}
	for _, rep := range replies {
		if rep.ToUser {
			rep.Chat = PrivateChat
		}
		if rep.Toast != "" {
			t.printf("(%s)\n", rep.Toast)
		}
		if rep.DropButtons {
			t.mu.Lock()
			t.buttons = nil
			t.mu.Unlock()
		}
		if len(rep.Body) > 0 {
			t.Send(ctx, rep)
		}
	}
}

// Send prints a reply, saying in which chat it lands.
func (t *Terminal) Send(_ context.Context, r bot.Reply) error {
	if r.Chat != PrivateChat && r.Chat != GroupChat {
		return scam.Errorf(scam.CodeNotFound, "no such chat in the terminal: %s", r.Chat.ID)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	where := "bot"
	if r.Chat != t.chat {
		where = "bot, in the " + r.Chat.ID + " chat"
	}
	fmt.Fprintf(t.out, "\n[%s]\n%s\n", where, Render(r.Body))
	if len(r.Buttons) > 0 {
		var b strings.Builder
		for i, btn := range r.Buttons {
			fmt.Fprintf(&b, "[%d %s] ", i+1, btn.Label)
		}
		fmt.Fprintf(t.out, "%s (:press N)\n", strings.TrimSpace(b.String()))
		t.buttons = r.Buttons
	}
	return nil
}

func (t *Terminal) prompt() {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.out, "\n%s> ", t.chat.ID)
}

func (t *Terminal) printf(format string, args ...any) {
	t.mu.Lock()
	defer t.mu.Unlock()
	fmt.Fprintf(t.out, format, args...)
}

// Render lays out rich text for a terminal: quoted words in quotes, links
// with their address.
func Render(text bot.Text) string {
	var b strings.Builder
	for i, bl := range text {
		if i > 0 {
			b.WriteByte('\n')
			if bl.Kind == bot.Para || bl.Kind == bot.Heading {
				b.WriteByte('\n')
			}
		}
		switch bl.Kind {
		case bot.Item:
			b.WriteString("• ")
		case bot.Sub:
			b.WriteString("    ")
		}
		for _, s := range bl.Spans {
			switch {
			case s.Style == bot.Quoted:
				b.WriteString("“" + s.Text + "”")
			case s.Link != "":
				b.WriteString(s.Text + " <" + s.Link + ">")
			default:
				b.WriteString(s.Text)
			}
		}
	}
	return b.String()
}
