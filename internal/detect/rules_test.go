package detect

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// ruleRow is one row of the rule table: a message, a rule or combo id, and
// whether that id must fire on the message. Every id the engine can report
// needs at least one row that fires it and one legitimate look-alike that
// must stay quiet (TestRuleTableCoversEveryRule).
type ruleRow struct {
	rule string // rule or combo id
	name string // what the row shows, as a sentence
	msg  scam.Message
	fire bool
	// quote is, for a firing rule with evidence in the text, the part of
	// the text that one of its evidence spans must quote (a span may quote
	// more: overlapping matches of a rule are merged).
	quote string
	// deny, when set, is the operator deny list of the engine that checks
	// the row.
	deny []string
	// lang names the phrase file a non-English row needs ("fr", "zh"): the
	// row is skipped when the file is not there.
	lang string
}

func fires(rule, name, text, quote string) ruleRow {
	return ruleRow{rule: rule, name: name, msg: scam.Message{Text: text}, fire: true, quote: quote}
}

func quiet(rule, name, text string) ruleRow {
	return ruleRow{rule: rule, name: name, msg: scam.Message{Text: text}}
}

func firesMsg(rule, name string, m scam.Message, quote string) ruleRow {
	return ruleRow{rule: rule, name: name, msg: m, fire: true, quote: quote}
}

func quietMsg(rule, name string, m scam.Message) ruleRow {
	return ruleRow{rule: rule, name: name, msg: m}
}

func (r ruleRow) denying(hosts ...string) ruleRow { r.deny = hosts; return r }

func (r ruleRow) inLang(lang string) ruleRow { r.lang = lang; return r }

// shownLink is a message whose platform link shows one text and leads to
// another URL (a Telegram text link, a Discord masked link), with the shown
// text's place in the message.
func shownLink(text, shown, url string) scam.Message {
	m := scam.Message{Text: text, Links: []scam.Link{{URL: url, Shown: shown}}}
	if i := strings.Index(text, shown); i >= 0 {
		m.Links[0].Span = scam.Span{Start: i, End: i + len(shown)}
	}
	return m
}

func forwarded(text string, f scam.Forward) scam.Message {
	return scam.Message{Text: text, Forward: &f}
}

// pigButcheringTRON is the address of the USDT contract on TRON: valid, so
// its checksum passes, and nobody's wallet.
const pigButcheringTRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"

