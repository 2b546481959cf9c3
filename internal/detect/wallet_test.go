package detect

import (
	"crypto/sha256"
	"math/big"
	"reflect"
	"strings"
	"testing"
)

// testBase58Check encodes version+payload with a 4-byte double-SHA-256
// checksum. It is written independently of the decoder under test (math/big
// instead of fixed limbs) so the two check each other.
func testBase58Check(version byte, payload []byte) string {
	raw := append([]byte{version}, payload...)
	first := sha256.Sum256(raw)
	second := sha256.Sum256(first[:])
	raw = append(raw, second[:4]...)

	n := new(big.Int).SetBytes(raw)
	base, mod := big.NewInt(58), new(big.Int)
	var out []byte
	for n.Sign() > 0 {
		n.DivMod(n, base, mod)
		out = append(out, base58Alphabet[mod.Int64()])
	}
	for _, b := range raw {
		if b != 0 {
			break
		}
		out = append(out, '1')
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return string(out)
}

// testSegwitEncode builds a "bc" segwit address with the given checksum
// constant, following the BIP-173 reference encoder, so tests can produce
// addresses checksummed with the wrong constant on purpose.
func testSegwitEncode(version byte, program []byte, constant uint32) string {
	gen := [5]uint32{0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3}
	polymod := func(values []byte) uint32 {
		chk := uint32(1)
		for _, v := range values {
			top := chk >> 25
			chk = (chk&0x1ffffff)<<5 ^ uint32(v)
			for i := range 5 {
				if (top>>i)&1 == 1 {
					chk ^= gen[i]
				}
			}
		}
		return chk
	}
	data := []byte{version}
	acc, bits := 0, 0
	for _, b := range program {
		acc = acc<<8 | int(b)
		bits += 8
		for bits >= 5 {
			bits -= 5
			data = append(data, byte(acc>>bits)&31)
		}
	}
	if bits > 0 {
		data = append(data, byte(acc<<(5-bits))&31)
	}
	values := append([]byte{'b' >> 5, 'c' >> 5, 0, 'b' & 31, 'c' & 31}, data...)
	mod := polymod(append(values, 0, 0, 0, 0, 0, 0)) ^ constant
	for i := range 6 {
		data = append(data, byte(mod>>(5*(5-i)))&31)
	}
	var sb strings.Builder
	sb.WriteString("bc1")
	for _, v := range data {
		sb.WriteByte(bech32Charset[v])
	}
	return sb.String()
}

// walletSeq returns n bytes start, start+1, ... used as fixed test payloads.
func walletSeq(start byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = start + byte(i)
	}
	return b
}

// walletChangeChar replaces the byte at i with a different character from the
// same alphabet, so only the checksum can tell the difference.
func walletChangeChar(s string, i int, alphabet string) string {
	k := strings.IndexByte(alphabet, s[i])
	return s[:i] + string(alphabet[(k+1)%len(alphabet)]) + s[i+1:]
}

var (
	genTron              = testBase58Check(0x41, walletSeq(1, 20))
	genTron2             = testBase58Check(0x41, walletSeq(200, 20))
	genP2PKH             = testBase58Check(0x00, walletSeq(7, 20))
	genP2PKHZeros        = testBase58Check(0x00, append([]byte{0, 0}, walletSeq(9, 18)...))
	genP2SH              = testBase58Check(0x05, walletSeq(30, 20))
	genTronWrongVersion  = testBase58Check(0x42, walletSeq(1, 20)) // TRON-shaped, version 0x42
	genNonBitcoinVersion = testBase58Check(0x30, walletSeq(7, 20)) // base58check valid, not a Bitcoin version

	// Same program, other constant: v0 with bech32m, v1 with bech32.
	v0WithBech32m = testSegwitEncode(0, walletSeq(1, 20), bech32mConst)
	v0WithBech32  = testSegwitEncode(0, walletSeq(1, 20), bech32Const)
	v1WithBech32  = testSegwitEncode(1, walletSeq(1, 32), bech32Const)
	v1WithBech32m = testSegwitEncode(1, walletSeq(1, 32), bech32mConst)
)

