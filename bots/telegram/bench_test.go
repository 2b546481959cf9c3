package telegram_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/bots/telegram/telegramtest"
)

// benchTexts are what people forward: scams of several kinds and ordinary
// messages, each answered with a full verdict.
var benchTexts = []string{
	pigButchering,
	prizeLure,
	chatter,
	"Your parcel could not be delivered. Update your address and pay the 1.99 fee at https://dhl-redelivery-parcel.top within 12 hours.",
	"Hiring! Work from home, no experience needed, earn 300 USD a day by liking videos. Contact our HR on Telegram @jobs_hr_team.",
	"Dear customer, your account is suspended. Verify your identity now at http://secure-login-paypa1.com or it will be closed.",
	"Are you coming to the meeting on Thursday? I booked the room for 3pm.",
	"I accidentally reported your Discord account, please contact the staff member Josh#1234 to fix it before you get banned.",
}

// pushChecks pushes n private messages from n/50 different people.
func pushChecks(srv *telegramtest.Server, n int, spacing time.Duration) []telegramtest.Update {
	out := make([]telegramtest.Update, 0, n)
	var tick *time.Ticker
	if spacing > 0 {
		tick = time.NewTicker(spacing)
		defer tick.Stop()
	}
	for i := range n {
		user := telegramtest.User{ID: int64(1_000_000 + i%50), FirstName: fmt.Sprint("U", i%50), LanguageCode: "en"}
		u := telegramtest.Text(telegramtest.PrivateChat(user), &user, benchTexts[i%len(benchTexts)])
		u.UpdateID = srv.Push(u)
		out = append(out, u)
		if tick != nil {
			<-tick.C
		}
	}
	return out
}

func waitReplies(b *testing.B, srv *telegramtest.Server, n int) []telegramtest.Sent {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	sent, err := srv.WaitSent(ctx, n)
	if err != nil {
		b.Fatalf("%d of %d replies: %v", len(sent), n, err)
	}
	return sent
}

// BenchmarkUpdatesEndToEnd measures checked updates per second through the
// fake Bot API: long poll, the real SDK, the bot, the engine, SQLite (the
// update record, rate limit and counts) and the HTML reply. Target: 500/s
// on one core (-cpu 1).
func BenchmarkUpdatesEndToEnd(b *testing.B) {
	srv := telegramtest.New()
	defer srv.Close()
	start(b, srv, dbPath(b), options{})
	pushChecks(srv, 50, 0) // warm up: every user's first message
	waitReplies(b, srv, 50)
	srv.Reset()
	b.ResetTimer()
	began := time.Now()
	pushChecks(srv, b.N, 0)
	waitReplies(b, srv, b.N)
	b.ReportMetric(float64(b.N)/time.Since(began).Seconds(), "updates/s")
}

// BenchmarkReplyLatencyAt200PerSecond pushes updates at 200 a second and
// measures each one from push to reply. Target: p99 under 50 ms on one
// core. Run it with -benchtime=2000x for a steady sample.
func BenchmarkReplyLatencyAt200PerSecond(b *testing.B) {
	srv := telegramtest.New()
	defer srv.Close()
	start(b, srv, dbPath(b), options{})
	pushChecks(srv, 50, 0)
	waitReplies(b, srv, 50)
	srv.Reset()
	b.ResetTimer()
	ups := pushChecks(srv, b.N, 5*time.Millisecond)
	sent := waitReplies(b, srv, b.N)
	b.StopTimer()
	replied := map[[2]int64]time.Time{}
	for _, s := range sent {
		replied[[2]int64{s.ChatID, s.ReplyTo}] = s.At
	}
	lat := make([]time.Duration, 0, len(ups))
	for _, u := range ups {
		at, ok := replied[[2]int64{u.Message.Chat.ID, u.Message.MessageID}]
		if !ok {
			b.Fatalf("update %d has no reply", u.UpdateID)
		}
		lat = append(lat, at.Sub(srv.PushedAt(u.UpdateID)))
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
}
