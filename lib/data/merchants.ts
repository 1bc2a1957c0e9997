// The merchant catalog: real merchant names with the raw statement descriptors they appear under,
// a stable made-up Plaid-style merchant_entity_id, Plaid's personal finance category (PFC v1
// taxonomy) and our own kind. The generator draws descriptors from `aliases`; ingest normalises
// descriptors against them; the database seeds a `merchants` table from this list (ids are the
// 1-based position, so append new merchants at the end of their section and never reorder).
//
// PFC notes (v1 has no late-fee or gig-income category — those arrived in PFC v2):
// - late fees are BANK_FEES_OTHER_BANK_FEES with a "LATE FEE" descriptor;
// - gig / freelance payouts are INCOME_OTHER_INCOME, so payroll (INCOME_WAGES) stays distinct;
// - card interest is BANK_FEES_INTEREST_CHARGE; ATM cash is TRANSFER_OUT_WITHDRAWAL.

export type MerchantKind = "subscription" | "bill" | "everyday" | "income" | "transfer" | "fee" | "other";

export interface MerchantSeed {
  canonical_name: string;
  entity_id: string;
  pfc_primary: string;
  pfc_detailed: string;
  kind: MerchantKind;
  /** Raw descriptor variants as they appear on statements, e.g. "NETFLIX.COM". */
  aliases: string[];
}

const m = (
  canonical_name: string,
  entity_id: string,
  pfc_detailed: string,
  kind: MerchantKind,
  aliases: string[],
): MerchantSeed => ({ canonical_name, entity_id, pfc_primary: primaryOf(pfc_detailed), pfc_detailed, kind, aliases });

// PFC v1 primaries; every detailed value starts with its primary.
const PRIMARIES = [
  "INCOME",
  "TRANSFER_IN",
  "TRANSFER_OUT",
  "LOAN_PAYMENTS",
  "BANK_FEES",
  "ENTERTAINMENT",
  "FOOD_AND_DRINK",
  "GENERAL_MERCHANDISE",
  "HOME_IMPROVEMENT",
  "MEDICAL",
  "PERSONAL_CARE",
  "GENERAL_SERVICES",
  "GOVERNMENT_AND_NON_PROFIT",
  "TRANSPORTATION",
  "TRAVEL",
  "RENT_AND_UTILITIES",
] as const;

function primaryOf(detailed: string): string {
  const p = PRIMARIES.find((x) => detailed.startsWith(`${x}_`));
  if (!p) throw new Error(`no PFC primary for "${detailed}"`);
  return p;
}