func TestWalletGeneratedVectorsHaveTheExpectedShape(t *testing.T) {
	tests := []struct {
		name, addr, prefix string
		minLen, maxLen     int
	}{
		{"a generated TRON address is T plus 33 characters", genTron, "T", 34, 34},
		{"another generated TRON address is T plus 33 characters", genTron2, "T", 34, 34},
		{"a generated TRON address with a wrong version still looks like TRON", genTronWrongVersion, "T", 34, 34},
		{"a generated P2PKH address starts with 1", genP2PKH, "1", 26, 35},
		{"a P2PKH address of a hash with leading zero bytes starts with 111", genP2PKHZeros, "111", 26, 35},
		{"a generated P2SH address starts with 3", genP2SH, "3", 26, 35},
		{"a generated v0 segwit address starts with bc1q", v0WithBech32, "bc1q", 42, 42},
		{"a generated v1 segwit address starts with bc1p", v1WithBech32m, "bc1p", 62, 62},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.HasPrefix(tt.addr, tt.prefix) || len(tt.addr) < tt.minLen || len(tt.addr) > tt.maxLen {
				t.Errorf("got %q (len %d), want prefix %q and length %d..%d", tt.addr, len(tt.addr), tt.prefix, tt.minLen, tt.maxLen)
			}
		})
	}
	t.Run("the test bech32 encoder reproduces the BIP-173 P2WPKH vector", func(t *testing.T) {
		prog := []byte{0x75, 0x1e, 0x76, 0xe8, 0x19, 0x91, 0x96, 0xd4, 0x54, 0x94, 0x1c, 0x45, 0xd1, 0xb3, 0xa3, 0x23, 0xf1, 0x43, 0x3b, 0xd6}
		got := testSegwitEncode(0, prog, bech32Const)
		want := "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestFindWalletsAcceptsValidAddresses(t *testing.T) {
	tests := []struct {
		name  string
		addr  string
		chain string
	}{
		{"a generated TRON address is found", genTron, chainTron},
		{"a second generated TRON address is found", genTron2, chainTron},
		{"the TRON USDT contract address is found", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", chainTron},

		{"an EIP-55 checksummed address is found", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", chainEVM},
		{"a second EIP-55 checksummed address is found", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", chainEVM},
		{"a third EIP-55 checksummed address is found", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", chainEVM},
		{"a fourth EIP-55 checksummed address is found", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", chainEVM},
		{"an all-caps EVM address is found", "0x52908400098527886E0F7030069857D2E4169EE7", chainEVM},
		{"a second all-caps EVM address is found", "0x8617E340B3D01FA5F11F306F4090FD50E238070D", chainEVM},
		{"an all-lowercase EVM address is found", "0xde709f2102306220921060314715629080e2fb77", chainEVM},
		{"a second all-lowercase EVM address is found", "0x27b1fdb04752bbc536007a920d24acb045561c26", chainEVM},
		{"an all-digit EVM address is found", "0x" + strings.Repeat("1234567890", 4), chainEVM},

		{"a 64-hex transaction hash is found", "0x" + strings.Repeat("0123456789abcdef", 4), chainEVMTx},
		{"an upper-case transaction hash is found", "0x" + strings.Repeat("0123456789ABCDEF", 4), chainEVMTx},

		{"the genesis P2PKH address is found", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", chainBitcoin},
		{"the Bitcoin wiki P2SH address is found", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", chainBitcoin},
		{"a generated P2PKH address is found", genP2PKH, chainBitcoin},
		{"a generated P2PKH address with leading zero bytes is found", genP2PKHZeros, chainBitcoin},
		{"a generated P2SH address is found", genP2SH, chainBitcoin},

		{"the BIP-173 P2WPKH vector is found", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", chainBitcoin},
		{"the upper-case BIP-173 P2WPKH vector is found", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", chainBitcoin},
		{"the BIP-173 P2WSH vector is found", "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", chainBitcoin},
		{"the BIP-350 taproot vector is found", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", chainBitcoin},
		{"the BIP-350 v1 40-byte program vector is found", "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", chainBitcoin},
		{"the BIP-350 v16 2-byte program vector is found", "BC1SW50QGDZ25J", chainBitcoin},
		{"the BIP-350 v2 16-byte program vector is found", "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", chainBitcoin},
		{"a generated v0 address with bech32 is found", v0WithBech32, chainBitcoin},
		{"a generated v1 address with bech32m is found", v1WithBech32m, chainBitcoin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, wrap := range []struct{ before, after string }{
				{"", ""},
				{"send to ", " now"},
				{"(", ")."},
				{"addr:", "\n"},
			} {
				s := wrap.before + tt.addr + wrap.after
				got := findWallets(s)
				want := []walletHit{{Start: len(wrap.before), End: len(wrap.before) + len(tt.addr), Chain: tt.chain}}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("findWallets(%q) = %+v, want %+v", s, got, want)
				}
			}
		})
	}
}

func TestFindWalletsRejectsLookAlikes(t *testing.T) {
	const evm = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	const p2wpkh = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
	const taproot = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
	tests := []struct {
		name string
		text string
	}{
		{"a TRON address with its middle character changed is not a hit", walletChangeChar(genTron, 17, base58Alphabet)},
		{"a TRON address with its last character changed is not a hit", walletChangeChar(genTron, 33, base58Alphabet)},
		{"a base58check string with version 0x42 instead of 0x41 is not TRON", genTronWrongVersion},
		{"a base58check string with a non-Bitcoin version is not Bitcoin", genNonBitcoinVersion},
		{"a TRON address cut to 33 characters is not a hit", genTron[:33]},
		{"a TRON address containing a non-base58 zero is not a hit", genTron[:10] + "0" + genTron[11:]},
		{"a plain English word of 34 letters starting with T is not a hit", "Thisisaverylongwordthatisnotanaddr"},
		{"a P2PKH address with one character changed is not a hit", walletChangeChar(genP2PKH, 12, base58Alphabet)},
		{"the genesis address with one character changed is not a hit", walletChangeChar("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", 5, base58Alphabet)},
		{"a P2SH address with one character changed is not a hit", walletChangeChar(genP2SH, 20, base58Alphabet)},
		{"a P2PKH address with an extra leading 1 is not a hit", "1" + genP2PKH},

		{"a mixed-case EVM address with a broken EIP-55 checksum is not a hit", strings.Replace(evm, "aA", "aa", 1)},
		{"a mixed-case EVM address with one letter's case flipped is not a hit", strings.Replace(evm, "Be", "be", 1)},
		{"a 41-hex run after 0x is not a hit", "0x" + strings.Repeat("a", 41)},
		{"a 39-hex run after 0x is not a hit", "0x" + strings.Repeat("a", 39)},
		{"a 65-hex run after 0x is not a hit", "0x" + strings.Repeat("b", 65)},
		{"a 40-character run with a non-hex letter is not a hit", "0x" + strings.Repeat("g", 40)},
		{"an address with an upper-case 0X prefix is not a hit", "0X" + evm[2:]},
		{"64 hex characters without 0x are not a hit", strings.Repeat("0123456789abcdef", 4)},
		{"40 hex characters without 0x are not a hit", evm[2:]},

		{"a bech32 address with mixed case is not a hit", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
		{"a bech32 address with mixed case in the checksum is not a hit", strings.Replace(p2wpkh, "3t4", "3T4", 1)},
		{"a bech32 address with one character changed is not a hit", walletChangeChar(p2wpkh, 20, bech32Charset)},
		{"a taproot address with one character changed is not a hit", walletChangeChar(taproot, 30, bech32Charset)},
		{"a v0 address checksummed with bech32m is not a hit (BIP-350 vector)", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"},
		{"a generated v0 address checksummed with bech32m is not a hit", v0WithBech32m},
		{"a v1 address checksummed with bech32 is not a hit (BIP-350 vector)", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"},
		{"a generated v1 address checksummed with bech32 is not a hit", v1WithBech32},
		{"a v16 address checksummed with bech32 is not a hit", "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL"},
		{"a bech32 address with an invalid character is not a hit", "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4"},
		{"a witness version of 17 is not a hit", "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R"},
		{"a 1-byte witness program is not a hit", "bc1pw5dgrnzv"},
		{"a 41-byte witness program is not a hit", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav"},
		{"a 16-byte v0 program is not a hit", "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P"},
		{"more than 4 bits of padding is not a hit", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf"},
		{"an empty data section is not a hit", "bc1gmk9yu"},
		{"a testnet address is not a hit", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"},

		{"a TRON address glued to letters on the left is not a hit", "pay" + genTron},
		{"a TRON address glued to letters on the right is not a hit", genTron + "now"},
		{"a TRON address glued to a digit on the right is not a hit", genTron + "7"},
		{"an EVM address glued to letters on the left is not a hit", "addr" + evm},
		{"an EVM address glued to letters on the right is not a hit", evm + "ok"},
		{"a bech32 address glued to letters on the left is not a hit", "a" + p2wpkh},
		{"a bech32 address glued to letters on the right is not a hit", p2wpkh + "z"},
		{"a P2PKH address glued to letters on the right is not a hit", genP2PKH + "x"},

		{"an empty string has no hits", ""},
		{"an ordinary chat message has no hits", "Hi! The meeting moved to 3pm tomorrow, bring the slides and the Q3 numbers please."},
		{"invalid UTF-8 and NUL bytes have no hits", "\xff\xfe\x00T\x00" + genTron[1:] + "\x00\x80"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findWallets(tt.text); got != nil {
				t.Errorf("findWallets(%q) = %+v, want nil", tt.text, got)
			}
		})
	}
}

func TestFindWalletsReportsByteOffsetsInMultibyteText(t *testing.T) {
	const evm = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	const taproot = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
	tests := []struct {
		name  string
		text  string
		addrs []string
		chain []string
	}{
		{"a TRON address between Chinese characters is found", "地址" + genTron + "请转账", []string{genTron}, []string{chainTron}},
		{"an EVM address after an emoji is found", "💰💰" + evm + "🚀", []string{evm}, []string{chainEVM}},
		{"a taproot address in Russian text is found", "Переведите на " + taproot + ", спасибо", []string{taproot}, []string{chainBitcoin}},
		{"several addresses are returned in order", "先转 " + genTron + "，再转" + evm + "。或者 " + genP2SH + "👍",
			[]string{genTron, evm, genP2SH}, []string{chainTron, chainEVM, chainBitcoin}},
		{"an address next to invalid UTF-8 is found", "\xff" + genTron + "\xc3", []string{genTron}, []string{chainTron}},
		{"an address next to NUL bytes is found", "\x00" + genP2PKH + "\x00", []string{genP2PKH}, []string{chainBitcoin}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findWallets(tt.text)
			if len(got) != len(tt.addrs) {
				t.Fatalf("findWallets(%q) = %+v, want %d hits", tt.text, got, len(tt.addrs))
			}
			for i, h := range got {
				if sub := tt.text[h.Start:h.End]; sub != tt.addrs[i] || h.Chain != tt.chain[i] {
					t.Errorf("hit %d: got %q (%s), want %q (%s)", i, sub, h.Chain, tt.addrs[i], tt.chain[i])
				}
				if want := strings.Index(tt.text, tt.addrs[i]); h.Start != want {
					t.Errorf("hit %d: got Start %d, want %d", i, h.Start, want)
				}
			}
		})
	}
}

func TestFindWalletsDoesNotAllocateWithoutHits(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"a plain chat message allocates nothing", walletBenchPlain},
		{"a message with a broken TRON address allocates nothing", "send to " + walletChangeChar(genTron, 17, base58Alphabet) + " today"},
		{"a message with a broken bech32 address allocates nothing", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := testing.AllocsPerRun(100, func() {
				if findWallets(tt.text) != nil {
					t.Fatal("unexpected hit")
				}
			})
			if got != 0 {
				t.Errorf("got %v allocations per call, want 0", got)
			}
		})
	}
}

func TestFindWalletsSurvivesHugeInput(t *testing.T) {
	t.Run("a megabyte of address-like runs is scanned without panicking", func(t *testing.T) {
		var sb strings.Builder
		for sb.Len() < 1<<20 {
			sb.WriteString(genTron)
			sb.WriteString(" ")
			sb.WriteString(strings.Repeat("1", 35))
			sb.WriteString(" bc1")
			sb.WriteString(strings.Repeat("q", 87))
			sb.WriteString(" 0x")
			sb.WriteString(strings.Repeat("F", 200))
			sb.WriteString("\n")
		}
		s := sb.String()
		got := findWallets(s)
		want := strings.Count(s, genTron)
		if len(got) != want {
			t.Errorf("got %d hits, want %d", len(got), want)
		}
	})
}

func FuzzFindWallets(f *testing.F) {
	f.Add("")
	f.Add("send 100 USDT to " + genTron + " 地址")
	f.Add("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed and 0x" + strings.Repeat("ab", 32))
	f.Add("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0 " + genP2SH)
	f.Add("BC1SW50QGDZ25J\xff\x00" + genP2PKHZeros)
	f.Add("\xff\xfe\x00T" + strings.Repeat("z", 33))
	f.Fuzz(func(t *testing.T, s string) {
		prevEnd := 0
		for _, h := range findWallets(s) {
			if h.Start < prevEnd || h.Start >= h.End || h.End > len(s) {
				t.Fatalf("hit %+v out of range or order (len %d, previous end %d)", h, len(s), prevEnd)
			}
			prevEnd = h.End
			for i := h.Start; i < h.End; i++ {
				if walletByteClass[s[i]]&wbAlnum == 0 {
					t.Fatalf("hit %+v contains non-alphanumeric byte %q", h, s[i])
				}
			}
			if h.Start > 0 && walletByteClass[s[h.Start-1]]&wbAlnum != 0 {
				t.Fatalf("hit %+v is preceded by %q", h, s[h.Start-1])
			}
			if h.End < len(s) && walletByteClass[s[h.End]]&wbAlnum != 0 {
				t.Fatalf("hit %+v is followed by %q", h, s[h.End])
			}
			switch h.Chain {
			case chainTron, chainEVM, chainBitcoin, chainEVMTx:
			default:
				t.Fatalf("hit %+v has unknown chain", h)
			}
		}
	})
}

// walletBenchPlain is a typical 120-byte chat message with no address.
const walletBenchPlain = "Hey, are we still meeting at 7pm? I booked a table for four at the Italian place near the station. Let me know asap!!"

func BenchmarkFindWallets(b *testing.B) {
	withTron := "Pay the 250 USDT deposit today to " + genTron + " and send the screenshot here, support will confirm."
	for _, bm := range []struct {
		name string
		text string
	}{
		{"no address", walletBenchPlain},
		{"one TRON address", withTron},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bm.text)))
			for b.Loop() {
				findWallets(bm.text)
			}
		})
	}
}
