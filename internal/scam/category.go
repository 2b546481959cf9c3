package scam

// Category names a scam typology (what kind of scam) or a cross-cutting
// family of red flags (how scams in general behave).
type Category string

// The typologies of ../shared/SCAMS.md §6, each a possible primary category.
const (
	Investment    Category = "investment"    // pig-butchering, crypto "investment"
	Romance       Category = "romance"       // romance and friendship scams
	JobLure       Category = "job_lure"      // fake jobs that lure people into compounds
	Task          Category = "task"          // task or "gamified" job scams
	Sextortion    Category = "sextortion"    // threats to share intimate images
	Impersonation Category = "impersonation" // bank, police, tax, delivery, platform staff
	Recovery      Category = "recovery"      // "we can get your money back"
	TechSupport   Category = "tech_support"  // fake support, remote access
	AdvanceFee    Category = "advance_fee"   // prizes, lotteries, loans, inheritances
	PlatformLure  Category = "platform_lure" // free Nitro, Steam gifts, fake staff, QR login
	Phishing      Category = "phishing"      // deceptive links
	MoneyMule     Category = "money_mule"    // renting bank cards, moving "funds" for others
	Gambling      Category = "gambling"      // betting tips, rigged games, casino lures
	AdultLure     Category = "adult_lure"    // explicit-content and escort lures
	PremiumRate   Category = "premium_rate"  // text-to-win, premium numbers and subscriptions
	FraudService  Category = "fraud_service" // sale of personal data, bulk-messaging tools, accounts
	Generic       Category = "generic"       // red flags with no clear typology
)

// The cross-cutting families: they add to the score but name a typology
// only when nothing more specific was found.
const (
	Payment    Category = "payment"    // gift cards, wires, crypto ATMs, USDT
	Contact    Category = "contact"    // move to WhatsApp, Telegram, LINE, "DM me"
	Urgency    Category = "urgency"    // deadlines, "act now"
	Secrecy    Category = "secrecy"    // "don't tell your bank"
	Threat     Category = "threat"     // arrest, suspension, exposure
	Credential Category = "credential" // asks for codes, passwords, seed phrases
	Forwarded  Category = "forwarded"  // facts about where a forward came from
	Context    Category = "context"    // the message warns about scams rather than running one
)

// Typologies lists the categories that can be a verdict's primary category,
// in the order ties are broken.
var Typologies = []Category{
	Sextortion, JobLure, Task, Investment, Recovery, Romance, Impersonation,
	TechSupport, PlatformLure, MoneyMule, AdvanceFee, Phishing, Gambling,
	AdultLure, PremiumRate, FraudService,
}

// IsTypology reports whether c names a kind of scam rather than a family of
// red flags.
func (c Category) IsTypology() bool {
	for _, t := range Typologies {
		if c == t {
			return true
		}
	}
	return false
}

// Known reports whether c is one of the categories above.
func (c Category) Known() bool {
	switch c {
	case Generic, Payment, Contact, Urgency, Secrecy, Threat, Credential, Forwarded, Context:
		return true
	}
	return c.IsTypology()
}
