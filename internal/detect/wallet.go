package detect

import (
	"crypto/sha256"
	"golang.org/x/crypto/sha3"
)

// walletHit is a crypto address or transaction hash found in a text.
type walletHit struct {
	Start, End int    // byte offsets into the text given to findWallets
	Chain      string // "tron", "evm", "bitcoin", "evm_tx"
}

// Chain names reported in walletHit.Chain.
const (
	chainTron    = "tron"
	chainEVM     = "evm"
	chainBitcoin = "bitcoin"
	chainEVMTx   = "evm_tx"
)

// Candidate run lengths. A run of ASCII letters and digits shorter than
// minWalletRun or longer than maxWalletRun cannot be any supported format,
// so it is skipped without looking at its contents.
const (
	minWalletRun = 14 // shortest bech32 segwit address: "bc1" + version + 2-byte program + checksum
	maxWalletRun = 90 // longest bech32 string allowed by BIP-173
)

// Character classes, one table lookup per byte.
const (
	wbAlnum = 1 << iota // ASCII letter or digit
	wbHex               // 0-9, a-f, A-F
	wbLower             // a-z
	wbUpper             // A-Z
)

var walletByteClass = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = wbAlnum | wbHex
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = wbAlnum | wbLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = wbAlnum | wbUpper
	}
	for _, c := range "abcdefABCDEF" {
		t[c] |= wbHex
	}
	return t
}()

// findWallets returns the validated addresses and hashes in s, in order.
//
// It makes one pass over s, splitting it into maximal runs of ASCII letters
// and digits. A run can be a hit only as a whole, so an address glued to
// other ASCII letters or digits is never reported, while any other byte
// (space, punctuation, a multibyte UTF-8 character) is a boundary. Only runs
// whose length and leading characters fit a format are checksummed. When
// nothing is found the result is nil and nothing is allocated.
func findWallets(s string) []walletHit {
	var hits []walletHit
	n := len(s)
	for i := 0; i < n; {
		if walletByteClass[s[i]]&wbAlnum == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n && walletByteClass[s[j]]&wbAlnum != 0 {
			j++
		}
		if l := j - i; l >= minWalletRun && l <= maxWalletRun {
			if chain := classifyWalletRun(s[i:j]); chain != "" {
				hits = append(hits, walletHit{Start: i, End: j, Chain: chain})
			}
		}
		i = j
	}
	return hits
}

// classifyWalletRun returns the chain of a whole alphanumeric run, or "" if
// the run is not a valid address or hash.
func classifyWalletRun(w string) string {
	switch w[0] {
	case '0':
		if w[1] != 'x' {
			return ""
		}
		switch len(w) {
		case 42:
			if validEVMAddress(w[2:]) {
				return chainEVM
			}
		case 66:
			if walletAllHex(w[2:]) {
				return chainEVMTx
			}
		}
	case 'T':
		if len(w) == 34 && validBase58Check(w, 0x41) {
			return chainTron
		}
	case '1':
		if len(w) >= 26 && len(w) <= 35 && validBase58Check(w, 0x00) {
			return chainBitcoin
		}
	case '3':
		if len(w) >= 26 && len(w) <= 35 && validBase58Check(w, 0x05) {
			return chainBitcoin
		}
	case 'b', 'B':
		if validSegwitAddress(w) {
			return chainBitcoin
		}
	}
	return ""
}

func walletAllHex(h string) bool {
	for i := 0; i < len(h); i++ {
		if walletByteClass[h[i]]&wbHex == 0 {
			return false
		}
	}
	return true
}

// validEVMAddress reports whether the 40 characters after "0x" are a valid
// EVM address: hex in one case, or mixed case matching the EIP-55 checksum.
func validEVMAddress(h string) bool {
	var lower, upper bool
	for i := 0; i < len(h); i++ {
		c := walletByteClass[h[i]]
		if c&wbHex == 0 {
			return false
		}
		lower = lower || c&wbLower != 0
		upper = upper || c&wbUpper != 0
	}
	if !lower || !upper {
		return true
	}
	return validEIP55(h)
}

// validEIP55 checks the EIP-55 mixed-case checksum of a 40-character hex
// address (without "0x"): a letter must be upper case exactly when the
// matching nibble of keccak-256(lowercase address) is 8 or more.
// (Rarely reached: only mixed-case candidates need the hash.)
func validEIP55(h string) bool {
	var low [40]byte
	if len(h) != len(low) {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	h3 := sha3.NewLegacyKeccak256()
	h3.Write(low[:])
	var sum [32]byte
	h3.Sum(sum[:0])
	for i := 0; i < len(h); i++ {
		c := walletByteClass[h[i]]
		if c&(wbLower|wbUpper) == 0 {
			continue // digit
		}
		nibble := sum[i/2]
		if i%2 == 0 {
			nibble >>= 4
		}
		if (nibble&0x0f >= 8) != (c&wbUpper != 0) {
			return false
		}
	}
	return true
}

const base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// base58Digit maps a byte to its base58 value, or 0xff if it is not in the
// alphabet.
var base58Digit = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(base58Alphabet); i++ {
		t[base58Alphabet[i]] = byte(i)
	}
	return t
}()

