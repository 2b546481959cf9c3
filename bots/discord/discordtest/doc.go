// Package discordtest is a fake Discord for end-to-end tests: the REST API v9
// and a websocket gateway speaking the real protocol, on loopback, so a test
// drives the real discordgo Session against it and then asserts on what the
// bot did.
//
// Wiring a discordgo session (the SDK's endpoints are package variables fixed
// at init to https://discord.com, so the fake reroutes the HTTP client instead):
//
//	srv := discordtest.New()
//	t.Cleanup(srv.Close) // registered first, so it runs after the session closes
//	s, _ := discordgo.New("Bot " + srv.Token())
//	s.Client = srv.Client()   // rewrites https://discord.com/... onto the fake
//	s.Dialer = srv.Dialer()   // optional: GET /gateway already answers ws://127.0.0.1:PORT/gateway
//	s.Open()
//	t.Cleanup(func() {
//		s.Lock()
//		s.ShouldReconnectOnError = false // see below
//		s.Unlock()
//		s.Close()
//	})
//
// Turning reconnects off before Close matters with a short heartbeat
// interval: discordgo's heartbeat goroutine can wake while Close sleeps its
// 1 s, fail to write on the closed socket and start a reconnect loop that
// outlives the test (against a closed server, forever).
//
// The test sets up guilds, members and channels (AddGuild, AddMember), pushes
// events (MessageCreate, InteractionCreate, Dispatch), injects faults
// (DropGateway, Reconnect, InvalidateSession, RateLimitNext, FailNext, Forbid,
// BlockDMs) and waits for the bot's answers without sleeping (WaitFor,
// WaitConnected). Builders (GuildMessage, DM, Forward, SlashCommand,
// MessageCommand, ButtonPress, ModalSubmit, UserInstalled) make payloads
// shaped like Discord's, with computed permissions. Every method is safe for
// concurrent use.
//
// What it models of the gateway: HELLO, IDENTIFY (token, intents, shard,
// the privileged MESSAGE_CONTENT intent), READY and one GUILD_CREATE per guild
// of the shard, heartbeats, RESUME with replay of the dispatches a session
// missed (also those dispatched while it was disconnected), op 7 and op 9,
// close codes 4001-4005, 4010, 4012 and 4014, intent filtering of message and
// guild events, shard routing by guild id, and blanking of guild message
// content for sessions without MESSAGE_CONTENT.
//
// Where it knowingly differs from Discord: payloads are never compressed
// (asking for zlib-stream or ETF is refused with 4002); there are no real rate limits
// unless injected, no gateway identify limits and no heartbeat timeouts; it
// answers op 2 on a connection whose session was invalidated by op 9 (as
// discordgo expects) instead of requiring a new connection; presence, voice
// and member-chunk requests are ignored; threads, forums, reactions, pins,
// stickers, polls, webhooks other than interaction follow-ups, attachments'
// bytes (multipart bodies are accepted, the files only counted) and audit logs
// are not modelled; interaction responses do not appear as MESSAGE_CREATE
// events, but messages sent to channels do (the bot sees its own messages, as
// on Discord).
package discordtest
