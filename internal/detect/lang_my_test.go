package detect

import "github.com/scamwarn/scamwarn/internal/scam"

// Burmese (standard Unicode): messages written for the project in the style
// of Myanmar SMS, Viber, Telegram and Facebook chat; none is taken from a
// data set. Phone numbers are left out: a Myanmar mobile number (09 and
// nine digits) is read as a premium-rate number by the number rules.
func init() {
	langTables["my"] = []langRow{
		// Pig-butchering and crypto "investment".
		scamRow(scam.Investment, "mentor signals, daily returns, guaranteed profit, Telegram group",
			"မင်္ဂလာပါ။ ကျွန်မရဲ့ ဆရာက signal ပေးတဲ့အတိုင်း USDT trading လုပ်ရင် နေ့စဉ် အမြတ် ၂၀ ရာခိုင်နှုန်း ရပါတယ်၊ အမြတ်အာမခံပါတယ်။ ကျွန်မတို့ရဲ့ Telegram group ထဲကို ဝင်ပါ"),
		scamRow(scam.Investment, "testimonial of a withdrawal thanks to the mentor",
			"ဆရာ့ကျေးဇူးကြောင့် ဒီနေ့ အမြတ်ငွေ ဒေါ်လာ ၁၂၀၀ ထုတ်ယူပြီးပါပြီ။ ဒီ platform က တကယ် စိတ်ချရပါတယ်၊ မယုံရင် screenshot ပြမယ်။"),
		scamRow(scam.Investment, "frozen account, tax before withdrawal",
			"လူကြီးမင်းရဲ့ အကောင့်ကို အေးခဲထားပါသည်။ ငွေထုတ်ရန် အခွန် ၁၅ ရာခိုင်နှုန်းကို ၂၄ နာရီအတွင်း အရင်ပေးချေရပါမည်။"),
		hamRow(scam.Investment, "bank's genuine savings rate",
			"KBZ Bank - ငွေစုစာရင်း အတိုးနှုန်း တစ်နှစ်လျှင် ၇.၂၅% ရရှိနိုင်ပါသည်။ အနီးဆုံးဘဏ်ခွဲသို့ လာရောက်ဆက်သွယ်နိုင်ပါသည်။"),
		hamRow(scam.Investment, "friends talking about gold",
			"ရွှေဈေး တက်နေတယ်၊ နည်းနည်းဝယ်ထားရင် ကောင်းမလား။"),
		hamRow(scam.Investment, "warning about fake mentors",
			"လိမ်လည်မှုကို သတိထားကြပါ။ Telegram မှာ ဆရာလို့ ခေါ်ပြီး နေ့စဉ်အမြတ် ၁၀% ပေးမယ်ဆိုတဲ့သူတွေ အများကြီးပဲ။"),

		// Romance.
		scamRow(scam.Romance, "gift parcel held at customs, pay by KBZPay",
			"ချစ်လေး၊ ကိုယ်ပို့လိုက်တဲ့ လက်ဆောင်ပါဆယ်ကို အကောက်ခွန်က ထိန်းထားတယ်။ အခွန်ဆောင်ဖို့ ဒေါ်လာ ၄၀၀ လိုတယ်၊ KBZPay နဲ့ လွှဲပေးပါလား။"),
		scamRow(scam.Romance, "UN doctor on a ship needs a ticket",
			"ကိုယ်က ကုလသမဂ္ဂ ဆရာဝန်တစ်ယောက်ပါ၊ သင်္ဘောပေါ်မှာ တာဝန်ထမ်းနေတယ်။ ညီမဆီ လာတွေ့ဖို့ လေယာဉ်လက်မှတ်ဖိုး ချေးပါဦး၊ ကိုယ့်ဘဏ်အကောင့် အေးခဲထားလို့ပါ။"),
		scamRow(scam.Romance, "wrong-number opener moving to Viber",
			"ဆောရီးနော်၊ နံပါတ်မှားပို့မိလို့။ ဒါပေမယ့် သိခွင့်ရတာ ဝမ်းသာပါတယ်၊ Viber မှာ ဆက်ပြောရအောင်လား။"),
		hamRow(scam.Romance, "couple planning dinner",
			"ချစ်လေး ဒီည ထမင်းအတူစားရအောင်နော်၊ ကိုယ် ရုံးဆင်းရင် လာကြိုမယ်။"),
		hamRow(scam.Romance, "friend asks for a small KPay transfer",
			"အစ်မ၊ ပိုက်ဆံအိတ် အိမ်မှာကျန်ခဲ့လို့ KPay နဲ့ ငါးထောင် လွှဲပေးပါလား၊ ညနေ ပြန်ပေးမယ်။"),
		hamRow(scam.Romance, "warning about fake soldiers",
			"လိမ်လည်မှုကို သတိထားကြပါ၊ အမေရိကန်စစ်သားလို့ပြောပြီး လက်ဆောင်ပါဆယ် အကောက်ခွန်မှာ ပိတ်မိနေတယ်ဆိုပြီး ငွေတောင်းတတ်ပါတယ်။"),

		// Job lures into scam compounds.
		scamRow(scam.JobLure, "Myawaddy online company, high pay, no experience, visa paid",
			"မြဝတီမှာ Online ကုမ္ပဏီအလုပ် ခေါ်နေပါတယ်။ လစာ ဒေါ်လာ ၁၅၀၀၊ အတွေ့အကြုံ မလိုပါ၊ ပညာအရည်အချင်း မလိုပါ။ လေယာဉ်လက်မှတ်နဲ့ ဗီဇာကို ကုမ္ပဏီက ကျခံပေးပါမယ်။"),
		scamRow(scam.JobLure, "KK Park chat job, work visa later, passport kept",
			"KK Park က တရုတ်ကုမ္ပဏီမှာ ချက်ထိုးဝန်ထမ်း လိုအပ်ပါတယ်။ ရောက်မှ အလုပ်ဗီဇာ ပြောင်းပေးမယ်၊ ပတ်စပို့ကို ကုမ္ပဏီက သိမ်းထားပါမယ်။"),
		scamRow(scam.JobLure, "online company at the Thai border, pickup at the border",
			"ထိုင်းမြန်မာနယ်စပ်ဘက်က အွန်လိုင်းကုမ္ပဏီမှာ အလုပ်လုပ်ချင်သူများ ဆက်သွယ်ပါ။ လစာကောင်းပြီး အလုပ်သက်သာပါတယ်၊ နယ်စပ်မှာ ကားလာကြိုပေးမယ်။"),
		hamRow(scam.JobLure, "real accountant job ad",
			"ABC ကုမ္ပဏီတွင် စာရင်းကိုင် (၁) ဦး ခေါ်ယူပါမည်။ B.Com ဘွဲ့ရ၊ အတွေ့အကြုံ ၂ နှစ်ရှိရမည်။ CV ကို hr@abc.com.mm သို့ ပေးပို့ပါ။"),
		hamRow(scam.JobLure, "licensed MOU agency for Thai factories",
			"MOU စနစ်ဖြင့် ထိုင်းနိုင်ငံ စက်ရုံအလုပ်များ၊ အလုပ်သမားဝန်ကြီးဌာန ခွင့်ပြုချက်ရ အေဂျင်စီ။ ပတ်စပို့နှင့် အလုပ်ဗီဇာ တရားဝင် လုပ်ဆောင်ပေးပါသည်။"),
		hamRow(scam.JobLure, "restaurant in Myawaddy town hiring waiters",
			"မြဝတီမြို့ထဲက စားသောက်ဆိုင်မှာ စားပွဲထိုး ၂ ယောက် လိုပါတယ်။ နေစရာ စားစရာ ပါပါတယ်၊ ဆိုင်ကို တိုက်ရိုက်လာမေးပါ။"),

		// Task scams.
		scamRow(scam.Task, "paid likes per video, instant commission, Telegram group",
			"TikTok ဗီဒီယိုတွေကို Like နှိပ်ရုံနဲ့ တစ်ခုကို ၃၀၀၀ ကျပ် ရမယ်။ ကော်မရှင် ချက်ချင်းထုတ်လို့ရတယ်၊ Telegram group ထဲဝင်ပါ။"),
		scamRow(scam.Task, "combination order needs a top-up",
			"ပေါင်းစပ်အော်ဒါ ရပါပြီ။ ငွေ ၅ သိန်း ဖြည့်ပြီးမှ ကော်မရှင် ထုတ်လို့ရမယ်၊ အော်ဒါဆက်လုပ်ဖို့ ငွေဖြည့်ပေးပါ။"),
		scamRow(scam.Task, "hotel reviews for pay, prepaid tasks",
			"ဟိုတယ်တွေကို review ပေးရုံနဲ့ တစ်ရက် ကျပ် ၅၀၀၀၀ ဝင်ငွေရမယ်။ ကြိုတင်ငွေသွင်း Task တွေလည်း ရှိပါတယ်။"),
		hamRow(scam.Task, "sister asks to like her snack shop page",
			"ညီမရေ၊ အစ်မရဲ့ မုန့်ဆိုင် Page လေးကို Like လေး နှိပ်ပေးပါဦး၊ ကျေးဇူးပါ။"),
		hamRow(scam.Task, "hotel asks a guest for a review",
			"ကျွန်တော်တို့ ဟိုတယ်မှာ တည်းခိုပေးတဲ့အတွက် ကျေးဇူးတင်ပါတယ်။ Google မှာ review လေး ရေးပေးပါ။"),
		hamRow(scam.Task, "warning about paid-like jobs",
			"Like နှိပ်ရုံနဲ့ ငွေရမယ်ဆိုတဲ့ Task အလုပ်တွေဟာ လိမ်လည်မှုတွေပါ၊ ငွေမလွှဲပါနဲ့။"),

		// Sextortion.
		scamRow(scam.Sextortion, "nude video, deadline, threat to spread to family",
			"မင်းရဲ့ ကိုယ်လုံးတီး ဗီဒီယိုတွေ ငါ့ဆီမှာ ရှိတယ်။ ၂၄ နာရီအတွင်း ဒေါ်လာ ၅၀၀ မလွှဲရင် မင်းရဲ့ မိသားစုနဲ့ သူငယ်ချင်းတွေဆီ ဖြန့်ပစ်မယ်။"),
		scamRow(scam.Sextortion, "loan app threatens to shame a borrower",
			"ချေးငွေ ပြန်မဆပ်ရင် ငါတို့ဆီမှာ မင်းရဲ့ အဝတ်မပါတဲ့ပုံတွေ ရှိတယ်၊ Facebook ပေါ်မှာ တင်ပြီး အရှက်ခွဲမယ်။"),
		scamRow(scam.Sextortion, "recorded video call",
			"Video call ပြောတုန်းက Record ဖမ်းထားတယ်။ ငွေမပို့ရင် ဗီဒီယိုကို မင်းသူငယ်ချင်းတွေဆီ ဖြန့်မယ်။"),
		hamRow(scam.Sextortion, "partner asks for beach photos",
			"ချစ်လေး ငပလီမှာ ရိုက်ထားတဲ့ ဓာတ်ပုံတွေ ပို့ပေးပါဦး၊ Facebook မှာ တင်ချင်လို့။"),
		hamRow(scam.Sextortion, "advice to a sextortion victim",
			"သတိထားပါ၊ ကိုယ်လုံးတီးဗီဒီယိုရှိတယ်လို့ ခြိမ်းခြောက်ပြီး ငွေတောင်းရင် ငွေမလွှဲပါနဲ့၊ ရဲကို တိုင်ကြားပါ။"),
		hamRow(scam.Sextortion, "parent warns a son",
			"သားလေး၊ မသိတဲ့သူတွေကို ကိုယ့်ပုံတွေ မပို့ပါနဲ့နော်။"),

		// Impersonation: bank, police, delivery, tax.
		scamRow(scam.Impersonation, "fake KBZPay suspicious transfer with a link",
			"KBZPay - လူကြီးမင်း၏ အကောင့်တွင် သံသယဖြစ်ဖွယ် ငွေလွှဲမှုကို တွေ့ရှိသဖြင့် ယာယီပိတ်ထားပါသည်။ အောက်ပါလင့်ခ်ကို နှိပ်၍ အတည်ပြုပါ: http://kbzpay-verify.top"),
		scamRow(scam.Impersonation, "fake cyber police, money laundering, safe account",
			"မြန်မာနိုင်ငံရဲတပ်ဖွဲ့မှ ဆက်သွယ်ခြင်းဖြစ်ပါသည်။ လူကြီးမင်း၏ ဖုန်းနံပါတ်ကို ငွေမည်းခဝါချမှုတွင် အသုံးပြုထားသဖြင့် လူကြီးမင်း ဖမ်းဆီးခံရမည်။ ငွေအားလုံးကို လုံခြုံသော အစိုးရအကောင့်သို့ လွှဲပါ၊ ဒီအမှုကို လျှို့ဝှက်ထားပါ။"),
		scamRow(scam.Impersonation, "fake Myanmar Post address update",
			"Myanmar Post: သင့်ပါဆယ်ကို လိပ်စာမပြည့်စုံသဖြင့် ပို့ဆောင်၍မရပါ။ လိပ်စာကို ပြင်ဆင်ရန် လင့်ခ်: https://mmpost-track.cc"),
		scamRow(scam.Impersonation, "fake tax refund asking for a card number",
			"ပြည်တွင်းအခွန်များဦးစီးဌာန - လူကြီးမင်းသည် အခွန်ပြန်အမ်းငွေ ရရှိရန် အကျုံးဝင်ပါသည်။ ကတ်နံပါတ်ကို ဖြည့်ပါ၊ အောက်ပါလင့်တွင်။"),
		hamRow(scam.Impersonation, "genuine KBZPay credit notice",
			"KBZPay - သင့်အကောင့်သို့ ၅၀,၀၀၀ ကျပ် ဝင်ရောက်ပါသည်။ လက်ကျန်ငွေ ၁၂၀,၀၀၀ ကျပ်။"),
		hamRow(scam.Impersonation, "genuine courier notice",
			"Royal Express - သင့်ပါဆယ် (RX123456) ကို ယနေ့ ပို့ဆောင်ပေးပါမည်။ ပို့ဆောင်သူမှ ဖုန်းဆက်ပါမည်။"),
		hamRow(scam.Impersonation, "bank warning about OTP",
			"AYA Bank အနေဖြင့် OTP နှင့် PIN နံပါတ်ကို ဘယ်တော့မှ မတောင်းပါ။ မည်သူ့ကိုမျှ OTP မပေးပါနှင့်။"),
		hamRow(scam.Impersonation, "news of a police arrest",
			"ရဲတပ်ဖွဲ့က အွန်လိုင်းငွေလိမ်ဂိုဏ်း ၅ ဦးကို ရန်ကုန်မှာ ဖမ်းဆီးလိုက်ပါတယ်။"),

		// Recovery scams.
		scamRow(scam.Recovery, "offer to get scammed money back",
			"အွန်လိုင်းမှာ လိမ်ခံထားရတဲ့ ငွေတွေကို ပြန်ရအောင် ကျွန်တော်တို့ ကူညီပေးနိုင်ပါတယ်။ ၁၀၀% ပြန်ရပါမယ်၊ Telegram မှာ ဆက်ပြောရအောင်။"),
		scamRow(scam.Recovery, "recovery service with lawyers and hackers",
			"ငွေပြန်လည်ရယူရေး ဝန်ဆောင်မှု - ရှေ့နေနဲ့ ဟက်ကာ ကျွမ်းကျင်သူများက crypto လိမ်ခံရတဲ့ ငွေကို ပြန်ထုတ်ပေးပါတယ်။"),
		scamRow(scam.Recovery, "fake cyber police officer asks a fee first",
			"ကျွန်တော်က ဆိုက်ဘာရဲအရာရှိပါ။ လိမ်ခံရတဲ့ ငွေကို ပြန်ရအောင် လုပ်ပေးမယ်၊ ဒါပေမယ့် ဝန်ဆောင်ခ အရင်ပေးရပါမယ်။"),
		hamRow(scam.Recovery, "bank returns a wrong charge",
			"ဘဏ်က မှားဖြတ်ထားတဲ့ ၁၀,၀၀၀ ကျပ်ကို အကောင့်ထဲ ပြန်ထည့်ပေးလိုက်ပါပြီ။"),
		hamRow(scam.Recovery, "warning about recovery scams",
			"သတိထားကြပါ၊ လိမ်ခံရတဲ့ ငွေကို ပြန်ရအောင် ကူညီမယ်ဆိုသူတွေကလည်း ငွေလိမ်တွေပါပဲ။ ရဲကိုသာ တိုင်ကြားပါ။"),
		hamRow(scam.Recovery, "shop refund",
			"ဆိုင်က ပစ္စည်းပျက်နေလို့ ငွေပြန်အမ်းပေးလိုက်ပြီ။"),

		// Tech support.
		scamRow(scam.TechSupport, "virus warning urging a download",
			"သတိပေးချက်! သင့်ဖုန်းထဲမှာ ဗိုင်းရပ်စ် ၃ ခု တွေ့ရှိပါသည်။ ချက်ချင်း ဖယ်ရှားရန် ဒီ App ကို ဒေါင်းလုဒ်ဆွဲပါ။"),
		scamRow(scam.TechSupport, "fake bank IT asks for AnyDesk",
			"ကျွန်တော် KBZ Bank IT ဌာနကပါ။ ဘဏ် App ပြဿနာဖြေရှင်းဖို့ AnyDesk ကို install လုပ်ပေးပါ။"),
		scamRow(scam.TechSupport, "fake Microsoft hack alert",
			"Microsoft: သင်၏ကွန်ပျူတာကို ဟက်ခံထားရပါသည်။ ကွန်ပျူတာကို မပိတ်ပါနှင့်၊ အကူအညီဌာနကို ချက်ချင်းဖုန်းဆက်ပါ။"),
		hamRow(scam.TechSupport, "phone repair shop advert",
			"ဖုန်းပြင်ဆိုင် - ဖန်သားပြင်လဲ၊ ဘက်ထရီလဲ၊ ဗိုင်းရပ်စ်ရှင်းပေးပါသည်။ ဈေးနှုန်းသက်သာ။"),
		hamRow(scam.TechSupport, "friend with a slow computer",
			"ကွန်ပျူတာ အရမ်းနှေးနေတယ်၊ ဗိုင်းရပ်စ်ဝင်နေတာလား မသိဘူး။ ပြင်တဲ့ဆိုင် ကောင်းကောင်း သိလား။"),
		hamRow(scam.TechSupport, "warning about fake support calls",
			"Microsoft နဲ့ ဘဏ်တွေက ဖုန်းဆက်ပြီး AnyDesk ထည့်ခိုင်းတာ ဘယ်တော့မှ မလုပ်ပါ။ မယုံပါနဲ့။"),

		// Prizes, advance fees, loans, inheritances.
		scamRow(scam.AdvanceFee, "phone number won a motorbike, tax first",
			"ဂုဏ်ယူပါတယ်! လူကြီးမင်း၏ ဖုန်းနံပါတ်သည် ကံထူးရှင်အဖြစ် ရွေးချယ်ခံရပြီး ဆိုင်ကယ်တစ်စီး ဆုရရှိပါသည်။ ဆုထုတ်ယူရန် အခွန် ၅၀,၀၀၀ ကျပ် ကြိုတင်ပေးချေပါ။"),
		scamRow(scam.AdvanceFee, "easy loan, fee before disbursement",
			"ချေးငွေ အလွယ်တကူ ရယူပါ၊ ပေါင်နှံစရာမလိုပါ၊ မှတ်ပုံတင်တစ်ခုတည်းနဲ့ ချေးနိုင်ပါတယ်။ လုပ်ငန်းစဉ်ကြေးကို အရင်ပေးပြီးမှ ချေးငွေ ထုတ်ပေးပါမယ်။"),
		scamRow(scam.AdvanceFee, "lawyer with an unclaimed fortune",
			"ကျွန်ုပ်သည် ကွယ်လွန်သူ သူဌေးကြီး၏ ရှေ့နေဖြစ်ပါသည်။ အမွေဆက်ခံသူမရှိသော ရန်ပုံငွေ ဒေါ်လာ သန်း ၅ ကို သင့်ထံ လွှဲပေးလိုပါသည်။"),
		hamRow(scam.AdvanceFee, "genuine data bonus from a telco",
			"Mytel - ဂုဏ်ယူပါသည်! ဖုန်းငွေ ၃၀၀၀ ကျပ်ဖြည့်သဖြင့် 1GB ဒေတာ အခမဲ့ ရရှိပါသည်။"),
		hamRow(scam.AdvanceFee, "genuine loan office requirements",
			"ရန်ကုန်ရှိ ငွေရေးကြေးရေးလုပ်ငန်း - ချေးငွေလျှောက်ရန် မှတ်ပုံတင်၊ အိမ်ထောင်စုစာရင်း၊ လစာစာရွက် ယူလာပါ။"),
		hamRow(scam.AdvanceFee, "congratulating a sister on her exam",
			"ညီမလေး စာမေးပွဲ ဂုဏ်ထူးနဲ့ အောင်တာ ဂုဏ်ယူပါတယ်!"),

		// Discord and Telegram lures.
		scamRow(scam.PlatformLure, "I reported your account by mistake",
			"ဟိုင်း၊ ဆောရီးနော် ကျွန်တော် ခင်ဗျားအကောင့်ကို Report လုပ်မိသွားတယ်။ Discord staff ကို ချက်ချင်းဆက်သွယ်ပါ၊ မဟုတ်ရင် အကောင့် ban ခံရမယ်။"),
		scamRow(scam.PlatformLure, "free Nitro link",
			"🎁 Discord Nitro အခမဲ့ ၃ လ! အောက်ပါလင့်ခ်ကို နှိပ်ပြီး ရယူပါ: https://discord-gift.ru/nitro"),
		scamRow(scam.PlatformLure, "airdrop, connect wallet, scan QR to log in",
			"Airdrop စတင်ပါပြီ! Wallet ကို ချိတ်ဆက်ပြီး ရယူပါ။ QR ကုဒ်ကို စကင်ဖတ်ပြီး အကောင့်ဝင်ပါ။"),
		hamRow(scam.PlatformLure, "asking the price of Nitro",
			"Discord Nitro တစ်လ ဘယ်လောက်ကျလဲ? ညီလေးကို လက်ဆောင်ဝယ်ပေးချင်လို့။"),
		hamRow(scam.PlatformLure, "friends planning a game",
			"ဒီည Mobile Legends အတူဆော့မလား? Skin အသစ်ဝယ်ထားတယ်။"),
		hamRow(scam.PlatformLure, "shop asks to scan KBZPay QR to pay",
			"ငွေချေရန် KBZPay QR ကို စကင်ဖတ်ပါ၊ စုစုပေါင်း ၁၅,၀၀၀ ကျပ်ပါ။"),

		// Money mules.
		scamRow(scam.MoneyMule, "buying KBZPay and WavePay accounts",
			"KBZPay နဲ့ WavePay အကောင့် ဝယ်မယ်၊ တစ်ကောင့်ကို ၅ သိန်းပေးမယ်။ Telegram ID ပေးပါ။"),
		scamRow(scam.MoneyMule, "rent your bank account for a monthly fee",
			"ဘဏ်အကောင့် ငှားပေးရင် လစဉ် ၃ သိန်း ပေးမယ်၊ ငွေလက်ခံပေးရုံနဲ့ ကော်မရှင် ရမယ်။"),
		scamRow(scam.MoneyMule, "rent your AYA Pay account",
			"မင်းရဲ့ AYA Pay အကောင့် ငှားမလား? တစ်လကို ၂ သိန်း ပေးမယ်။"),
		hamRow(scam.MoneyMule, "genuine KBZPay sign-up ad",
			"KBZPay အကောင့်ကို မှတ်ပုံတင်တစ်ခုနဲ့ ၅ မိနစ်အတွင်း ဖွင့်နိုင်ပါပြီ။"),
		hamRow(scam.MoneyMule, "warning not to rent accounts",
			"ဘဏ်အကောင့်ကို သူများကို မငှားပါနဲ့၊ ငွေမည်းခဝါချမှုမှာ ပါဝင်သွားနိုင်ပါတယ်။"),
		hamRow(scam.MoneyMule, "son tells mother about school fees",
			"အမေ၊ ကျောင်းလခကို အမေ့ KBZPay ကို လွှဲလိုက်ပြီနော်။"),
	}
}