// validBase58Check reports whether w is the canonical base58 encoding of
// exactly 25 bytes: version, a 20-byte hash and a 4-byte checksum equal to
// the first bytes of SHA-256(SHA-256(version+hash)).
func validBase58Check(w string, version byte) bool {
	var b [25]byte
	if !decodeBase58_25(w, &b) || b[0] != version {
		return false
	}
	first := sha256.Sum256(b[:21])
	second := sha256.Sum256(first[:])
	return second[0] == b[21] && second[1] == b[22] && second[2] == b[23] && second[3] == b[24]
}

// decodeBase58_25 decodes w into exactly 25 bytes without allocating. It
// fails on a character outside the alphabet, on a value that does not fit,
// and on a non-canonical encoding (leading '1's must match leading zero
// bytes one for one).
func decodeBase58_25(w string, out *[25]byte) bool {
	// 25 bytes = 200 bits, held big-endian in seven 32-bit limbs (224 bits).
	var limbs [7]uint32
	for i := 0; i < len(w); i++ {
		d := base58Digit[w[i]]
		if d == 0xff {
			return false
		}
		carry := uint64(d)
		for k := len(limbs) - 1; k >= 0; k-- {
			carry += uint64(limbs[k]) * 58
			limbs[k] = uint32(carry)
			carry >>= 32
		}
		if carry != 0 {
			return false
		}
	}
	if limbs[0]>>8 != 0 { // the top 24 of 224 bits must be zero
		return false
	}
	var full [28]byte
	for k, v := range limbs {
		full[4*k] = byte(v >> 24)
		full[4*k+1] = byte(v >> 16)
		full[4*k+2] = byte(v >> 8)
		full[4*k+3] = byte(v)
	}
	copy(out[:], full[3:])
	ones := 0
	for ones < len(w) && w[ones] == '1' {
		ones++
	}
	zeros := 0
	for zeros < len(out) && out[zeros] == 0 {
		zeros++
	}
	return ones == zeros
}

const bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

// bech32Digit maps a lower-case byte to its 5-bit value, or 0xff.
var bech32Digit = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(bech32Charset); i++ {
		t[bech32Charset[i]] = byte(i)
	}
	return t
}()

const (
	bech32Const  = 1          // BIP-173 checksum constant (witness v0)
	bech32mConst = 0x2bc830a3 // BIP-350 checksum constant (witness v1..v16)
)

func bech32PolymodStep(chk uint32, v byte) uint32 {
	top := chk >> 25
	chk = (chk&0x1ffffff)<<5 ^ uint32(v)
	if top&1 != 0 {
		chk ^= 0x3b6a57b2
	}
	if top&2 != 0 {
		chk ^= 0x26508e6d
	}
	if top&4 != 0 {
		chk ^= 0x1ea119fa
	}
	if top&8 != 0 {
		chk ^= 0x3d4233dd
	}
	if top&16 != 0 {
		chk ^= 0x2a1462b3
	}
	return chk
}

// bech32BCStart is the polymod state after the expanded human-readable part
// "bc": the high bits of each character, a zero, then the low bits.
var bech32BCStart = func() uint32 {
	chk := uint32(1)
	for _, v := range []byte{'b' >> 5, 'c' >> 5, 0, 'b' & 31, 'c' & 31} {
		chk = bech32PolymodStep(chk, v)
	}
	return chk
}()

// validSegwitAddress reports whether w is a valid Bitcoin mainnet segwit
// address (BIP-173, amended by BIP-350): "bc1", a witness version, a
// witness program and a six-character checksum, all in one case; bech32
// for version 0 (program of 20 or 32 bytes), bech32m for versions 1 to 16
// (program of 2 to 40 bytes).
func validSegwitAddress(w string) bool {
	// hrp "bc" + separator + version + at least 4 program chars + 6 checksum chars.
	if len(w) < minWalletRun || len(w) > maxWalletRun {
		return false
	}
	if !(w[:3] == "bc1" || w[:3] == "BC1") {
		return false
	}
	upper := w[0] == 'B'
	data := w[3:]
	chk := bech32BCStart
	version := byte(0xff)
	var acc uint32
	bits := 0
	progLen := 0
	progEnd := len(data) - 6
	for i := 0; i < len(data); i++ {
		c := data[i]
		if upper {
			if 'a' <= c && c <= 'z' {
				return false // mixed case
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
		} else if 'A' <= c && c <= 'Z' {
			return false // mixed case
		}
		v := bech32Digit[c]
		if v == 0xff {
			return false
		}
		chk = bech32PolymodStep(chk, v)
		switch {
		case i == 0:
			version = v
		case i < progEnd:
			// convertbits 5 -> 8, counting bytes and checking the padding below.
			acc = acc<<5 | uint32(v)
			bits += 5
			if bits >= 8 {
				bits -= 8
				progLen++
			}
		}
	}
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return false // more than 4 padding bits, or non-zero padding
	}
	switch {
	case version == 0:
		return chk == bech32Const && (progLen == 20 || progLen == 32)
	case version <= 16:
		return chk == bech32mConst && progLen >= 2 && progLen <= 40
	}
	return false
}