func ruleRows() []ruleRow {
	tron := testBase58Check(0x41, walletSeq(42, 20))
	btcSegwit := "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
	evm := "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
	txHash := "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"

	return []ruleRow{
		// Moving the conversation somewhere private.
		fires("contact.move_app", "fires on a request to move to WhatsApp",
			"It was lovely chatting here, but this app is slow. Add me on WhatsApp so we can keep talking.", "Add me on WhatsApp"),
		fires("contact.move_app", "fires on a recruiter sending people to a manager on Telegram",
			"To get the job, contact our manager on Telegram today.", "contact our manager on Telegram"),
		quiet("contact.move_app", "stays quiet on a question about WhatsApp backups",
			"Does anyone know if WhatsApp backups include the photos, or only the messages?"),
		quiet("contact.move_app", "stays quiet on a family WhatsApp group being mentioned",
			"Our family group on WhatsApp is mostly pictures of Grandma's cat."),

		fires("contact.dm_me", "fires on a profit boast ending in DM me for details",
			"Made 4k this week with my strategy, DM me for details.", "DM me for details"),
		quiet("contact.dm_me", "stays quiet on a moderator asking people not to DM the mods",
			"The moderators will review your report; please don't DM the mods about it directly."),

		fires("contact.link", "fires on a Telegram invite link",
			"Join our trading room here: https://t.me/profit_signals_vip", "https://t.me/profit_signals_vip"),
		fires("contact.link", "fires on a WhatsApp click-to-chat link",
			"Questions about the job? Chat with HR at wa.me/447700900123", "wa.me/447700900123"),
		quiet("contact.link", "stays quiet on Telegram's own documentation",
			"Official Telegram docs about bots are at https://core.telegram.org/bots/api"),
		quiet("contact.link", "stays quiet on a real discord.com channel link",
			"The rules are pinned here: https://discord.com/channels/1234/5678"),

		fires("contact.phone", "fires on an international phone number",
			"For fast processing call our agent on +44 7700 900123 today.", "+44 7700 900123"),
		quiet("contact.phone", "stays quiet on times and small counts",
			"The party starts at 7:30 and we need 12 chairs."),
		quiet("contact.phone", "stays quiet on a short order number",
			"Order #4412 shipped this morning, it should arrive on Friday."),

		// How the money is asked for.
		fires("payment.gift_card", "fires on a request for the codes on the back of gift cards",
			"Go to the store and buy two Apple gift cards, then send me the codes on the back.", "send me the codes on the back"),
		fires("payment.gift_card", "fires on a demand to pay with Apple gift cards",
			"You will be arrested today unless you pay with Apple gift cards.", "pay with Apple gift cards"),
		quiet("payment.gift_card", "stays quiet on a Steam gift card someone got for their birthday",
			"I got a Steam gift card for my birthday and bought Hades with it."),
		quiet("payment.gift_card", "stays quiet on a bank telling you to call the number on the back of your card",
			"Your monthly statement is ready. We will never ask for your PIN. If you did not make a purchase, call the number on the back of your card."),

		fires("payment.wire", "fires on a request to send money by Western Union",
			"Please send the money to this account by Western Union before Friday.", "by Western Union"),
		quiet("payment.wire", "stays quiet on rent paid into a landlord's account",
			"I paid the rent into my landlord's bank account last week and he confirmed it arrived."),

		fires("payment.crypto_atm", "fires on an instruction to feed cash into a Bitcoin ATM",
			"Take the cash to the nearest Bitcoin ATM and scan the QR code at the machine I send you.", "to the nearest Bitcoin ATM"),
		quiet("payment.crypto_atm", "stays quiet on a Bitcoin ATM being noticed at a gas station",
			"There's a Bitcoin ATM at the gas station now, which is funny because nobody in this town uses it."),
		quiet("payment.crypto_atm", "stays quiet on paying cash in at a bank's ATM",
			"I deposit cash in the ATM at my bank every Friday."),

		fires("payment.crypto", "fires on a request to send USDT",
			"Deposit is only accepted as USDT TRC20 payment, send USDT to the address below.", "send USDT"),
		quiet("payment.crypto", "stays quiet on someone who sold their bitcoin",
			"I finally sold the last of my bitcoin and paid off the car loan."),

		fires("payment.p2p", "fires on a deposit asked for through Zelle",
			"To hold the puppy for you, send the deposit via Zelle today.", "send the deposit via Zelle"),
		quiet("payment.p2p", "stays quiet on friends splitting a dinner bill on Venmo",
			"Dinner was 60 dollars, I'll split it with you on Venmo later."),

		fires("payment.cash_courier", "fires on a courier coming to collect cash",
			"Withdraw your savings and a courier will collect the cash from your home tonight.", "a courier will collect the cash"),
		quiet("payment.cash_courier", "stays quiet on a courier collecting a parcel",
			"The courier will collect the parcel from reception at 3pm."),

		fires("payment.upfront_fee", "fires on a fee to be paid before a loan",
			"Your loan is approved, but a processing fee of $150 must be paid first.", "processing fee of"),
		quiet("payment.upfront_fee", "stays quiet on a ticket site's booking fee",
			"There's a small booking fee when you buy concert tickets online."),

		fires("crypto.address", "fires on a valid TRON address",
			"Send it to "+pigButcheringTRON+" and screenshot the receipt.", pigButcheringTRON),
		fires("crypto.address", "fires on a generated TRON address",
			"USDT (TRC20) only: "+tron, tron),
		fires("crypto.address", "fires on a valid EIP-55 Ethereum address",
			"Pay the unlock fee to "+evm+" within the hour.", evm),
		fires("crypto.address", "fires on a valid Bitcoin segwit address",
			"Bitcoin only, to "+btcSegwit+", thank you.", btcSegwit),
		quiet("crypto.address", "stays quiet on an upper-case reference that only looks like a TRON address",
			"My order number is TR7NHQJEKQXGTCI8Q8ZY4PL8OTSZGJLJ6T for reference."),
		quiet("crypto.address", "stays quiet on a TRON-shaped code whose checksum fails",
			"Your voucher code is "+walletChangeChar(pigButcheringTRON, 10, base58Alphabet)+", enjoy the concert."),

		fires("crypto.tx_hash", "fires on a transaction hash",
			"Here is my transaction: "+txHash, txHash),
		quiet("crypto.tx_hash", "stays quiet on a git commit id",
			"The commit was 5c504ed432cb51138bcf09aa5e8a410dd4a1e204 if you want to check it."),

		fires("money.amount", "fires on a sum of USDT",
			"Start with 500 USDT and watch it grow.", "500 USDT"),
		fires("money.amount", "fires on a sum in dollars",
			"Dinner was 60 dollars in the end.", "60 dollars"),
		quiet("money.amount", "stays quiet on a count of server members",
			"We have 5000 members in the server now!"),

		// Pressure.
		fires("urgency.deadline", "fires on a 24-hour deadline",
			"Your package will be returned unless you reply within 24 hours.", "within 24 hours"),
		fires("urgency.deadline", "fires on act now",
			"Final warning: act now or lose your account.", "act now"),
		quiet("urgency.deadline", "stays quiet on a library reminder",
			"Reminder: the library closes early today, and the book club meets on Thursday."),
		quiet("urgency.deadline", "stays quiet on a prescription ready in two hours",
			"The pharmacy said my prescription will be ready in 2 hours."),

		fires("secrecy.dont_tell", "fires on don't tell your bank",
			"Don't tell your bank what the money is for, they won't understand.", "Don't tell your bank what"),
		fires("secrecy.dont_tell", "fires on keep this between us",
			"Keep this between us, your family would only worry.", "Keep this between us"),
		quiet("secrecy.dont_tell", "stays quiet on a surprise party",
			"We're planning a surprise party for Dad, so don't tell him anything!"),
		quiet("secrecy.dont_tell", "stays quiet on a friend asking for no spoilers",
			"Please don't tell anyone the ending of the movie, I haven't seen it yet."),

		fires("threat.arrest", "fires on an arrest warrant",
			"A warrant for your arrest has been issued, and you will be arrested today if you do not pay.", "warrant for your arrest"),
		quiet("threat.arrest", "stays quiet on news of an arrest",
			"The news said the suspect was arrested after a chase downtown."),
		quiet("threat.arrest", "stays quiet on a gym's late-fee reminder",
			"If you don't pay by the 5th, the gym adds a late fee of five dollars."),

		fires("threat.suspend", "fires on an account about to be suspended",
			"Your account will be suspended within 24 hours unless you confirm your details.", "account will be suspended"),
		quiet("threat.suspend", "stays quiet on an old account that was suspended years ago",
			"My old Twitter account was suspended years ago for posting too many memes, lol."),

		fires("credential.code", "fires on a request for the code just sent by text",
			"You will get a text with a 6-digit code, please send me the code so I can verify you.", "send me the code"),
		quiet("credential.code", "stays quiet on advice never to share a code",
			"Never share the code you get by text with anyone, the bank will never ask for it."),
		quiet("credential.code", "stays quiet on a wifi password on the fridge",
			"Sorry, I can't remember the wifi code, it's on the fridge."),

		fires("credential.seed", "fires on a request for a recovery phrase",
			"To fix the sync error, enter your 12-word recovery phrase on our support page.", "recovery phrase"),
		quiet("credential.seed", "stays quiet on an account recovery email",
			"I lost the recovery email for my old account, so support asked for my ID instead."),

		fires("credential.login", "fires on a link to verify an account",
			"Click the link below to verify your account and avoid suspension.", "verify your account"),
		quiet("credential.login", "stays quiet on someone whose password reset arrived",
			"I forgot my password again, the reset email finally came through."),

		// Pig-butchering and crypto "investment".
		fires("invest.guaranteed", "fires on guaranteed profit with zero risk",
			"This plan gives guaranteed profit every single day with zero risk.", "guaranteed profit"),
		quiet("invest.guaranteed", "stays quiet on a dad's view of index funds",
			"My dad says index funds are boring, but over twenty years they have done well for him."),
		quiet("invest.guaranteed", "stays quiet on a warning that no investment is risk free",
			"No investment is risk free, so only put in what you can afford to lose."),

		fires("invest.returns", "fires on a daily profit percentage",
			"Our members earn a daily profit of 3% on every deposit.", "daily profit of"),
		quiet("invest.returns", "stays quiet on a savings account's yearly rate",
			"The savings account pays 4% a year, which is better than my old bank."),

		fires("invest.platform", "fires on a crypto trading platform a mentor picked",
			"I use this crypto trading platform my mentor recommended, the returns are amazing.", "trading platform"),
		quiet("invest.platform", "stays quiet on a retirement account at a bank",
			"I just opened a retirement account with my bank and set up automatic deposits."),

		fires("invest.withdraw_fee", "fires on tax to pay before a withdrawal",
			"Your profits are ready, but you need to pay the tax to withdraw your funds.", "pay the tax to withdraw your funds"),
		quiet("invest.withdraw_fee", "stays quiet on an ATM's withdrawal fee",
			"The ATM charged me a $3 withdrawal fee, which is annoying."),

		fires("invest.expert", "fires on an uncle who is a professional trader",
			"My uncle is a professional trader and he can show you how to trade.", "My uncle is a professional trader"),
		quiet("invest.expert", "stays quiet on an uncle who is a professional chef",
			"My uncle is a professional chef, he taught me how to make pasta."),

		// Romance.
		fires("romance.affection", "fires on early declarations of love",
			"Good morning my love, I've fallen in love with you since our first chat.", "I've fallen in love"),
		quiet("romance.affection", "stays quiet on a wedding thank-you",
			"Thank you all for coming to the wedding, we love you!"),

		fires("romance.money_story", "fires on customs holding luggage and a frozen bank account",
			"Customs is holding my luggage and I can't access my bank account from here.", "I can't access my bank account"),
		quiet("romance.money_story", "stays quiet on travellers stuck at an airport",
			"Our flight got cancelled and we're stuck at the airport until tomorrow, so dinner is off."),

		fires("romance.persona", "fires on a widower engineer on an oil rig",
			"I'm a widower and I work overseas as an engineer on an oil rig.", "oil rig"),
		quiet("romance.persona", "stays quiet on a brother who travels for work",
			"My brother is an engineer and travels for work, he's in Norway this month."),

		fires("romance.wrong_number", "fires on a wrong-number opener",
			"Sorry, wrong number! But you seem nice, where are you from?", "Sorry, wrong number"),
		quiet("romance.wrong_number", "stays quiet on a doctor's office confirming an appointment",
			"Hi, this is Dr Lee's office confirming your appointment on Tuesday at 10."),

		// Fake jobs that lure people into scam compounds.
		fires("job.no_experience", "fires on no experience needed",
			"Hiring now! No experience needed, we train you from day one.", "No experience needed"),
		quiet("job.no_experience", "stays quiet on a real job ad that asks for experience",
			"Junior developer wanted: at least two years of experience with Go or Python required."),

		fires("job.high_pay", "fires on a high salary for customer service",
			"Customer service job with high salary, earn up to 300 dollars per day.", "high salary"),
		quiet("job.high_pay", "stays quiet on a bakery paying minimum wage",
			"The bakery on 5th is hiring weekend staff, pay is minimum wage plus tips."),

		fires("job.free_travel", "fires on a free air ticket and accommodation",
			"The company covers everything: free air ticket and free accommodation for all new staff.", "free air ticket"),
		quiet("job.free_travel", "stays quiet on an offsite with travel receipts",
			"Our team offsite is in Lisbon this year; remember to submit your travel receipts to finance."),

		fires("job.tourist_visa", "fires on coming on a tourist visa to work",
			"Just come on a tourist visa, we will change it to a work visa there.", "come on a tourist visa"),
		quiet("job.tourist_visa", "stays quiet on a holiday to Japan on a tourist visa",
			"I'm going to Japan on a tourist visa in April, any tips for Kyoto?"),

		fires("job.destination", "fires on an office in Sihanoukville",
			"The office is in Sihanoukville, we pick you up from the airport.", "Sihanoukville"),
		quiet("job.destination", "stays quiet on a holiday in Siem Reap",
			"We visited Angkor Wat near Siem Reap, Cambodia was amazing."),

		fires("job.passport", "fires on handing over a passport to HR",
			"When you arrive, hand over your passport to HR for safekeeping.", "hand over your passport"),
		quiet("job.passport", "stays quiet on a reminder to pack a passport",
			"Don't forget your passport when we fly out on Monday!"),

		fires("job.roles", "fires on a simple typist job",
			"Simple typist wanted, work from your phone.", "Simple typist"),
		quiet("job.roles", "stays quiet on someone who learned to type",
			"I learned to type fast in high school on an old typewriter."),

		fires("job.recruiting", "fires on hiring for a job abroad",
			"We are hiring staff for our office abroad, job offer in Cambodia with housing.", "job offer in Cambodia"),
		quiet("job.recruiting", "stays quiet on a library looking for volunteers",
			"The local library is looking for volunteers to help with the summer reading programme."),

		// Task scams.
		fires("task.vocabulary", "fires on app optimization tasks in sets of 40",
			"Our app optimization job is simple: complete sets of 40 tasks a day from home.", "sets of 40 tasks"),
		quiet("task.vocabulary", "stays quiet on a developer optimising an app",
			"I spent the weekend on app optimization for our startup, the load time is down by half."),
		quiet("task.vocabulary", "stays quiet on checking hotel ratings",
			"Check the hotel ratings before you book, some of those places are awful."),

		fires("task.commission", "fires on a commission for each task",
			"You earn a commission for each task, paid out the same day.", "commission for each task"),
		quiet("task.commission", "stays quiet on an estate agent's commission",
			"Real estate agents usually get a commission on each sale, around 3 percent here."),

		fires("task.deposit", "fires on recharging an account to continue tasks",
			"Your balance is negative, please recharge your account to continue the tasks.", "recharge your account to"),
		quiet("task.deposit", "stays quiet on topping up a transit card",
			"I need to top up my transit card before the trip tomorrow."),

		// Sextortion.
		fires("sextortion.have_material", "fires on a claim to have a webcam video",
			"I have your video from the webcam, I know what you were watching.", "I have your video"),
		quiet("sextortion.have_material", "stays quiet on wedding photos to share",
			"I have your photos from the wedding, I'll upload them to the shared album tonight."),

		fires("sextortion.threat_share", "fires on a threat to send a video to all friends",
			"Pay me or I will send the video to all your friends and family.", "send the video to all your friends"),
		quiet("sextortion.threat_share", "stays quiet on sending a school play video to the parents",
			"I'll send the video to all the parents in the class group after the school play."),

		// Impersonation.
		fires("imperson.authority", "fires on a cyber police department",
			"This is the cyber police department calling about your bank account.", "cyber police department"),
		quiet("imperson.authority", "stays quiet on police advice to lock cars",
			"Police are asking residents to lock their cars after a string of break-ins on our street."),

		fires("imperson.bank", "fires on a suspicious transaction on a card ending in digits",
			"We detected a suspicious transaction of $940 on your card ending 4821. If this was not you, call us.", "suspicious transaction of"),
		fires("imperson.bank", "fires on a fake charge alert with a call-back if you did not make it",
			"RM 4,388.00 was charged on your card at KLIA2. Call 03-2168 3729 if you did not perform this txn.", "was charged on your card"),
		quiet("imperson.bank", "stays quiet on someone telling of a double charge on their own card",
			"I was charged twice on my card, but the shop refunded it the next day."),
		fires("imperson.bank", "fires on a KYC demand with the wallet's name in between",
			"Your wallet will be held. Complete your PayWallet KYC now: call 0620 099 246.", "Complete your PayWallet KYC"),
		quiet("imperson.bank", "stays quiet on someone saying they finished their own KYC",
			"Finally finished the KYC for my new broker account, took ages."),
		quiet("imperson.bank", "stays quiet on a statement that is ready",
			"Your statement for March is ready. Log in to the app to view it."),
		quiet("imperson.bank", "stays quiet on someone whose card was blocked after a wrong PIN",
			"My bank card was blocked after I typed the wrong PIN three times."),

		fires("imperson.delivery", "fires on a parcel that could not be delivered",
			"Your parcel could not be delivered due to an incomplete address.", "parcel could not be delivered"),
		quiet("imperson.delivery", "stays quiet on a parcel delivered to the door",
			"Your parcel was delivered to your front door at 14:32. Thanks for shopping with us."),
		quiet("imperson.delivery", "stays quiet on a genuine out-for-delivery notice",
			"Your DHL parcel is out for delivery today between 10:00 and 12:00. No action needed."),

		fires("imperson.crime_accusation", "fires on a phone number used in money laundering",
			"Your phone number was used in money laundering and drug trafficking activities.", "Your phone number was used in money laundering"),
		quiet("imperson.crime_accusation", "stays quiet on a documentary about money laundering",
			"The documentary about money laundering in football was really good."),

		fires("imperson.safe_account", "fires on moving savings to a safe account",
			"To protect your savings, transfer all your money to a safe account we set up for you.", "transfer all your money to a safe account"),
		quiet("imperson.safe_account", "stays quiet on savings moved to a high-interest account",
			"I moved my savings into a high-interest account at my credit union."),

		fires("imperson.tax_refund", "fires on an unclaimed tax refund",
			"You are eligible for a tax refund of 312 pounds, claim your refund here.", "tax refund"),
		quiet("imperson.tax_refund", "stays quiet on an accountant filing a return",
			"My accountant filed my return and I should see the refund in a few weeks."),

		// Recovery, tech support, advance fee.
		fires("recovery.offer", "fires on fund recovery experts",
			"Lost money to a fake exchange? Our fund recovery experts can recover your funds in 48 hours.", "fund recovery experts"),
		quiet("recovery.offer", "stays quiet on a warning to report scams and never pay recovery services",
			"Have you been scammed? Report it to the police and your bank straight away, and never pay anyone who promises to get it back."),

		fires("tech.virus", "fires on an infected computer and a call to Microsoft",
			"Warning! Your computer is infected with a virus. Call Microsoft support now and do not turn off your computer.", "Your computer is infected"),
		quiet("tech.virus", "stays quiet on a slow laptop in a tech-help chat",
			"My laptop is running slow, should I reinstall Windows or just clean up the startup programs?"),
		quiet("tech.virus", "stays quiet on a son installing AnyDesk to help his dad",
			"I installed AnyDesk on Dad's laptop so I can fix his printer from home."),

		fires("tech.remote_access", "fires on a stranger asking to install AnyDesk",
			"Please install AnyDesk so we can process your refund on your screen.", "install AnyDesk so we"),
		quiet("tech.remote_access", "stays quiet on a son who installed AnyDesk for his dad",
			"I installed AnyDesk on Dad's laptop so I can fix his printer from home."),
		quiet("tech.remote_access", "stays quiet on an IT team's remote desktop",
			"Our IT team uses remote desktop for support tickets, open a ticket first."),

		fires("prize.won", "fires on a won iPhone in a lucky draw",
			"Congratulations! You have won a brand new iPhone in our lucky draw.", "You have won"),
		quiet("prize.won", "stays quiet on congratulations on a new job",
			"Congratulations on the new job, we should celebrate this weekend!"),
		quiet("prize.won", "stays quiet on a friend who won the school raffle",
			"Congrats, you won the school raffle, pick up the hamper at reception."),

		fires("prize.claim", "fires on claim your reward",
			"To claim your reward, reply with your full name and address.", "claim your"),
		quiet("prize.claim", "stays quiet on collecting a coat",
			"Please collect your coat from the cloakroom before you leave."),

		fires("fee.inheritance", "fires on an inheritance fund",
			"I am the lawyer of your late relative who left an inheritance fund of 4.5 million dollars.", "inheritance fund"),
		quiet("fee.inheritance", "stays quiet on a family will",
			"After Grandpa died, the lawyer said the house goes to my mum and her sister."),

		fires("loan.easy", "fires on bad credit ok and no credit check",
			"Bad credit ok! Instant loan approval, no credit check.", "no credit check"),
		quiet("loan.easy", "stays quiet on a refused mortgage",
			"The bank turned down my mortgage application, so we're saving for a bigger deposit."),

		// Discord and Telegram lures.
		fires("platform.free_nitro", "fires on free Discord Nitro",
			"Free Discord Nitro for everyone who joins in the next hour!", "Free Discord Nitro"),
		quiet("platform.free_nitro", "stays quiet on a gamer who bought Nitro",
			"I bought Nitro last month just for the custom emojis, honestly worth it."),
		quiet("platform.free_nitro", "stays quiet on Nitro gifted by a brother",
			"My brother gifted me Nitro for my birthday, so now I have animated avatars."),

		fires("platform.accidental_report", "fires on an accidental report and a push to contact staff",
			"Hey, sorry, I accidentally reported your account, please contact Discord staff so they don't ban you.", "I accidentally reported your account"),
		quiet("platform.accidental_report", "stays quiet on a spam bot reported to the mods",
			"I reported the spam bot to the mods and they banned it within a minute."),

		fires("platform.fake_staff", "fires on someone claiming to be Discord support",
			"Hello, I am from Discord support team, we noticed strange activity on your account.", "I am from Discord support"),
		quiet("platform.fake_staff", "stays quiet on the Steam summer sale",
			"The Steam summer sale starts tomorrow, my wishlist is way too long."),

		fires("platform.qr_login", "fires on scanning a QR code to verify",
			"Scan this QR code to verify your account and get the role.", "Scan this QR code to verify"),
		quiet("platform.qr_login", "stays quiet on a restaurant's QR menu",
			"Scan the QR code on the menu to order from your table."),

		fires("platform.airdrop", "fires on a live airdrop and wallet connect",
			"The airdrop is live! Connect your wallet to claim your tokens.", "Connect your wallet to claim"),
		quiet("platform.airdrop", "stays quiet on an air drop of supplies",
			"The plane did an air drop of supplies to the flooded villages."),
		quiet("platform.airdrop", "stays quiet on Apple AirDrop",
			"AirDrop for sharing photos is broken since the update, anyone else?"),

		fires("platform.test_game", "fires on a request to test a new game",
			"Hey, can you test my new game and tell me what you think? I'll send you the launcher.", "test my new game and"),
		quiet("platform.test_game", "stays quiet on friends playing a new game",
			"We played the new Zelda game all weekend and didn't leave the couch."),

		// Premium-rate texts.
		fires("premium.number", "fires on a UK 09 premium number",
			"Call 09061701461 now to claim your prize.", "09061701461"),
		quiet("premium.number", "stays quiet on a UK mobile number",
			"My number changed, the new one is 07700 900461."),

		fires("premium.shortcode", "fires on text WIN to a short code",
			"Text WIN to 80086 to enter the draw.", "80086"),
		quiet("premium.shortcode", "stays quiet on a bus number",
			"The bus number 80086 doesn't exist, I think you mean the 86."),

		fires("premium.terms", "fires on per-message charges and reply STOP",
			"Weekly quiz on your phone, 150p per msg, reply STOP to end.", "150p per msg"),
		quiet("premium.terms", "stays quiet on a newsletter's unsubscribe line",
			"To unsubscribe from this newsletter, click the link at the bottom of the email."),

		fires("premium.free_entry", "fires on free entry to a weekly competition",
			"You have a free entry in our weekly competition to win a holiday!", "weekly competition"),
		quiet("premium.free_entry", "stays quiet on a museum free on Sundays",
			"Entry to the museum is free on Sundays for residents."),

		// Money mules, gambling, adult lures, generic reassurance.
		fires("mule.rent_account", "fires on renting a bank account for a cut",
			"Easy side income: rent your bank account to us and keep 10% of every transfer.", "rent your bank account"),
		quiet("mule.rent_account", "stays quiet on a parent opening a bank account for a child",
			"I opened a bank account for my son so he can save his pocket money."),

		fires("gambling.tips", "fires on fixed matches",
			"VIP group with fixed matches every weekend, 100% sure tips.", "fixed matches"),
		quiet("gambling.tips", "stays quiet on friends talking about a match",
			"Did you watch the match last night? That last-minute goal was unreal."),

		fires("gambling.casino", "fires on free spins and a deposit bonus",
			"Sign up today and get 200 free spins plus a deposit bonus of 100%.", "free spins"),
		quiet("gambling.casino", "stays quiet on a trip to a casino",
			"We went to the casino in Vegas once and lost twenty dollars on the slots, never again."),
		fires("gambling.casino", "fires on a deposit bonus with its ceiling (Chinese)",
			"三存最高赠送8888USDT，充提秒到", "三存最高赠送").inLang("zh"),
		quiet("gambling.casino", "stays quiet on a bank's deposit rate (Chinese)",
			"这家银行三年定期存款最高利率是多少？").inLang("zh"),

		fires("adult.lure", "fires on hot girls in your area",
			"Hot girls in your area are waiting to chat with you tonight.", "Hot girls in your area"),
		quiet("adult.lure", "stays quiet on a girls' football team waiting for a bus",
			"The girls in my daughter's football team are waiting for the bus."),

		fires("generic.too_good", "fires on 100% legit",
			"This is 100% legit, not a scam, just try it.", "100% legit"),
		quiet("generic.too_good", "stays quiet on asking whether a seller is legit",
			"Is this seller legit? The price seems too low for a used PS5."),

		// Links, judged on their registrable domain.
		fires("link.denied", "fires on a host on the operator's deny list",
			"Your order is on hold, see https://evil.example.com/order", "https://evil.example.com/order").denying("evil.example.com"),
		fires("link.denied", "fires on a subdomain of a denied host",
			"Log in at login.evil.example.com to continue.", "login.evil.example.com").denying("evil.example.com"),
		quiet("link.denied", "stays quiet on the parent of a denied host",
			"The company site is https://example.com/about").denying("evil.example.com"),

		fires("link.ip_host", "fires on a login page on a raw IP address",
			"Verify your login at http://203.0.113.20/secure", "http://203.0.113.20/secure"),
		quiet("link.ip_host", "stays quiet on a version number that looks like an address",
			"Update to version 1.2.3.4 of the app, it fixes the crash."),

		fires("link.apk", "fires on an invitation that is an Android package",
			"Your wedding invitation: https://invites-card.example.com/invitation.apk", "https://invites-card.example.com/invitation.apk"),
		quiet("link.apk", "stays quiet on an app store link",
			"Get the app from https://play.google.com/store/apps/details?id=org.wikipedia"),

		firesMsg("link.text_mismatch", "fires on a link that shows discord.com but leads elsewhere",
			shownLink("Claim your gift: discord.com/gifts", "discord.com/gifts", "https://dlscord-gift.xyz/claim"), "discord.com/gifts"),
		fires("link.text_mismatch", "fires on a Markdown link whose text names another site",
			"Claim here: [discord.com](https://discord-gifts.xyz/claim)", "[discord.com](https://discord-gifts.xyz/claim)"),
		quietMsg("link.text_mismatch", "stays quiet on a link that shows discord.com and leads to discord.com",
			shownLink("Rules are on discord.com/guidelines", "discord.com/guidelines", "https://discord.com/guidelines")),
		quietMsg("link.text_mismatch", "stays quiet on a link whose shown text is not a domain",
			shownLink("The agenda is here", "here", "https://docs.example.org/agenda")),

		fires("link.userinfo", "fires on a brand name before the @ of a URL",
			"Sign in at https://www.paypal.com@evil-site.com/login", "https://www.paypal.com@evil-site.com/login"),
		quiet("link.userinfo", "stays quiet on an e-mail address",
			"Write to support@example.org if the download fails."),

		fires("link.shortener", "fires on a bit.ly link",
			"Claim it here: https://bit.ly/3xYzAbc", "https://bit.ly/3xYzAbc"),
		quiet("link.shortener", "stays quiet on a brand's own short link",
			"The trailer is up: https://youtu.be/dQw4w9WgXcQ"),

		fires("link.open_redirect", "fires on a redirect to another domain",
			"Go to https://www.google.com/url?q=https://evil-login.top/x", "https://www.google.com/url?q=https://evil-login.top/x"),
		quiet("link.open_redirect", "stays quiet on a search query",
			"Search results: https://www.google.com/search?q=pasta+recipes"),

		fires("link.free_hosting", "fires on a site on a free host",
			"Here is my site https://paypal-login.vercel.app/", "https://paypal-login.vercel.app/"),
		quiet("link.free_hosting", "stays quiet on a project on github.com",
			"My repo https://github.com/acme/tool is public, pull requests welcome."),

		fires("link.punycode", "fires on a Cyrillic domain that spells a brand",
			"Visit https://xn--80ak6aa92e.com/ for details", "https://xn--80ak6aa92e.com/"),
		quiet("link.punycode", "stays quiet on a plain ASCII domain",
			"Visit https://www.example.org/ for details"),

		fires("link.homograph", "fires on a Cyrillic a inside paypal",
			"Visit https://xn--pypal-4ve.com/login", "https://xn--pypal-4ve.com/login"),
		quiet("link.homograph", "stays quiet on the real paypal.com",
			"Visit https://www.paypal.com/signin"),

		fires("link.tld_abuse", "fires on an .xyz domain",
			"Check out https://cool-stuff.xyz/", "https://cool-stuff.xyz/"),
		quiet("link.tld_abuse", "stays quiet on a .org domain",
			"Check out https://www.wikipedia.org/"),

		fires("link.tld_high_abuse", "fires on a .top domain",
			"Get it at https://free-money.top/", "https://free-money.top/"),
		quiet("link.tld_high_abuse", "stays quiet on a .com domain",
			"Get it at https://www.example.com/"),

		fires("link.brand_other_domain", "fires on paypal under another suffix",
			"Sign in at https://paypal.top/account", "https://paypal.top/account"),
		quiet("link.brand_other_domain", "stays quiet on paypal's own domain",
			"Sign in at https://www.paypal.com/myaccount"),

		fires("link.brand_combo", "fires on a brand glued to another word",
			"Sign in at https://paypalverify.com/", "https://paypalverify.com/"),
		quiet("link.brand_combo", "stays quiet on a word that merely contains a brand",
			"Our recipes are at https://pineapplerecipes.com/ if you want them."),

		fires("link.brand_token", "fires on a brand as one word of a hyphenated domain",
			"Login at https://secure-paypal.com/", "https://secure-paypal.com/"),
		quiet("link.brand_token", "stays quiet on the brand's official domain",
			"Your receipt is at https://www.paypal.com/activity"),

		fires("link.brand_lookalike", "fires on dlscord.gift",
			"Login at https://dlscord.gift/", "https://dlscord.gift/"),
		quiet("link.brand_lookalike", "stays quiet on the real discord.gift",
			"Here's a Nitro gift I bought for you: https://discord.gift/AbCdEf123"),

		fires("link.brand_near", "fires on a near miss of coinbase",
			"Sign in at https://coinbasr.com/", "https://coinbasr.com/"),
		quiet("link.brand_near", "stays quiet on an ordinary word near a brand",
			"The budget sheet is on https://financeteam.example.com/ now."),
		fires("link.brand_near", "fires on a six-letter brand with a letter slipped in",
			"Free items at https://robllox.shop/", "https://robllox.shop/"),
		quiet("link.brand_near", "stays quiet on a word one changed letter from a six-letter brand",
			"Seismic data at https://tremor.com/ today."),
		fires("link.brand_near", "fires on a coined brand with two letters slipped in",
			"Claim it at https://discorcrd.gift/", "https://discorcrd.gift/"),
		quiet("link.brand_near", "stays quiet on a word that holds a brand's letters but ends otherwise",
			"Docs at https://interface.com/ are fine."),
		quiet("link.brand_near", "stays quiet on an ordinary word one letter from a brand that holds a word",
			"See https://discard.com/ for the rules."),
		fires("link.brand_lookalike", "fires on a long brand name misspelt several ways",
			"Trade at https://staemcomnunilty.store/", "https://staemcomnunilty.store/"),
		quiet("link.brand_lookalike", "stays quiet on a word that shares only part of a long brand's letters",
			"Maps of https://localities.com/ here."),

		quiet("link.brand_combo", "stays quiet on an ordinary word that holds a brand name",
			"Cruises: https://steamboat.com/ and https://interactive-maps.org/"),
		fires("link.brand_subdomain", "fires on a brand as the subdomain of another site",
			"Login at https://paypal.secure-login.net/", "https://paypal.secure-login.net/"),
		quiet("link.brand_subdomain", "stays quiet on a brand's own subdomain",
			"Track it at https://www.dhl.com/track?id=123"),

		fires("link.scam_words", "fires on login in a domain",
			"Support: https://secure-login-verify.com/", "https://secure-login-verify.com/"),
		quiet("link.scam_words", "stays quiet on a site named by a bait word alone (a weak sign only)",
			"Support group at https://recovery.org/ meets on Tuesdays"),
		quiet("link.scam_words", "stays quiet on an ordinary word that holds a bait word",
			"Reviews at https://acclaimed-designing.com/ and https://authoritative.org/"),
		quiet("link.scam_words", "stays quiet on a word whose letters only look like a bait word",
			"Dog breeds: https://dalmatian.com/"),
		quiet("link.scam_words", "stays quiet on a plain shop domain",
			"Our store is at https://shop.example.com"),

		fires("link.scam_words_many", "fires on several scam words in a domain",
			"Support: https://secure-login-verify.com/", "https://secure-login-verify.com/"),
		quiet("link.scam_words_many", "stays quiet on one scam word in a domain",
			"Support: https://account-secure.help/"),

		fires("payment.redirect", "fires on changed bank details for an invoice",
			"Please note our bank details have changed, pay the invoice to this new account from today.", "bank details have changed"),
		quiet("payment.redirect", "stays quiet on a new phone number",
			"Hi, my phone number has changed, save the new one please"),
		fires("payment.redirect", "fires on an SMS naming the account to pay into (Indonesian shorthand)",
			"Uangnya di trnsfer di BRI ini aja a/n SUTRISNO no rek 1234 5678 90, klau sdah di transfer sms aja", "Uangnya di trnsfer di BRI ini aja").inLang("id"),
		quiet("payment.redirect", "stays quiet on friends settling a bill (Indonesian)",
			"Makasih ya, uangnya sudah aku terima kemarin, nanti kita makan lagi").inLang("id"),
		fires("fee.fake_buyer", "fires on the buyer of a house that was never for sale (Indonesian)",
			"Mengenai rumah Bpk/Ibu yg mau dijual sdh kami survey, masalah harga hub suami sy di nomor ini", "masalah harga hub suami sy").inLang("id"),
		quiet("fee.fake_buyer", "stays quiet on a real conversation about a house price (Indonesian)",
			"Rumah di Bogor itu harganya masih bisa ditawar, nanti aku tanya suami dulu ya").inLang("id"),
		fires("fee.fake_buyer", "fires on a stranger's interest in a house never for sale",
			"Good day, regarding the house you want to sell, we have viewed it. For the price please call my husband on 0812 555 0199", "call my husband"),
		quiet("fee.fake_buyer", "stays quiet on a neighbour talking about their own sale",
			"We finally sold the house! My husband will call you about the keys on Friday"),
		quiet("job.free_travel", "stays quiet on lodging provided in a real factory ad (Malay)",
			"Kilang di Senai perlukan operator pengeluaran, gaji RM1700, asrama disediakan. Datang temuduga hari Isnin.").inLang("id"),
		quiet("invest.returns", "stays quiet on a shop's daily takings (Malay)",
			"Alhamdulillah untung harian kedai makan kami makin baik bulan ni").inLang("id"),
		quiet("adult.lure", "stays quiet on a family remark about a name (Chinese)",
			"看姐姐的名字好听吗？你看妹妹名字写对了没").inLang("zh"),
		quiet("adult.lure", "stays quiet on looking at pinyin (Chinese)",
			"不会读就看拼音，再看篇文章练习一下").inLang("zh"),
		fires("contact.handle", "fires on a handle between two Chinese words, whatever its letters (Chinese)",
			"韵 FTA676 麦P", "FTA676").inLang("zh"),
		quiet("contact.handle", "stays quiet on a graphics card model in Chinese chat",
			"我的显卡是 RTX 3080 Ti，玩游戏很流畅").inLang("zh"),
		quiet("premium.number", "stays quiet on a Philippine mobile number in Tagalog",
			"Tawagan mo ako sa 09171234567 bukas ha, salamat").inLang("tl"),
		quiet("premium.number", "stays quiet on an Indonesian mobile number",
			"Nanti telpon aku di 08781234567 ya, aku sudah sampai").inLang("id"),
		fires("service.data_sale", "fires on personal data for sale",
			"Selling fresh fullz with SSN and DOB, cheap, DM for the list", "fullz"),
		quiet("service.data_sale", "stays quiet on news of a leak",
			"Heads up: the store says its customer database was leaked, change your password there"),
		fires("service.data_sale", "fires on phone-owner and hotel-stay lookups (Chinese)",
			"代查机主信息、开房记录、户籍全家，私聊", "机主信息").inLang("zh"),
		quiet("service.data_sale", "stays quiet on checking one's own phone plan (Chinese)",
			"我想查一下这个手机号的套餐余额").inLang("zh"),
		fires("service.bulk_tools", "fires on mass-messaging software for sale",
			"Bulk SMS sender and WhatsApp blaster, 1 million messages a day, aged accounts for sale", "Bulk SMS sender"),
		quiet("service.bulk_tools", "stays quiet on a mailing-list tool at work",
			"We send the newsletter with our mailing list tool, about 2000 subscribers"),
		fires("service.bulk_tools", "fires on app signing that gets past antivirus (Chinese)",
			"源头超级签，app封装，安卓包报毒处理，全网最低价", "超级签").inLang("zh"),
		quiet("service.bulk_tools", "stays quiet on an app developer's question (Chinese)",
			"我们的安卓包上架应用商店需要签名证书吗？").inLang("zh"),
		fires("credential.call_forward", "fires on a call-forwarding code to dial",
			"To verify your parcel please dial *21*0812345678# and press call", "*21*0812345678#"),
		quiet("credential.call_forward", "stays quiet on a balance check code",
			"dial *123# to check your balance"),
		fires("malware.app_file", "fires on an app file to install",
			"Your parcel photo is attached, download the apk file to see the delivery status", "download the apk"),
		quiet("malware.app_file", "stays quiet on a developer talking about builds",
			"the release build is signed, I uploaded it to the Play Store for review"),
		fires("combo.prize_phone", "fires on a prize claimed by phone",
			"Congratulations, you have won a cash prize! Call 07700 900123 to claim", ""),
		quiet("combo.prize_phone", "stays quiet on a friend's number",
			"call me on 07700 900123 when you land"),

		fires("contact.handle", "fires on a WeChat id left in a Chinese ad",
			"高薪兼职，详情加微 sx111505", "sx111505"),
		fires("contact.handle", "fires on a QQ number split to dodge filters",
			"想看的加 75-275-36-36 企鹅", "75-275-36-36"),
		fires("contact.handle", "fires on a full-width id",
			"美女视频 看 ＴＡＤ７６５ 加我", "ＴＡＤ７６５"),
		fires("contact.handle", "fires on a Telegram name in Chinese text",
			"专业团队，联系人：@yingsi1 详谈", "yingsi1"),
		quiet("contact.handle", "stays quiet on a model number in English tech chat",
			"my rtx3080 runs fine on win10 with driver 531.41"),
		quiet("contact.handle", "stays quiet on Chinese chat with a short number",
			"我们下午3点在2号楼见"),

		fires("contact.handle_only", "fires on a short ad that is little more than an id",
			"秀薇 w2753636 看片", "w2753636"),
		quiet("contact.handle_only", "stays quiet on a longer message with an id",
			"今天开会讨论了新项目的时间安排，大家觉得下周三可以吗？我的工号是ab12345，有问题找我"),

		fires("invest.testimonial", "fires on a success story about a platform",
			"Ever since I started investing with Brightwave, this platform has been so helpful to me, I withdrew my profit in a day",
			"started investing with"),
		fires("invest.testimonial", "fires on a profit story with a small deposit",
			"Wow I just made 5600usd with just 500usd working with Annie, so profitable", "with just"),
		quiet("invest.testimonial", "stays quiet on friends making a short list",
			"I got a list with only you and Joanna on it"),
		quiet("invest.testimonial", "stays quiet on a review of a broker's fees",
			"I compared three brokers, the fees on the second are lower but the app is clunky"),

		fires("link.brand_combo_common", "fires on a brand made of ordinary words joined to others",
			"mint now at https://openseadrops.net/claim", "https://openseadrops.net/claim"),
		fires("link.brand_combo_common", "fires on MetaMask's name glued to another word",
			"sync at metamaskwallets.net please", "metamaskwallets.net"),
		quiet("link.brand_combo_common", "stays quiet on the brand's own site",
			"my collection is on https://opensea.io/collection/cats"),
		fires("link.brand_near_common", "fires on a near miss of a brand made of ordinary words",
			"log in at metamasc.com to restore", "metamasc.com"),
		quiet("link.brand_near_common", "stays quiet on the real MetaMask site",
			"download it only from metamask.io"),
		fires("link.brand_other_domain_common", "fires on an open-technology name on another domain",
			"docs at https://ethereum.example-wiki.org and https://metamask.top", "https://metamask.top"),
		quiet("link.brand_other_domain_common", "stays quiet on the real Ethereum site",
			"read the whitepaper on ethereum.org"),
		fires("link.brand_combo", "fires on a coined brand name with extra letters",
			"verify at coinbasehelpdesk.com now", "coinbasehelpdesk.com"),

		fires("imperson.family", "fires on a parent on a borrowed phone asking for phone credit (Indonesian)",
			"Ini mama pinjam hp orang, tolong belikan pulsa 50rb ke nomor ini ya, jangan telpon nanti mama yang telpon", "Ini mama pinjam hp"),
		quiet("imperson.family", "stays quiet on a real parent asking for help with credit (Indonesian)",
			"Nak, nanti sore tolong isiin pulsa mama ya, uangnya mama ganti di rumah"),
		fires("imperson.family", "fires on a 'hi mum, new number' message",
			"Hi mum, this is my new number, my phone broke. Can you pay a bill for me today?", "Hi mum, this is my new number"),
		quiet("imperson.family", "stays quiet on a child texting from their usual phone",
			"Hi mum, I'll be home late, the train is delayed"),
		fires("threat.fine", "fires on an unpaid toll text",
			"E-ZPass: you have an unpaid toll balance of $6.99. Pay now to avoid late fees: https://ezpass-pay.example-toll.com", "unpaid toll"),
		quiet("threat.fine", "stays quiet on someone talking about tolls",
			"the tolls on the bridge went up again, it's 8 dollars now"),

		fires("imperson.marketplace", "fires on a fake buyer's payment link",
			"Hi, I have paid for the sofa, click the link to confirm and receive the money, my courier will pick up the item tomorrow",
			"my courier will pick up the item"),
		quiet("imperson.marketplace", "stays quiet on a real buyer arranging pickup",
			"I'll come and get the sofa myself on Saturday and pay cash, is 10am ok?"),

		fires("link.weak_words", "fires on a word common to phishing and ordinary sites",
			"see https://events-hall.example.net/today", "https://events-hall.example.net/today"),
		quiet("link.weak_words", "stays quiet on a brand's own support site",
			"help is at https://support.google.com/accounts"),

		// People warning each other.
		fires("context.warning", "fires on a PSA about scam links",
			"PSA: scammers are sending fake free Nitro links, never share your seed phrase with anyone", "scammers are"),
		fires("context.warning", "fires on someone calling a message a scam",
			"careful, that looks like a scam, don't click it", "looks like a scam"),
		quiet("context.warning", "stays quiet on a scam that claims to be legit",
			"This is 100% legit, my mentor guarantees profit, add me on WhatsApp"),
		quiet("context.warning", "stays quiet on ordinary care",
			"Be careful on the drive home, the roads are icy"),

		// Facts about a forward.
		firesMsg("forward.hidden_sender", "fires on a forward whose sender hid their account",
			forwarded("Great offer, check it out", scam.Forward{HiddenSender: true}), ""),
		quietMsg("forward.hidden_sender", "stays quiet on a forward from a visible person",
			forwarded("See you at the picnic on Sunday!", scam.Forward{})),

		firesMsg("forward.channel", "fires on a forward from a channel",
			forwarded("Today's news roundup", scam.Forward{FromChannel: true}), ""),
		quietMsg("forward.channel", "stays quiet on a message that was not forwarded",
			scam.Message{Text: "Today's news roundup"}),

		firesMsg("forward.bot", "fires on a forward from a bot",
			forwarded("Your reminder: water the plants", scam.Forward{FromBot: true}), ""),
		quietMsg("forward.bot", "stays quiet on a forward from a channel that is not a bot",
			forwarded("Your reminder: water the plants", scam.Forward{FromChannel: true})),

		// Combinations.
		fires("combo.contact_investment", "fires on guaranteed returns and a move to Telegram",
			"My mentor's trading platform pays guaranteed returns, add me on Telegram and I'll show you.", ""),
		quiet("combo.contact_investment", "stays quiet on a move to WhatsApp for holiday photos",
			"Add me on WhatsApp and I'll send you the holiday photos."),

		fires("combo.investment_payment", "fires on guaranteed profit paid in USDT",
			"Guaranteed profit every week, just send USDT to start.", ""),
		quiet("combo.investment_payment", "stays quiet on a trader uncle who likes index funds",
			"My uncle is a professional trader, he says to just buy index funds and wait."),

		fires("combo.job_destination_pay", "fires on a high salary in Sihanoukville",
			"Job in Sihanoukville for English speakers, high salary and bonuses.", ""),
		quiet("combo.job_destination_pay", "stays quiet on a beach holiday in Sihanoukville",
			"We're visiting Sihanoukville next month for the beaches, any hotel tips?"),

		fires("combo.job_destination_travel", "fires on free flights to Myawaddy",
			"Work in Myawaddy: free flights and free accommodation for every worker.", ""),
		quiet("combo.job_destination_travel", "stays quiet on free accommodation at a family wedding",
			"Free accommodation for the wedding guests at the farmhouse, just bring a sleeping bag."),

		fires("combo.job_visa_travel", "fires on a tourist visa and a free ticket",
			"Come on a tourist visa, free air ticket provided by the company.", ""),
		quiet("combo.job_visa_travel", "stays quiet on a tourist who booked their own flights",
			"I'm going on a tourist visa and I booked my own flights."),

		fires("combo.job_easy_travel", "fires on no experience and free flights",
			"No experience needed, free flights and free accommodation provided.", ""),
		quiet("combo.job_easy_travel", "stays quiet on a beach clean-up for anyone",
			"No experience needed for the beach clean-up on Saturday, just bring gloves."),

		fires("combo.job_contact", "fires on hiring and a manager on Telegram",
			"We are hiring staff for online work, contact our manager on Telegram.", ""),
		quiet("combo.job_contact", "stays quiet on a real job ad with a careers page",
			"We are hiring a customer service representative for our Leeds office. Salary 24,000 GBP a year. Apply with your CV on our careers page."),

		fires("combo.task_deposit", "fires on a combination task and a recharge",
			"Finish your combination task today, then recharge your account to continue.", ""),
		quiet("combo.task_deposit", "stays quiet on a phone company asking for a top-up",
			"Please top up your balance to continue using mobile data this month."),

		fires("combo.task_contact", "fires on commission per task and a move to WhatsApp",
			"You get a commission for each task, message me on WhatsApp to start.", ""),
		quiet("combo.task_contact", "stays quiet on an estate agent's commission",
			"Real estate agents usually get a commission on each sale, around 3 percent here."),

		fires("combo.sextortion", "fires on a webcam video and a threat to send it to friends",
			"I have your video from the webcam. Pay or I will send it to all your friends.", ""),
		quiet("combo.sextortion", "stays quiet on a school play video for the family",
			"I recorded your video at the school play, I'll share it with your family later."),

		fires("combo.threat_payment", "fires on an arrest threat and gift cards",
			"You will be arrested today unless you pay with Apple gift cards.", ""),
		quiet("combo.threat_payment", "stays quiet on a card blocked after a wrong PIN",
			"My bank card was blocked after I typed the wrong PIN three times."),

		fires("combo.impersonation_threat", "fires on a tax department and an arrest warrant",
			"This is the tax department: a warrant for your arrest has been issued.", ""),
		quiet("combo.impersonation_threat", "stays quiet on a tax-return reminder",
			"HMRC reminder: your self assessment tax return is due by 31 January."),

		fires("combo.impersonation_credential", "fires on a charged card and a request for card details",
			"Your card ending 4821 was charged, confirm your card details at the link below.", ""),
		quiet("combo.impersonation_credential", "stays quiet on a bank's promise never to ask for a PIN",
			"We will never ask for your PIN or password, keep them to yourself."),

		fires("combo.prize_premium", "fires on a cash prize and a premium number",
			"You have won a cash prize! Call 09061701461 to claim it.", ""),
		quiet("combo.prize_premium", "stays quiet on a lucky draw with no number to call",
			"Congratulations! You have won a brand new iPhone in our lucky draw."),

		fires("combo.lookalike_abused_tld", "fires on a Discord look-alike on .top",
			"Verify your account at https://dlscord.top/verify", ""),
		quiet("combo.lookalike_abused_tld", "stays quiet on a look-alike on .com",
			"Verify your account at https://paypa1.com/verify"),

		fires("combo.brand_scam_words", "fires on paypalverify.com",
			"Sign in at https://paypalverify.com/", ""),
		quiet("combo.brand_scam_words", "stays quiet on a brand combined with a neutral word",
			"Your parcel is waiting at https://dhl-parcel.com/track"),

		fires("combo.platform_link", "fires on free Nitro at a look-alike domain",
			"Free nitro for everyone at https://dlscord.gift/claim", ""),
		quiet("combo.platform_link", "stays quiet on Nitro on the real discord.com",
			"I bought Nitro, it's on my profile at https://discord.com/nitro"),

		// Other languages, when their phrase files are there.
		fires("contact.move_app", "fires on a French request to move to WhatsApp",
			"Ajoute-moi sur WhatsApp, on parlera plus tranquillement.", "Ajoute-moi sur WhatsApp").inLang("fr"),
		quiet("contact.move_app", "stays quiet on French friends talking about a WhatsApp group",
			"Le groupe WhatsApp de la famille est plein de photos du chat.").inLang("fr"),
		fires("invest.guaranteed", "fires on a Chinese promise of profit without loss",
			"跟着老师做，稳赚不赔，每天都有收益。", "稳赚不赔").inLang("zh"),
		quiet("invest.guaranteed", "stays quiet on Chinese friends saying investing is risky",
			"投资有风险，别把全部积蓄都放进去。").inLang("zh"),
	}
}

