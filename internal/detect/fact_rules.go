package detect

import (
	"github.com/scamwarn/scamwarn/internal/scam"
)

// findWalletRule reports crypto addresses and transaction hashes that pass
// their checksums.
func findWalletRule(in *Input, emit func(Hit)) {
	for _, w := range findWallets(in.Text) {
		rule := "crypto.address"
		if w.Chain == "evm_tx" {
			rule = "crypto.tx_hash"
		}
		emit(Hit{Rule: rule, Span: scam.Span{Start: w.Start, End: w.End}, Detail: w.Chain})
	}
}

// findForwardRule states what the platform said about a forward's origin.
func findForwardRule(in *Input, emit func(Hit)) {
	f := in.Message.Forward
	if f == nil {
		return
	}
	if f.HiddenSender {
		emit(Hit{Rule: "forward.hidden_sender"})
	}
	if f.FromChannel {
		emit(Hit{Rule: "forward.channel"})
	}
	if f.FromBot {
		emit(Hit{Rule: "forward.bot"})
	}
}
