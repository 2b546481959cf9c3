package detect

import "github.com/scamwarn/scamwarn/internal/scam"

// Malay (Malaysia): messages written for the project in the style of
// Malaysian SMS, WhatsApp and Telegram chats, with the usual English mixed
// in. Names, numbers and sums are made up.
func init() {
	langTables["ms"] = []langRow{
		// Pig-butchering and crypto "investment".
		scamRow(scam.Investment, "sifu offers guaranteed returns and moves to Telegram",
			"Salam, saya Sifu Daniel. Pelaburan kripto kami pulangan dijamin, untung harian sampai 5 peratus. Jom sembang kat Telegram, saya boleh bimbing awak trading."),
		scamRow(scam.Investment, "withdrawal blocked until a fee is paid",
			"Puan, akaun anda dibekukan sehingga cukai dibayar. Sila bayar cukai 15% dahulu untuk keluarkan keuntungan anda hari ini."),
		scamRow(scam.Investment, "double your savings, no risk",
			"Gandakan duit anda dalam masa seminggu! Pelaburan tanpa risiko, confirm untung. Ramai dah withdraw keuntungan, PM saya untuk info."),
		hamRow(scam.Investment, "friends discussing ASB",
			"Kau dah top up ASB bulan ni? Dividen tahun lepas ok la, aku masukkan sikit-sikit je tiap bulan."),
		hamRow(scam.Investment, "warning about a fake crypto group",
			"Hati-hati dengan group Telegram pelaburan kripto yang janji cepat kaya tu. Ini penipuan, pakcik aku hilang RM80 ribu."),
		hamRow(scam.Investment, "asking about unit trusts at a bank",
			"Ada sesiapa pernah ambil unit amanah dekat Public Bank? Pegawai tu cakap ada risiko tapi jangka panjang ok."),

		// Romance.
		scamRow(scam.Romance, "gift held at customs, pay the fee",
			"Sayang, saya dah jatuh cinta dengan awak. Hadiah untuk awak tertahan di kastam, kena bayar cukai kastam untuk hadiah tu RM3,500. Tolong bank in dulu ya."),
		scamRow(scam.Romance, "soldier persona needs a ticket",
			"Saya tentera Amerika bertugas di Syria, seorang duda dengan seorang anak. Saya perlukan duit untuk tiket kapal terbang untuk datang jumpa awak di Malaysia."),
		scamRow(scam.Romance, "son in the lock-up, money to settle",
			"Makcik, anak makcik kemalangan dan ditahan polis sekarang. Perlukan duit ikat jamin RM5,000 segera. Jangan beritahu polis, nanti kes jadi besar."),
		hamRow(scam.Romance, "couple chatting",
			"Sayang, i dah sampai office. Nanti lunch kita makan nasi kandar dekat bawah ok?"),
		hamRow(scam.Romance, "friend warns about a dating-app match",
			"Weh, lelaki yang kau kenal kat Tinder tu dah minta duit ke? Hati-hati dengan penipu cinta, jangan bank in apa-apa."),
		hamRow(scam.Romance, "sister sends a parcel",
			"Kak, parcel kuih raya dah pos guna Pos Laju tadi. Esok lusa sampai la tu."),

		// Fake jobs that lure people into scam compounds.
		scamRow(scam.JobLure, "Cambodia customer service, free flight, tourist visa",
			"Kerja kosong di Kemboja! Customer service online, gaji lumayan, tiada pengalaman pun boleh. Tiket kapal terbang percuma, makan dan penginapan ditanggung. Pergi sebagai pelancong dulu, visa kerja akan diuruskan di sana."),
		scamRow(scam.JobLure, "passport kept by the employer, WhatsApp recruiter",
			"Jawatan jurutaip online dengan syarikat luar negara. Syarikat tanggung tiket. Pasport anda akan disimpan oleh syarikat selepas sampai. Whatsapp saya untuk info lanjut."),
		scamRow(scam.JobLure, "Myanmar job, tell immigration you are on holiday",
			"Peluang kerja di Myanmar, jurutaip dari rumah bukan, tapi kerja ofis. Gaji lumayan. Kat airport bagitahu imigresen awak nak pergi bercuti je, bos tanggung tiket flight."),
		hamRow(scam.JobLure, "real job ad",
			"Jawatan kosong: Pembantu Akaun di Shah Alam. Kelayakan Diploma Perakaunan, 2 tahun pengalaman. Hantar resume ke hr@syarikat.com.my sebelum 30 Jun."),
		hamRow(scam.JobLure, "Wisma Putra warning",
			"Awas dengan tawaran kerja di Kemboja dan Myanmar yang diiklankan di media sosial. Ini penipuan, ramai rakyat Malaysia jadi mangsa pemerdagangan orang."),
		hamRow(scam.JobLure, "friend planning a trip",
			"Cuti sekolah nanti kita pergi Bangkok jom, tiket AirAsia tengah murah."),

		// Task scams.
		scamRow(scam.Task, "paid YouTube likes, WhatsApp recruiter",
			"Hai! Kerja sambilan: like video YouTube dan dapat bayaran RM15 setiap like. Hubungi saya di WhatsApp untuk mula hari ini."),
		scamRow(scam.Task, "prepaid task needs a top-up",
			"Tahniah, anda dapat tugasan gabungan. Top up RM800 dahulu untuk teruskan tugasan dan keluarkan komisen anda."),
		scamRow(scam.Task, "hotel rating mission with commission",
			"Tugasan rating hotel di Google Maps, komisen untuk setiap ulasan. Hantar screenshot kepada receptionist selepas siap."),
		hamRow(scam.Task, "friend asks for likes on a contest",
			"Tolong like gambar aku dalam pertandingan tu, yang paling banyak like menang hamper."),
		hamRow(scam.Task, "real seller asks for a review",
			"Terima kasih beli dengan kami! Jangan lupa bagi review kat Shopee ya, sangat membantu kedai kecil kami."),
		hamRow(scam.Task, "warning about like-and-earn jobs",
			"Jangan layan mesej kerja like video dapat duit tu. Ini scam, mula-mula bayar sikit lepas tu suruh top up."),

		// Sextortion.
		scamRow(scam.Sextortion, "recorded video call, threat to send to family",
			"Aku ada rakaman video call kau tadi. Bayar RM2,000 atau aku sebarkan video kau kepada semua keluarga dan kawan kau."),
		scamRow(scam.Sextortion, "nude pictures and a threat to ruin life",
			"Saya simpan gambar bogel awak. Semua kawan awak akan tengok kalau awak tak bank in sekarang. Saya musnahkan hidup awak."),
		scamRow(scam.Sextortion, "threat to send pictures to the spouse",
			"Gambar lucah kau ni aku hantar kepada isteri dan majikan kau kalau tak bayar dalam 1 jam."),
		hamRow(scam.Sextortion, "friend sharing wedding photos",
			"Aku dah hantar gambar kenduri semalam dalam group, cantik-cantik semua."),
		hamRow(scam.Sextortion, "advice to a victim",
			"Jangan bayar apa-apa. Simpan semua bukti, block akaun tu dan laporkan kepada polis. Ini bukan salah awak."),
		hamRow(scam.Sextortion, "missing child appeal",
			"Tolong tularkan gambar adik ni, hilang sejak semalam di Kajang. Sesiapa nampak hubungi balai polis terdekat."),

		// Impersonation: banks, couriers, police, family.
		scamRow(scam.Impersonation, "fake Maybank block with a link",
			"Maybank: Akaun anda telah disekat kerana aktiviti luar biasa. Klik pautan untuk mengesahkan akaun anda dalam masa 24 jam: maybank2u-sahkan.com"),
		scamRow(scam.Impersonation, "parcel held, pay a fee",
			"Pos Malaysia: Bungkusan anda ditahan di gudang kerana alamat tidak lengkap. Bayar caj penghantaran semula RM2.50 di pautan: posmy-parcel.top"),
		scamRow(scam.Impersonation, "Macau scam: police, money laundering, safe account",
			"Saya Inspektor Lim dari Bukit Aman. Akaun bank puan telah digunakan dalam pengubahan wang haram. Pindahkan semua simpanan ke akaun selamat Bank Negara. Kes ini sulit, jangan beritahu pihak bank."),
		scamRow(scam.Impersonation, "child with a new number",
			"Mak, ni adik. Fon rosak, ni nombor baru adik. Boleh tolong bank in RM300 dulu?"),
		hamRow(scam.Impersonation, "genuine bank TAC",
			"RM0 Maybank: TAC anda ialah 482913 untuk pemindahan ke CIMB. JANGAN kongsi TAC ini dengan sesiapa."),
		hamRow(scam.Impersonation, "genuine delivery notice",
			"J&T Express: Parcel anda akan dihantar hari ini oleh penghantar kami. Terima kasih."),
		hamRow(scam.Impersonation, "warning about Macau scam calls",
			"Hati-hati dengan panggilan kononnya dari polis atau LHDN. Ini macau scam, letak telefon dan laporkan kepada NSRC 997."),

		// Recovery scams.
		scamRow(scam.Recovery, "recovery firm offers to get money back",
			"Anda mangsa scam pelaburan? Kami boleh bantu anda dapatkan semula wang yang hilang. Hubungi peguam kami di WhatsApp."),
		scamRow(scam.Recovery, "hacker recovery service",
			"Perkhidmatan pemulihan dana kripto. Kami boleh pulihkan duit anda dalam 48 jam, bayar yuran proses dahulu."),
		hamRow(scam.Recovery, "victim asks for help",
			"Aku kena tipu beli barang online, dah bayar RM450. Ada cara nak dapat balik duit tak?"),
		hamRow(scam.Recovery, "NSRC advice",
			"Jika ditipu, segera hubungi NSRC di 997 dan bank anda. Awas dengan pihak yang tawar bantuan dapatkan semula wang dengan bayaran."),
		scamRow(scam.Recovery, "agent promises to recover investment losses",
			"Kami boleh bantu dapatkan semula wang anda yang kena tipu dalam pelaburan. Peguam kami dah pulihkan jutaan ringgit, pm tepi untuk info."),
		hamRow(scam.Recovery, "friend got a refund from the seller",
			"Alhamdulillah seller tu dah refund duit aku, rupanya barang habis stok."),

		// Fake tech support.
		scamRow(scam.TechSupport, "phone infected, install AnyDesk",
			"Amaran! Telefon anda telah dijangkiti virus. Muat turun AnyDesk supaya juruteknik kami boleh buang virus tersebut."),
		scamRow(scam.TechSupport, "malware detected, call support",
			"Virus dikesan pada komputer anda. Hubungi sokongan teknikal Microsoft segera di 1800-88-1234 sebelum data anda hilang."),
		hamRow(scam.TechSupport, "coworker asks IT for help",
			"Bro, laptop aku hang lagi. Boleh minta IT tengokkan lepas lunch?"),
		hamRow(scam.TechSupport, "friend suggests cleaning the phone",
			"Fon kau banyak iklan pelik tu mungkin ada app tak elok. Uninstall yang kau tak kenal."),
		scamRow(scam.TechSupport, "virus warning with remote access",
			"Telefon anda dijangkiti virus! Pasang AnyDesk supaya juruteknik kami boleh bantu buang virus tu sekarang."),
		hamRow(scam.TechSupport, "real IT notice",
			"Makluman daripada jabatan IT: sistem emel syarikat akan diselenggara malam ini kerana kerja naik taraf, dari pukul 11 malam hingga 2 pagi. Harap maklum."),

		// Advance fees: prizes, loans, inheritances.
		scamRow(scam.AdvanceFee, "lucky draw win, pay a fee first",
			"Tahniah! Nombor anda telah memenangi hadiah wang tunai RM10,000 dalam cabutan bertuah. Bayar dulu yuran proses hadiah untuk tuntut hadiah anda."),
		scamRow(scam.AdvanceFee, "easy loan, fee before release",
			"Pinjaman peribadi tanpa penjamin, blacklist pun boleh! Lulus dalam masa 1 jam. Pinjaman akan dikeluarkan selepas bayar duti setem."),
		scamRow(scam.AdvanceFee, "inheritance for the sole heir",
			"Anda adalah penerima tunggal kepada dana pusaka bernilai USD2.5 juta. Yuran guaman perlu dibayar dahulu sebelum pemindahan."),
		hamRow(scam.AdvanceFee, "office lucky draw result",
			"Tahniah Aina menang peti ais masa cabutan bertuah dinner syarikat semalam!"),
		hamRow(scam.AdvanceFee, "asking about a housing loan",
			"Ada sesiapa apply loan rumah dengan Bank Rakyat? Berapa lama nak lulus?"),
		hamRow(scam.AdvanceFee, "real shop voucher",
			"Terima kasih kerana membeli-belah. Tunjukkan resit ini untuk diskaun 10% pada pembelian seterusnya."),

		// Discord and Telegram lures.
		scamRow(scam.PlatformLure, "accidental report, contact Discord staff",
			"Bro sorry, aku tak sengaja report akaun kau. Hubungi staff Discord segera supaya akaun kau tak kena ban."),
		scamRow(scam.PlatformLure, "free Nitro with a link",
			"Nitro percuma untuk semua member server! Tuntut sekarang: discord-hadiah.vercel.app"),
		scamRow(scam.PlatformLure, "scan QR to verify",
			"Admin server ni. Imbas kod QR ini untuk sahkan akaun Discord anda atau anda akan dikeluarkan."),
		hamRow(scam.PlatformLure, "gamers planning a match",
			"Malam ni main ML jam 9? Kita kurang sorang untuk rank."),
		hamRow(scam.PlatformLure, "mod warning",
			"Peringatan: staff Discord tak akan DM korang minta scan QR. Ini scam, terus block dan report."),
		hamRow(scam.PlatformLure, "friend recommends a game on sale",
			"Game yang aku cerita tu tengah sale kat Steam, RM20 je. Beli la, kita main sama."),

		// Money mules.
		scamRow(scam.MoneyMule, "renting a bank account",
			"Sewa akaun bank anda RM500 seminggu! Akaun anda untuk terima duit sahaja, dapat komisen untuk setiap transaksi."),
		scamRow(scam.MoneyMule, "receive and forward money",
			"Kerja mudah: terima duit dalam akaun anda dan pindahkan ke akaun yang kami bagi. Upah 10% untuk setiap transfer."),
		hamRow(scam.MoneyMule, "splitting a bill",
			"Makan semalam RM38 sorang. Bank in dalam akaun aku bila free ya."),
		hamRow(scam.MoneyMule, "bank warning about mule accounts",
			"Jangan benarkan orang lain guna akaun bank anda. Akaun keldai adalah satu kesalahan, laporkan kepada polis."),
		hamRow(scam.MoneyMule, "friend paying back",
			"Dah transfer duit yang aku pinjam haritu guna DuitNow, check ya."),
	}
}