// engines gives each row its engine: the shared one, or for a row with a
// deny list an engine of its own with that list, so the shared engine keeps
// empty lists.
type engines struct {
	shared *Engine
	deny   map[string]*Engine
}

func (es *engines) get(t *testing.T, row ruleRow) *Engine {
	t.Helper()
	if len(row.deny) == 0 {
		return es.shared
	}
	key := strings.Join(row.deny, ",")
	if e, ok := es.deny[key]; ok {
		return e
	}
	e := newTestEngine(t)
	e.SetDomainLists(nil, row.deny)
	es.deny[key] = e
	return e
}

// phraseFileExists reports whether the embedded data has phrases/LANG.txt.
func phraseFileExists(lang string) bool {
	_, err := fs.Stat(embedded, "data/phrases/"+lang+".txt")
	return err == nil
}

func TestRuleTable(t *testing.T) {
	es := &engines{shared: newTestEngine(t), deny: map[string]*Engine{}}
	for _, row := range ruleRows() {
		t.Run(row.rule+" "+row.name, func(t *testing.T) {
			if row.lang != "" && !phraseFileExists(row.lang) {
				t.Skipf("no phrases/%s.txt", row.lang)
			}
			checkRuleRow(t, es.get(t, row), row)
		})
	}
}

// checkRuleRow checks one row: the rule is among the signals, with evidence
// that quotes the wanted part of the text, or it is not among them.
func checkRuleRow(t *testing.T, e *Engine, row ruleRow) {
	t.Helper()
	text := row.msg.Text
	if row.quote != "" && !strings.Contains(text, row.quote) {
		t.Fatalf("bad row: quote %q is not in the text %q", row.quote, text)
	}
	v := e.Check(row.msg)
	s, found := signalOf(v, row.rule)
	if !row.fire {
		if found {
			t.Errorf("%s fired on %q with evidence %s; want it quiet (all signals: %s)",
				row.rule, text, quoteSpans(text, s.Evidence), signalIDs(v))
		}
		return
	}
	if !found {
		t.Fatalf("got signals [%s] on %q, want %s among them", signalIDs(v), text, row.rule)
	}
	for _, ev := range s.Evidence {
		if ev.Start < 0 || ev.End > len(text) || ev.Start >= ev.End {
			t.Fatalf("%s evidence %+v is outside the text (%d bytes)", row.rule, ev, len(text))
		}
	}
	if row.quote == "" {
		return
	}
	for _, ev := range s.Evidence {
		if strings.Contains(text[ev.Start:ev.End], row.quote) {
			return
		}
	}
	t.Errorf("%s evidence quotes %s, want one quoting %q", row.rule, quoteSpans(text, s.Evidence), row.quote)
}

