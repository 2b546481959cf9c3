package detect

import (
	"testing"
	"testing/fstest"

	"github.com/scamwarn/scamwarn/internal/scam"
)

func TestIdentifyLanguage(t *testing.T) {
	e := newTestEngine(t)
	for _, c := range []struct{ text, want string }{
		{"สวัสดีค่ะ สนใจงานออนไลน์ไหมคะ", "th"},
		{"ជំរាបសួរ តើអ្នកចង់ធ្វើការនៅបរទេសទេ", "km"},
		{"မင်္ဂလာပါ အလုပ်ရှာနေပါသလား", "my"},
		{"你好，请问这个周末有空吗？", "zh"},
		{"こんにちは、今週末は空いていますか？", "ja"},
		{"안녕하세요 주말에 시간 있어요?", "ko"},
		{"Привет, как дела?", "ru"},
		{"Chào bạn, cuối tuần này bạn có rảnh không?", "vi"},
		{"chao ban, cuoi tuan nay ban co ranh khong", "vi"},
		{"Hola, ¿estás libre este fin de semana?", "es"},
		{"Bonjour, tu es libre ce week-end ?", "fr"},
		{"Halo kak, akhir pekan ini bisa ketemu gak?", "id"},
		{"Hai, awak free tak hujung minggu ni?", "ms"},
		{"Hi po, libre ka ba ngayong weekend?", "tl"},
		{"Hi, are you free this weekend?", "en"},
		// English words in a Thai message, and a link in a Chinese one,
		// do not change the language.
		{"โปรโมชั่น USDT ลงทุนวันนี้ https://example.com", "th"},
		{"点击 https://example.com/register 领取", "zh"},
		// Too little to tell.
		{"ok", ""},
		{"12345", ""},
		{"", ""},
	} {
		if got := e.Check(scam.Message{Text: c.text}).Language; got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestIdentifyFallsBackToTheHint(t *testing.T) {
	e := newTestEngine(t)
	if got := e.Check(scam.Message{Text: "ok 👍", Lang: "fr-CA"}).Language; got != "fr" {
		t.Errorf("got %q, want the hint's language fr", got)
	}
	if got := e.Check(scam.Message{Text: "Chào bạn, cuối tuần này rảnh không?", Lang: "en"}).Language; got != "vi" {
		t.Errorf("got %q: the text's language beats the reader's hint", got)
	}
}

func TestLangIDFormatErrors(t *testing.T) {
	for name, data := range map[string]string{
		"words before a language": "hello\n[en]\nthe\n",
		"an unfolded word":        "[es]\nmás\n",
		"an empty language":       "[]\nthe\n",
	} {
		fsys := fstest.MapFS{"langid.txt": {Data: []byte(data)}}
		if _, err := loadLangID(fsys); err == nil {
			t.Errorf("%s: loaded without an error", name)
		}
	}
}
