package sqlite

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/scamwarn/scamwarn/internal/scam"
)

var feedbackDay = time.Date(2026, 3, 1, 23, 30, 0, 0, time.FixedZone("UTC-2", -2*3600))

func TestRecordFeedbackReplacesASecondVote(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	first := scam.Feedback{Verdict: "v1", User: "u1", Helpful: true, Level: scam.High, Category: scam.Investment,
		Rules: []string{"invest.guaranteed", "contact.move_app"}, At: feedbackDay}
	second := first
	second.Helpful = false
	second.Rules = []string{"contact.move_app", "contact.move_app", "payment.usdt"}
	for _, f := range []scam.Feedback{first, second} {
		if err := db.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	var votes, helpful int
	var day string
	db.sql.QueryRow(`SELECT COUNT(*), SUM(helpful), MAX(day) FROM feedback`).Scan(&votes, &helpful, &day)
	if votes != 1 || helpful != 0 {
		t.Errorf("got %d votes, %d helpful, want 1 vote, 0 helpful (the second replaced the first)", votes, helpful)
	}
	if day != "2026-03-02" {
		t.Errorf("got day %q, want 2026-03-02 (the UTC day)", day)
	}
	var rules []string
	rows, err := db.sql.Query(`SELECT rule FROM feedback_rules ORDER BY rule`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r string
		rows.Scan(&r)
		rules = append(rules, r)
	}
	if want := []string{"contact.move_app", "payment.usdt"}; !slices.Equal(rules, want) {
		t.Errorf("got rules %v, want %v (rewritten, each once)", rules, want)
	}

	st, err := db.Stats(ctx, feedbackDay)
	if err != nil {
		t.Fatal(err)
	}
	if st.Feedback.Helpful != 0 || st.Feedback.Wrong != 1 {
		t.Errorf("got stats helpful %d, wrong %d, want 0, 1", st.Feedback.Helpful, st.Feedback.Wrong)
	}
	wantRules := []RuleVotes{{"contact.move_app", 0, 1}, {"payment.usdt", 0, 1}}
	if !slices.Equal(st.Feedback.ByRule, wantRules) {
		t.Errorf("got stats by rule %+v, want %+v", st.Feedback.ByRule, wantRules)
	}
}

func TestRecordFeedbackCountsEachUserAndVerdict(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	votes := []scam.Feedback{
		{Verdict: "v1", User: "u1", Helpful: true, Level: scam.High, Category: scam.Investment, Rules: []string{"r.a"}, At: feedbackDay},
		{Verdict: "v1", User: "u2", Helpful: true, Level: scam.High, Category: scam.Investment, Rules: []string{"r.a"}, At: feedbackDay},
		{Verdict: "v2", User: "u1", Helpful: false, Level: scam.Medium, Category: scam.Phishing, Rules: []string{"r.a", "r.b"}, At: feedbackDay},
	}
	for _, f := range votes {
		if err := db.RecordFeedback(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Stats(ctx, feedbackDay)
	if err != nil {
		t.Fatal(err)
	}
	wantCats := []CategoryVotes{{scam.Investment, 2, 0}, {scam.Phishing, 0, 1}}
	if !slices.Equal(st.Feedback.ByCategory, wantCats) {
		t.Errorf("got by category %+v, want %+v", st.Feedback.ByCategory, wantCats)
	}
	wantRules := []RuleVotes{{"r.a", 2, 1}, {"r.b", 0, 1}}
	if !slices.Equal(st.Feedback.ByRule, wantRules) {
		t.Errorf("got by rule %+v, want %+v", st.Feedback.ByRule, wantRules)
	}
}

func TestRecordFeedbackRejectsBadValues(t *testing.T) {
	db := openTemp(t)
	ok := scam.Feedback{Verdict: "v", User: "u", Level: scam.High, Category: scam.Investment, At: feedbackDay}
	tests := []struct {
		name string
		edit func(*scam.Feedback)
	}{
		{"a vote without a verdict is refused", func(f *scam.Feedback) { f.Verdict = "" }},
		{"a vote without a user is refused", func(f *scam.Feedback) { f.User = "" }},
		{"a vote without a time is refused", func(f *scam.Feedback) { f.At = time.Time{} }},
		{"a vote with an unknown category is refused", func(f *scam.Feedback) { f.Category = "stuff" }},
		{"a vote with a level out of range is refused", func(f *scam.Feedback) { f.Level = 9 }},
		{"a vote naming too many rules is refused", func(f *scam.Feedback) { f.Rules = make([]string, 65) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := ok
			tt.edit(&f)
			if err := db.RecordFeedback(context.Background(), f); scam.CodeOf(err) != scam.CodeBadArgument {
				t.Errorf("got %v, want bad_argument", err)
			}
		})
	}
}