func signalOf(v scam.Verdict, rule string) (scam.Signal, bool) {
	for _, s := range v.Signals {
		if s.Rule == rule {
			return s, true
		}
	}
	return scam.Signal{}, false
}

func signalIDs(v scam.Verdict) string {
	ids := make([]string, len(v.Signals))
	for i, s := range v.Signals {
		ids[i] = s.Rule
	}
	return strings.Join(ids, " ")
}

func quoteSpans(text string, spans []scam.Span) string {
	if len(spans) == 0 {
		return "(none)"
	}
	q := make([]string, 0, len(spans))
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
			q = append(q, "(bad span)")
			continue
		}
		q = append(q, `"`+text[sp.Start:sp.End]+`"`)
	}
	return strings.Join(q, " ")
}

// TestRuleTableCoversEveryRule fails when a rule or combo has no English
// row that must fire it, or no look-alike that must leave it quiet: a new
// rule needs both before it ships.
func TestRuleTableCoversEveryRule(t *testing.T) {
	e := newTestEngine(t)
	known := map[string]bool{}
	for _, id := range e.RuleIDs() {
		known[id] = true
	}
	firing, quietRows := map[string]int{}, map[string]int{}
	for _, row := range ruleRows() {
		if !known[row.rule] {
			t.Errorf("row %q names %q, which the engine does not know", row.name, row.rule)
		}
		if row.lang != "" {
			continue
		}
		if row.fire {
			firing[row.rule]++
		} else {
			quietRows[row.rule]++
		}
	}
	var missing []string
	for _, id := range e.RuleIDs() {
		if firing[id] == 0 {
			missing = append(missing, id+" (no row that fires it)")
		}
		if quietRows[id] == 0 {
			missing = append(missing, id+" (no look-alike that must stay quiet)")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("rule table lacks %s: add rows to ruleRows in rules_test.go", m)
	}
}

func TestWholeMessageLevels(t *testing.T) {
	e := newTestEngine(t)
	tests := []struct {
		name     string
		text     string
		min, max scam.Level
	}{
		{"a pig-butchering opener that pivots to guaranteed returns and a TRON address is high",
			"Hi, is this Anna? Sorry, wrong number! You seem kind though. Let's continue on WhatsApp, I rarely check this app. " +
				"My uncle is a professional trader and our platform gives guaranteed returns of 20% a week. " +
				"Start small: send 500 USDT (TRC20) to " + pigButcheringTRON + " and I'll show you how.",
			scam.High, scam.High},
		{"a pig-butchering pivot with a generated TRON address is high",
			"Add me on Telegram and I'll guide you. Guaranteed profit, no risk at all. Deposit USDT to " + testBase58Check(0x41, walletSeq(42, 20)),
			scam.High, scam.High},
		{"a free Nitro message with a discord-nitro-gift.xyz link is at least medium",
			"Free Discord Nitro for 3 months! Grab it before it's gone: https://discord-nitro-gift.xyz/claim",
			scam.Medium, scam.High},
		{"a free Nitro message with a dlscord.gift link is at least medium",
			"hey, someone gifted you nitro, accept it here dlscord.gift/xYz12",
			scam.Medium, scam.High},
		{"a warning that quotes scam words is not high",
			"PSA: scammers are sending fake \"free Nitro\" links and asking for your seed phrase. Never share your seed phrase, block and report them.",
			scam.Low, scam.Medium},
		{"a Russian warning about a safe-account scam is not high",
			"Осторожно, мошенники! Звонят и просят перевести деньги на безопасный счёт. Не переводите деньги и не сообщайте коды.",
			scam.Low, scam.Medium},
		{"a Chinese anti-fraud reminder is not high",
			"防骗提醒：凡是要求转账到安全账户的都是骗子，千万别转账。",
			scam.Low, scam.Medium},
		{"a greeting is low", "Hey, how was your weekend?", scam.Low, scam.Low},
		{"a lunch plan is low", "Are we still on for lunch at 12:30? I can book the table.", scam.Low, scam.Low},
		{"friends talking about investing are low",
			"I put 200 a month into an index fund, it's not exciting but it's steady.", scam.Low, scam.Low},
		{"a tech-help chat is low",
			"Try turning it off and on again, then run Windows update. If it's still slow, send me a screenshot of Task Manager.",
			scam.Low, scam.Low},
		{"a gamer who bought Nitro is low",
			"Just bought Nitro so I could use my emojis everywhere, the server boost is a nice bonus.", scam.Low, scam.Low},
		{"a real discord.com link is low",
			"Our server rules are here: https://discord.com/guidelines", scam.Low, scam.Low},
		{"a genuine delivery notice is low",
			"Your order has shipped and will arrive on Thursday. Track it in the app.", scam.Low, scam.Low},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := e.Check(scam.Message{Text: tt.text})
			if v.Level < tt.min || v.Level > tt.max {
				t.Errorf("got level %s (score %.1f, signals [%s]), want %s to %s",
					v.Level, v.Score, signalIDs(v), tt.min, tt.max)
			}
		})
	}
}