export const MERCHANTS: readonly MerchantSeed[] = Object.freeze([
  // ── subscriptions: streaming, software, news, apps, gyms, memberships ──────────────────────
  m("Netflix", "NCmBKAwmBtcb7ZDx9y2VVMZEHocr4wIZhsHyV", "ENTERTAINMENT_TV_AND_MOVIES", "subscription", ["NETFLIX.COM", "NETFLIX.COM 866-579-7172 CA", "NETFLIX.COM LOS GATOS CA"]),
  m("Hulu", "vkBmcu43lPJOZEzYstv82yDEzjz257PZdxRpg", "ENTERTAINMENT_TV_AND_MOVIES", "subscription", ["HULU 877-8244858 CA", "HULU.COM/BILL"]),
  m("Disney+", "ljirhiYwKz8h6OEu4nY3Vxmac8lue9yBWEiCE", "ENTERTAINMENT_TV_AND_MOVIES", "subscription", ["DISNEY PLUS 888-905-7888 CA", "DISNEYPLUS.COM BURBANK CA"]),
  m("HBO Max", "HT1mAKXh5mNo6YELJmjMZZpGGBQekWDF0oR49", "ENTERTAINMENT_TV_AND_MOVIES", "subscription", ["HBOMAX.COM", "HBO MAX HELPMAX.COM NY"]),
  m("YouTube Premium", "sYt9y1T4s7GnYCENbdE0EyYpYWyoLG8E4vAAF", "ENTERTAINMENT_TV_AND_MOVIES", "subscription", ["GOOGLE *YOUTUBEPREMIUM G.CO/HELPPAY#", "GOOGLE *YOUTUBE PREMIUM"]),
  m("Paramount+", "CHmRblapomycSGAhBSsH2FiqVH3lvnsOQelcl", "ENTERTAINMENT_TV_AND_MOVIES", "subscription", ["PARAMOUNT+ 888-274-5343 CA", "PARAMOUNTPLUS.COM"]),
  m("Spotify", "FEpIf6d2QE0MLBr1s0FtFTlia10MJE9Y4EGkc", "ENTERTAINMENT_MUSIC_AND_AUDIO", "subscription", ["SPOTIFY USA", "Spotify USA 877-7781161 NY", "SPOTIFY P2E5A1C9D7"]),
  m("Audible", "J0ScUmxpHymuyCp1HPn5u4ecJZHqqktVVsxIi", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "subscription", ["AUDIBLE*2X4Y6Z8Q1 AMZN.COM/BILL NJ", "AUDIBLE US 888-283-5051 NJ"]),
  m("Amazon Prime", "nXaOGuhXYJovMvb54lVqrMF1EXSfpb20NR8yn", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "subscription", ["AMAZON PRIME*2K4LM0PQ1", "Amazon Prime*RT5YH3 Amzn.com/bill WA"]),
  m("Adobe", "CFhjcIZDLw1TQOLGSmXh9A2K3vZGfKtdj966N", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["ADOBE *CREATIVE CLOUD", "ADOBE *800-833-6687 CA", "ADOBE *PHOTOGPHY PLAN"]),
  m("Microsoft 365", "Aln93U24mmMJnlqIqOcIolZ1ORsH6NO49oxfs", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["MICROSOFT*MICROSOFT 365 P", "MSFT * E0400RZQ8M MSBILL.INFO WA"]),
  m("Dropbox", "BhzWfC2lbC5mAbm8cGBv2nmcfHF5rGgO5DGEj", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["DROPBOX*7QJ2K1X9B4ZL", "DROPBOX*SUBSCRIPTION SAN FRANCISCO CA"]),
  m("Apple iCloud", "Y4uCkd0VNTwv9R6F6jj4KKSv1wBobs96xdsiz", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["APPLE.COM/BILL 866-712-7753 CA", "APPLE.COM/BILL ITUNES.COM CA"]),
  m("Google One", "rdB1Z4gkYfVZl4B5MGqbfiS7JS1hjeVzlfmGm", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["GOOGLE *GOOGLE ONE", "GOOGLE *GOOGLE STORAGE G.CO/HELPPAY#"]),
  m("OpenAI ChatGPT", "Aa7GYejRCp0yq8lRXokNcLkPoEgFsv1rmWlQI", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["OPENAI *CHATGPT SUBSCR", "OPENAI *CHATGPT SUBSCR OPENAI.COM CA"]),
  m("The New York Times", "Hx3ya5jiEg0SyhM7iUcjWhbfgcBI7qnFC6c1n", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "subscription", ["NYTIMES*NYTIMES DIGITAL", "NYT*NYTIMES.COM 800-698-4637 NY"]),
  m("The Wall Street Journal", "TSoI6fmL66o3CM6YcUtivjSEu6edSTIHdpVZg", "GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS", "subscription", ["WSJ DIGITAL 800-568-7625 NJ", "DOW JONES *WSJ"]),
  m("Planet Fitness", "eBIz8mCcLxvMBNNJK42XE1vo3bu4ZsXYOuH1b", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", "subscription", ["PLANET FITNESS CLUB FEES", "PLNT FITNESS 603-750-0001 NH"]),
  m("Peloton", "PrkOMGaWNvMJPQryTKuE73YwGtvwCX5UWO9lH", "PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS", "subscription", ["PELOTON* MEMBERSHIP", "PELOTON INTERACTIVE NEW YORK NY"]),
  m("Xbox Game Pass", "dmMIQOh6XEtlxG5FwbiDCDv35tVyDPEXJVpov", "ENTERTAINMENT_VIDEO_GAMES", "subscription", ["MICROSOFT*XBOX GAME PASS", "MSFT*XBOX 800-642-7676 WA"]),
  m("PlayStation Plus", "ofGieBRYswvTeAppp08vFBCxF5wwiGWcIKiGE", "ENTERTAINMENT_VIDEO_GAMES", "subscription", ["PLAYSTATION NETWORK", "SONY PLAYSTATION NETWORK 877-971-7669 CA"]),
  m("Headspace", "9eGmoZaMbpcJJ1lj01NrgQEOQMtK0HamQ3ovq", "PERSONAL_CARE_OTHER_PERSONAL_CARE", "subscription", ["HEADSPACE.COM", "HEADSPACE INC SANTA MONICA CA"]),
  m("Duolingo", "YHsOfCizd7zzF0jNebcCNHyqzNs34L97924DD", "GENERAL_SERVICES_EDUCATION", "subscription", ["DUOLINGO SUPER", "DUOLINGO INC PITTSBURGH PA"]),

  // ── bills: rent, mortgage, loans, utilities, phone/internet, insurance ────────────────────
  m("AvalonBay Communities", "Lr5ZJe7PLlRNGHHlilaOlbW7tk5a3XvXJrBPF", "RENT_AND_UTILITIES_RENT", "bill", ["AVALONBAY COMMUNITIES RENT", "AVALON COMMUNITIES WEB PMT"]),
  m("Greystar", "fl8Ma4LKRNbcsQjJDydGchCpHAXtv072Bqkea", "RENT_AND_UTILITIES_RENT", "bill", ["GREYSTAR RESIDENTIAL RENT", "GREYSTAR DES:RENT PMT"]),
  m("Equity Residential", "65BahUCdCq6NHAOUMgLcyHj7Lvgg0D6sPmRyL", "RENT_AND_UTILITIES_RENT", "bill", ["EQUITY RESIDENTIAL RENT", "EQR DES:RESIDENT PMT"]),
  m("AppFolio", "sjIArBlL6D3s9CXnkziB3HQoHdCmE6g89ARr1", "RENT_AND_UTILITIES_RENT", "bill", ["APPFOLIO *RENT PAYMENT", "APF*PROPERTY MGMT RENT"]),
  m("Bilt Rent", "Y2aURmxUE0ezHypJkNyzOFtEO6VGFdFon3SPv", "RENT_AND_UTILITIES_RENT", "bill", ["BILT RENT PAYMENT", "BILT RENT DES:RENT"]),
  m("Rocket Mortgage", "dSVr4YQIPVE6ADfZloUzaNPBGB6W75KtbiJNG", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "bill", ["ROCKET MORTGAGE DES:MTG PYMT", "ROCKET MORTGAGE PAYMENT"]),
  m("Wells Fargo Home Mortgage", "l6QzEl55nJEh6QiL3rLxNVo4nndXpXDdmArUd", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "bill", ["WELLS FARGO HOME MTG DES:MTG PYMTS", "WF HOME MTG AUTO PAY"]),
  m("Mr. Cooper", "7b1tgkTDEK1JlGIYI4vXsZigM91tZpnfYZKPQ", "LOAN_PAYMENTS_MORTGAGE_PAYMENT", "bill", ["MR. COOPER DES:MORTGAGE", "MR COOPER MTG PMT"]),
  m("Navient", "pu5tn9eG3OFxIF9ThZQI94SECDWEGm4J7YUEw", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "bill", ["NAVIENT DES:NAVI PYMT", "NAVIENT SLMA PAYMENT"]),
  m("Nelnet", "6uqzTmkq6sD5UEojBge9EsdwpqtCZ7XuT8lpw", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "bill", ["NELNET LNS DES:NELNET LN", "NELNET STUDENT LOAN PMT"]),
  m("MOHELA", "FdFmcGXtraXEFarr4ZFauWb2qUcDpRMQ0WWhC", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "bill", ["MOHELA DES:MOHELA PMT", "MOHELA STUDENT LOAN"]),
  m("Aidvantage", "lD07k7Iy5UrETUMpEmqIGAjeEBhWO9xBFdV0V", "LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "bill", ["AIDVANTAGE DES:DEPT EDUCATION", "DEPT EDUCATION DES:STUDENT LN"]),
  m("PG&E", "cI0OWlThDFIZxrYcoi0JiCPie8WMmyHAErmYm", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "bill", ["PGANDE DES:WEB ONLINE", "PG&E DES:WEB ONLINE"]),
  m("Con Edison", "Me39hDpPHxL7QyKDULJTNtrg5Jh1O69mLmBy4", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "bill", ["CON ED OF NY DES:INTELL CK", "CONSOLIDATED EDISON PAYMENT"]),
  m("Duke Energy", "SzXrDBPu0pFLAxWjMhDnVfBtQMeoHAavV8EBZ", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "bill", ["DUKE ENERGY DES:BILL PAY", "DUKE-ENERGY PAYMENT"]),
  m("ComEd", "WcHOCbzVS7mbacNrBuymEWATergbkJVKaX1mC", "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY", "bill", ["COMED DES:UTIL BILL", "COMMONWEALTH EDISON PMT"]),
  m("Xfinity", "JDnaQ32GY78G2GkMZeXCbtq1d2B32K2F4sM9L", "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "bill", ["COMCAST XFINITY", "COMCAST CABLE COMM 800-266-2278 PA"]),
  m("Spectrum", "pMuj2j7S5e4H0Wl0iQuha5AsSMok2kmENnnVH", "RENT_AND_UTILITIES_INTERNET_AND_CABLE", "bill", ["SPECTRUM 855-707-7328 MO", "CHARTER SPECTRUM"]),
  m("Verizon", "Yi4U5FaTRUCwW768oiCXY77ftSHNFYfFI1kkP", "RENT_AND_UTILITIES_TELEPHONE", "bill", ["VERIZON WIRELESS DES:PAYMENTS", "VZWRLSS*APOCC VISB"]),
  m("AT&T", "MxTCSNzSDZxSkTTk7lAH39tnwr2g3OWPp9Fcm", "RENT_AND_UTILITIES_TELEPHONE", "bill", ["ATT DES:PAYMENT", "AT&T*BILL PAYMENT 800-288-2020 TX"]),
  m("T-Mobile", "8DEL8ueW7G576iDGgIkKK7GRzAe6qkyuh9ODJ", "RENT_AND_UTILITIES_TELEPHONE", "bill", ["T-MOBILE DES:PCS SVC", "TMOBILE*AUTO PAY"]),
  m("American Water", "F1goNTsGOVdIvUJsahUc22CwXlOKj9wZKGeeh", "RENT_AND_UTILITIES_WATER", "bill", ["AMERICAN WATER DES:WEB PAY", "AMWATER PAYMENT"]),
  m("Geico", "cjQzYgVkDHmqs1Mp0v35VHF1IE6zZus8yQKAF", "GENERAL_SERVICES_INSURANCE", "bill", ["GEICO *AUTO", "GEICO DES:PREM COLL"]),
  m("State Farm", "AwBI8hyigmf6M3FKDxlExaWveDZN8y37OO66m", "GENERAL_SERVICES_INSURANCE", "bill", ["STATE FARM RO 27 DES:CPC-CLIENT", "STATE FARM INSURANCE"]),
  m("Progressive", "pseGoxgJBOvKBoBiJOgpEaH8dzIVONXXbPims", "GENERAL_SERVICES_INSURANCE", "bill", ["PROGRESSIVE *INSURANCE", "PROG DIRECT INS DES:INS PREM"]),

  // ── everyday spending ──────────────────────────────────────────────────────────────────────
  m("Whole Foods Market", "3SoJwADhuFUatgyZEn3LZDADmCH90CDGeW1RM", "FOOD_AND_DRINK_GROCERIES", "everyday", ["WHOLEFDS MKT #10234", "WHOLE FOODS MARKET #10451", "WHOLEFDS SFC #10160"]),
  m("Trader Joe's", "pQ6I50LwRbN5vj9uLUV13yaNOOg9JaL4qzuAg", "FOOD_AND_DRINK_GROCERIES", "everyday", ["TRADER JOE S #552", "TRADER JOES #123 QPS", "TRADER JOE'S #071"]),
  m("Kroger", "bGHNCgJdPEqKETA5Rh0L1lA3lAWedSNnW5GSx", "FOOD_AND_DRINK_GROCERIES", "everyday", ["KROGER #0821", "KROGER #0415", "KROGER 1203 COLUMBUS OH"]),
  m("Safeway", "BtdxvhbvPotArDejgL6Qfam6sO2ovGATEJq02", "FOOD_AND_DRINK_GROCERIES", "everyday", ["SAFEWAY #1211", "SAFEWAY STORE 3104", "SAFEWAY #0985"]),
  m("Aldi", "wXNs5yQv8hPKdDk7GwAoM699XwbKr608SxNse", "FOOD_AND_DRINK_GROCERIES", "everyday", ["ALDI 72061", "ALDI 64112 BATAVIA IL"]),
  m("Publix", "eEcNp70MspaD94lU3759q3EeE9u86O9oW7iHQ", "FOOD_AND_DRINK_GROCERIES", "everyday", ["PUBLIX #1417", "PUBLIX SUPER MAR #0632"]),
  m("H-E-B", "LzVelm36GgRT26Dzv9Fh4Zn9hioQoANRFWaTz", "FOOD_AND_DRINK_GROCERIES", "everyday", ["H-E-B #587", "H-E-B #044 AUSTIN TX"]),
  m("Costco", "5VPrPS2W0UId4L94lj2RxAAY5KunZrAP8Zh8R", "GENERAL_MERCHANDISE_SUPERSTORES", "everyday", ["COSTCO WHSE #0481", "COSTCO WHSE #1029", "COSTCO.COM"]),
  m("Starbucks", "1Dij663rH7PbxFpCEcLMlnEa4dn2M0K24LGLf", "FOOD_AND_DRINK_COFFEE", "everyday", ["STARBUCKS STORE 05821", "STARBUCKS STORE 11423", "STARBUCKS 800-782-7282 WA"]),
  m("Dunkin'", "klxW3RW0tfIDTuouHCB453N4oCkn7FMmcBI50", "FOOD_AND_DRINK_COFFEE", "everyday", ["DUNKIN #341287", "DUNKIN #302215 Q35"]),
  m("Peet's Coffee", "AX0y9gYE6aAIEEfIhrvD3FSXkOaFoEECBtkmQ", "FOOD_AND_DRINK_COFFEE", "everyday", ["PEETS 12315", "PEET'S COFFEE #0107"]),
  m("Blue Bottle Coffee", "Jjd1jP7mnxPusT6F6D1b67ksH5S35IshUczMY", "FOOD_AND_DRINK_COFFEE", "everyday", ["SQ *BLUE BOTTLE COFFEE", "SQ *BLUE BOTTLE #123", "BLUE BOTTLE COFFEE 0877"]),
  m("Chipotle", "UMQvqowrFibcuW2xUmXmGlE0RfGM8cGkxJPtw", "FOOD_AND_DRINK_FAST_FOOD", "everyday", ["CHIPOTLE 1234", "CHIPOTLE ONLINE", "CHIPOTLE 2871"]),
  m("McDonald's", "vVcDWkxbo2udSLSO7lpDwpHTjbAWQntoPXWUP", "FOOD_AND_DRINK_FAST_FOOD", "everyday", ["MCDONALD'S F12345", "MCDONALD'S F31882"]),
  m("Chick-fil-A", "RSwIvIi5aYsJ879KiH17Rm0UxUuct9M7ur6RS", "FOOD_AND_DRINK_FAST_FOOD", "everyday", ["CHICK-FIL-A #01234", "CHICK-FIL-A #03390"]),
  m("Taco Bell", "ox3n6zgPJ4jLIJFOMkVdyDBVl7DrIr9LW156B", "FOOD_AND_DRINK_FAST_FOOD", "everyday", ["TACO BELL #031234", "TACO BELL #029871"]),
  m("Subway", "eBhRK4QCoo14dTmoJM1sNGuFnmwCOPPOJ34XO", "FOOD_AND_DRINK_FAST_FOOD", "everyday", ["SUBWAY 12345", "SUBWAY 40211"]),
  m("Sweetgreen", "cWmOB3LzDFZQxiikYF8WrlEwN3FJ5YVhbQGti", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["SWEETGREEN SOMA", "SWEETGREEN FLATIRON"]),
  m("Olive Garden", "AZsrRaA4vLLBVuf0xqc8vG91fV9KBG1geSwDq", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["OLIVE GARDEN 0012345", "OLIVE GARDEN 0021908"]),
  m("The Cheesecake Factory", "niDnXbfESmHNMsYzr6Akf7hQ8u7MdwDy5kBfO", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["CHEESECAKE FACTORY #0123", "THE CHEESECAKE FACTORY 0087"]),
  m("Applebee's", "6A2IRcCMPIOLxZ3yaPnqXPTO4JDudsaHNKeSU", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["APPLEBEES 1234", "APPLEBEE'S 8821"]),
  m("Shake Shack", "ukrr955Ui4L4na39n2PDMngGEcJXPnBKpdqcP", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["SHAKE SHACK 1043", "SHAKESHACK.COM"]),
  m("DoorDash", "P6cKxHUg615TuhGbratKbRxXSZ63bvSTLjMpK", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["DOORDASH*CHIPOTLE", "DD *DOORDASH TACOBELL", "DOORDASH*DASHPASS"]),
  m("Uber Eats", "CcUFFBJl9hNTydk8BHadnnqZDjRadBCtrScmp", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["UBER *EATS", "UBER EATS PENDING SAN FRANCISCO CA"]),
  m("Grubhub", "JJEwDD9Z02QY2eI9AEARz5pXPe2M3h4xnDiqM", "FOOD_AND_DRINK_RESTAURANT", "everyday", ["GRUBHUB*ORDER", "GRUBHUB*FOOD DELIVERY"]),
  m("Shell", "BfLSItugtzeO2RoAUnS5gKqKCAbrkOlQIAloK", "TRANSPORTATION_GAS", "everyday", ["SHELL OIL 57442660109", "SHELL SERVICE STATION", "SHELL OIL 57444712307"]),
  m("Chevron", "cQTX4k3iDWCjkBQ3HLxdi2qD5uMJiwoXddhDM", "TRANSPORTATION_GAS", "everyday", ["CHEVRON 0208831", "CHEVRON 0379114"]),
  m("ExxonMobil", "BSxBxWC2yNdPahjmcSvpLwIV44scyyL6GOa42", "TRANSPORTATION_GAS", "everyday", ["EXXONMOBIL 48573214", "EXXON KWIK STOP 4471"]),
  m("Target", "BoGeFwVKL6XuoZgiBEhHDRAagybTv7wI8rkRt", "GENERAL_MERCHANDISE_SUPERSTORES", "everyday", ["TARGET 00012345", "TARGET.COM", "TARGET 00028217"]),
  m("Walmart", "dS8BipEEICzsqF3EaySxEiwS6lAc0OvDSkrU1", "GENERAL_MERCHANDISE_SUPERSTORES", "everyday", ["WAL-MART #1234", "WALMART.COM 800-966-6546 AR", "WM SUPERCENTER #2280"]),
  m("Amazon", "gtEBAJDSN30lUToL6PCkejrwi8dxiimRjXqHM", "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES", "everyday", ["AMAZON.COM*2K4LM0PQ1 AMZN.COM/BILL WA", "AMZN Mktp US*RT5YH3Q10", "Amazon.com*AB12C3DE4"]),
  m("CVS Pharmacy", "3QY81bNPC3iXfIFofbELs4GdgVz1W0q7CW6En", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "everyday", ["CVS/PHARMACY #01234", "CVS/PHARMACY #08812"]),
  m("Walgreens", "droEZzarC1tsjKkopjBBkWVKk0TRhyaS1uHqY", "MEDICAL_PHARMACIES_AND_SUPPLEMENTS", "everyday", ["WALGREENS #1234", "WALGREENS #9921"]),
  m("Uber", "kruVNKb31ePmB5RSJQWAnLyhBGHXb3gDeWHtk", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "everyday", ["UBER *TRIP", "UBER *TRIP HELP.UBER.COM CA"]),
  m("Lyft", "7VTWz4DY8xFeWfFyQmEqzD5Yt9wZgZSneE6Wc", "TRANSPORTATION_TAXIS_AND_RIDE_SHARES", "everyday", ["LYFT *RIDE SAT 10AM", "LYFT *RIDE"]),
  m("MTA", "Cn6wBb0ilLI6Hd3PgqDTf6QzpN1zgSCI55gNP", "TRANSPORTATION_PUBLIC_TRANSIT", "everyday", ["MTA*NYCT PAYGO", "MTA*MNR STATION TIX"]),
  m("Clipper", "tAFtq46kEqCSeyPAY0lEinWNZQb2GgrpxiPOR", "TRANSPORTATION_PUBLIC_TRANSIT", "everyday", ["CLIPPER SERVICE CENTER", "BART-CLIPPER 877-878-8883 CA"]),
  m("ParkMobile", "lkSLrfylPT9UruQuHUe3dxLbtty5DpU967jld", "TRANSPORTATION_PARKING", "everyday", ["PARKMOBILE", "PARKMOBILE 877-727-5718 GA"]),
  m("The Home Depot", "6oRtxCovmIYinKOHBYqniNdzZdfNlQubGwgoY", "HOME_IMPROVEMENT_HARDWARE", "everyday", ["THE HOME DEPOT #0123", "THE HOME DEPOT #6829"]),
  m("Lowe's", "umRZAZqxYSCY6VJE5boIqLGJ9VTBswZ78SLie", "HOME_IMPROVEMENT_HARDWARE", "everyday", ["LOWES #01234", "LOWES #02871"]),
  m("Best Buy", "cUzcNDnzFoA85VIhfvhRHgnnkTSMJeTlABTAC", "GENERAL_MERCHANDISE_ELECTRONICS", "everyday", ["BEST BUY 00012345", "BESTBUY.COM 888-237-8289"]),
  m("TJ Maxx", "WOy5NOTaEdTdEIONfbLRL2fTp1ZLfnpApLqjg", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "everyday", ["TJMAXX #0123", "TJ MAXX #1180"]),
  m("Old Navy", "fZMIleotkAiywVT4A3PvgO2KOdwAZBT81ejI9", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "everyday", ["OLD NAVY US 1234", "OLDNAVY.COM"]),
  m("Nike", "e8Zw7xllhyyoZ5KUZZBo9I5LDquYv69vsZ0Lc", "GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES", "everyday", ["NIKE.COM", "NIKE FACTORY STORE #211"]),
  m("Chewy", "3kF2SmeJfNUjmbZfftkZyRXElox23WpMnK4J4", "GENERAL_MERCHANDISE_PET_SUPPLIES", "everyday", ["CHEWY.COM", "CHEWY.COM 800-672-4399 FL"]),
  m("Petco", "HjN3brjlozM4B1hDqhOur2aipaErXz6rSXxaz", "GENERAL_MERCHANDISE_PET_SUPPLIES", "everyday", ["PETCO 1234", "PETCO 0981"]),
  m("Ulta Beauty", "2QoUCCE1jJICGwjWAzWZLGqgQ0iFZPdKClups", "PERSONAL_CARE_HAIR_AND_BEAUTY", "everyday", ["ULTA #1234", "ULTA.COM"]),
  m("Great Clips", "aZpjHoBqiu7GD7xzpHFBvBLUx6Qiq0YQIBjjx", "PERSONAL_CARE_HAIR_AND_BEAUTY", "everyday", ["GREAT CLIPS #1234", "GREAT CLIPS #4410"]),
  m("AMC Theatres", "1U1rVbKejm78oF4ILF6ARHwOhVpsH1S0964jG", "ENTERTAINMENT_TV_AND_MOVIES", "everyday", ["AMC 1234 ONLINE", "AMC THEATRES #0512"]),
  m("7-Eleven", "ogvvwZ6CMe7GfxSMtMvlGDeng1A96jZ6Gjy7J", "GENERAL_MERCHANDISE_CONVENIENCE_STORES", "everyday", ["7-ELEVEN 12345", "7-ELEVEN 38712"]),
  m("Total Wine & More", "iQPL7ZW3FhHuQF0T9Y4EYIqKuPGMVDXxKbHqj", "FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR", "everyday", ["TOTAL WINE AND MORE 123", "TOTAL WINE #0912"]),
  m("Staples", "KEWhiPEmEHu0075h36ADUrDsOHZFKITpKvWZx", "GENERAL_MERCHANDISE_OFFICE_SUPPLIES", "everyday", ["STAPLES 00123", "STAPLES.COM"]),
  m("FedEx", "8lqp0qUvoViIynUVRTeUHaKceI1Kfo2ccCABg", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING", "everyday", ["FEDEX 123456789", "FEDEX OFFICE #0441"]),
  m("The UPS Store", "KW7bCkOt61AIrMp0W1GCeFmXn3IllSDSqHzEN", "GENERAL_SERVICES_POSTAGE_AND_SHIPPING", "everyday", ["THE UPS STORE 1234", "THE UPS STORE 5521"]),

  // ── business services (business cards) ─────────────────────────────────────────────────────
  m("Google Workspace", "ZkK8HtlVySGinXOuWP97AJXEJlNHGkFF6QN48", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["GOOGLE *GSUITE_ACME", "GOOGLE *WORKSPACE G.CO/HELPPAY#"]),
  m("Zoom", "Ft0lyC7A3RGhrXtVKWHlWQPQ0otOlnWzTBZtR", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "subscription", ["ZOOM.US 888-799-9666", "ZOOM.COM 888-799-9666 CA"]),
  m("QuickBooks", "8DV8qoFuTyGoigW4egUoVAwCjKAeDVNKVvn1c", "GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING", "subscription", ["INTUIT *QBOOKS ONLINE", "INTUIT *QUICKBOOKS CL.INTUIT.COM CA"]),
  m("Meta Ads", "p0fM0SCf4FddnmdLoy0R5XUZiTSNY6sZ9h9oB", "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", "everyday", ["FACEBK *ADS8K2M4Q7", "META PLATFORMS ADS"]),

  // ── income: payroll processors, gig and freelance platforms, interest ───────────────────────
  m("ADP", "Sxhk1InpKJyhxqCdLKUxHmAfdoASy7fJzdDY4", "INCOME_WAGES", "income", ["ADP WAGE PAY DES:WAGE PAY", "ADP PAYROLL DES:DIRECT DEP"]),
  m("Gusto", "USxIVVByNfM2oTIAGhFsF1PF9VtkVTcXAPLwT", "INCOME_WAGES", "income", ["GUSTO DES:NET PAY", "GUSTO PAYROLL DES:PAYROLL"]),
  m("Paychex", "0PZwnZPWkGMiaM4oVOdDkwVSSr5AiUmK5Nz9f", "INCOME_WAGES", "income", ["PAYCHEX INC DES:PAYROLL", "PAYCHEX-RCX DES:PAYROLL"]),
  m("Paylocity", "6OXemI0Ne2tFgKcJXc4L0B6B8ekVDleinxyJt", "INCOME_WAGES", "income", ["PAYLOCITY DES:DIRECT DEP", "PAYLOCITY CORP DES:PAYROLL"]),
  m("Intuit Payroll", "339ymoOG3ErG6HdtAiIsCGEXBCxnxe2A2WjcK", "INCOME_WAGES", "income", ["INTUIT PAYROLL S DES:QUICKBOOKS", "INTUIT DES:PAYROLL DEP"]),
  m("Uber Driver", "zIu2tfPh1XSB622ieGT7EfkisuOfnaGArKP1E", "INCOME_OTHER_INCOME", "income", ["UBER USA DES:DRIVER PAY", "UBER TECHNOLOGIES DES:EDI PYMNTS"]),
  m("Lyft Driver", "ZIAa1K7lmdiFisi8glmJ8rOI3fnmYo27XTx9e", "INCOME_OTHER_INCOME", "income", ["LYFT INC DES:DRIVER PAY", "LYFT EXPRESS PAY DES:PAYOUT"]),
  m("DoorDash Dasher", "q9IjZvv2wNNCfYC4IEUp1q6xiyrZ7L0yq4zTY", "INCOME_OTHER_INCOME", "income", ["DOORDASH INC DES:DASHER PAY", "DOORDASH DES:FAST PAY"]),
  m("Instacart Shopper", "hGsWkI6Lzt6XV0CtKHi7zi0jzIQ0xsCrFggHL", "INCOME_OTHER_INCOME", "income", ["MAPLEBEAR INC DES:INSTACART", "INSTACART DES:SHOPPER PAY"]),
  m("Shipt Shopper", "lLBjn1VSCmCcaHpZpGtNeLEyhE76HVD6PwVYD", "INCOME_OTHER_INCOME", "income", ["SHIPT INC DES:SHOPPER PAY", "SHIPT DES:PAYOUT"]),
  m("Upwork", "sI57jTscnoFtQIBErO6aF6ggElMl21ikyWEsb", "INCOME_OTHER_INCOME", "income", ["UPWORK ESCROW INC DES:PAYMENT", "UPWORK DES:WITHDRAWAL"]),
  m("Fiverr", "wMV2EFjp2lmtYtAA0mkYAzjqGjHoGuh4AzGeX", "INCOME_OTHER_INCOME", "income", ["FIVERR INC DES:WITHDRAWAL", "FIVERR DES:PAYOUT"]),
  m("Etsy", "yL4OWtaM8qHUcojGEXWF7MEm2RUGUzJTdzdK7", "INCOME_OTHER_INCOME", "income", ["ETSY INC DES:DEPOSIT", "ETSY PAYMENTS DES:PAYOUT"]),
  m("Stripe", "d0jjAXcHpOLDG9QrtJki5VSLOJSoKZJHQpZZi", "INCOME_OTHER_INCOME", "income", ["STRIPE DES:TRANSFER", "STRIPE PAYMENTS DES:PAYOUT"]),
  m("Square", "ae1XuFP6pGnhKnHMlwgT1nWuRgk9ErSYwcm5k", "INCOME_OTHER_INCOME", "income", ["SQUARE INC DES:SQ DEPOSIT", "SQUARE INC DES:TRANSFER"]),
  m("Interest Earned", "0aDJCQRX9AipdLvG5PH1LGGHUzv1o8UEXqKrI", "INCOME_INTEREST_EARNED", "income", ["INTEREST PAYMENT", "INTEREST EARNED"]),

  // ── transfers between own accounts, card payments, cash ────────────────────────────────────
  m("Transfer to Savings", "pWq9OZ99tHjSvuINLTwWi1oaau1yrYWJ3uWER", "TRANSFER_OUT_SAVINGS", "transfer", ["ONLINE TRANSFER TO SAV", "ONLINE BANKING TRANSFER TO SAVINGS"]),
  m("Transfer from Checking", "JgRbkiPPHCEQfSV2OIvprqWjTxQO8TloBq2RZ", "TRANSFER_IN_SAVINGS", "transfer", ["ONLINE TRANSFER FROM CHK", "ONLINE BANKING TRANSFER FROM CHECKING"]),
  m("Transfer to Checking", "NThfiHrt4nx4hf0ZnH5fhPqGzBnZqvEEsmTTH", "TRANSFER_OUT_ACCOUNT_TRANSFER", "transfer", ["ONLINE TRANSFER TO CHK", "ONLINE BANKING TRANSFER TO CHECKING"]),
  m("Transfer from Savings", "qs2q54SNjr835ZEMWU1AKJm5YGPaxXwEoSlUR", "TRANSFER_IN_ACCOUNT_TRANSFER", "transfer", ["ONLINE TRANSFER FROM SAV", "ONLINE BANKING TRANSFER FROM SAVINGS"]),
  m("Credit Card Payment", "z0odohxKyENPfgzXj6flJaKdndnwT0fe7GmzN", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "transfer", ["CHASE CREDIT CRD DES:AUTOPAY", "CITI CARD ONLINE DES:PAYMENT", "CAPITAL ONE DES:CRCARDPMT", "DISCOVER DES:E-PAYMENT", "AMEX EPAYMENT DES:ACH PMT", "BK OF AMER VISA DES:ONLINE PMT", "WF CREDIT CARD DES:AUTO PAY"]),
  m("Card Payment Received", "UC6NLfVDa0HZ1VBdLcCuID7QAzNtp3Pte8CW1", "LOAN_PAYMENTS_CREDIT_CARD_PAYMENT", "transfer", ["AUTOMATIC PAYMENT - THANK YOU", "PAYMENT THANK YOU-MOBILE", "ONLINE PAYMENT - THANK YOU"]),
  m("ATM Withdrawal", "gHrMaY6SEnsWeSDlpzoAMeMM12MoOXSAC86AC", "TRANSFER_OUT_WITHDRAWAL", "transfer", ["ATM WITHDRAWAL", "ATM CASH WITHDRAWAL", "NON-NETWORK ATM WITHDRAW"]),
  m("Investment Transfer", "bKBWpMPHe05sFMQnUVryHLEAjqfMDo8hHd0DT", "TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS", "transfer", ["VANGUARD BUY DES:INVESTMENT", "FIDELITY DES:MONEYLINE", "SCHWAB BROKERAGE DES:MONEYLINK"]),

  // ── fees and interest charges ──────────────────────────────────────────────────────────────
  m("Overdraft Fee", "UUzh1UagSjFs71PTVGQxk6x4d5aiYMXKqMsuH", "BANK_FEES_OVERDRAFT_FEES", "fee", ["OVERDRAFT ITEM FEE", "OVERDRAFT CHARGE", "OD FEE"]),
  m("Insufficient Funds Fee", "rFVAHR7j0vva4rjGrR3BqItEYqJU4xQtLQ6jg", "BANK_FEES_INSUFFICIENT_FUNDS", "fee", ["NSF RETURNED ITEM FEE", "INSUFFICIENT FUNDS FEE", "RETURNED ITEM FEE"]),
  m("Late Fee", "jCbxXXaAbFaaBOubDSlBtqsrIHZqtyxqby8wQ", "BANK_FEES_OTHER_BANK_FEES", "fee", ["LATE FEE", "LATE PAYMENT FEE"]),
  m("ATM Fee", "Gt4latCxiVqOuyhHLqxZnJRsZVsxhVpcbp99G", "BANK_FEES_ATM_FEES", "fee", ["ATM FEE", "NON-NETWORK ATM FEE", "ATM SURCHARGE FEE"]),
  m("Interest Charge", "cWUokkifqd1vRTlV3yKMkX64PacXvtAtdkvss", "BANK_FEES_INTEREST_CHARGE", "fee", ["INTEREST CHARGE ON PURCHASES", "PURCHASE INTEREST CHARGE", "INTEREST CHARGED TO STANDARD PURCH"]),
  m("Monthly Service Fee", "pXl6mkH9wJfhRD6aSI6mvZgM7sVWg8pS9UtSn", "BANK_FEES_OTHER_BANK_FEES", "fee", ["MONTHLY SERVICE FEE", "MONTHLY MAINTENANCE FEE"]),
] as MerchantSeed[]);

const byName = new Map(MERCHANTS.map((x) => [x.canonical_name, x]));

/** The catalog entry for a canonical name; throws if the catalog has no such merchant. */
export function merchantNamed(canonicalName: string): MerchantSeed {
  const hit = byName.get(canonicalName);
  if (!hit) throw new Error(`merchant "${canonicalName}" is not in the catalog`);
  return hit;
}
