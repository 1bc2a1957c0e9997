// Turns a raw card/ACH descriptor into a stable merchant key, so "SQ *BLUE BOTTLE #0231 OAKLAND CA"
// and "BLUE BOTTLE COFFEE 0877" group together (SPEC §3.1: strip store numbers, card tails,
// payment-processor prefixes).

const PROCESSOR_PREFIXES = [
  /^(SQ|SQU|SQUARE) ?\*/,
  /^TST ?\*/,
  /^(PAYPAL|PP) ?\*/,
  /^(SP|SHOPIFY) ?\*/,
  /^(PY|PAYPAL INST XFER|STRIPE|STR) ?\*/,
  /^(GOOGLE|GOOGLE \*|APPLE\.COM\/BILL|AMZN MKTP US|AMZN) ?\*/,
  /^(POS|DEBIT CARD PURCHASE|DEBIT PURCHASE|CHECKCARD|CHECK CARD|PURCHASE AUTHORIZED ON \d\d\/\d\d|RECURRING PAYMENT|ACH DEBIT|ACH CREDIT|ACH)\b[ -]*/,
];

/** "Merchant name: X" suffix used by Plaid sandbox descriptors. */
const MERCHANT_NAME_SUFFIX = /merchant name:\s*(.+)$/i;

export function merchantNameFromDescriptor(descriptor: string): string | null {
  const m = MERCHANT_NAME_SUFFIX.exec(descriptor);
  return m ? m[1].trim() : null;
}

export function normaliseMerchant(raw: string): string {
  let s = raw.toUpperCase().replace(MERCHANT_NAME_SUFFIX, "").trim();
  for (const p of PROCESSOR_PREFIXES) s = s.replace(p, "");
  // A store number ends the merchant part: "BLUE BOTTLE #0231 OAKLAND CA" → "BLUE BOTTLE".
  const store = /#\s*\d+/.exec(s);
  if (store && store.index > 0) s = s.slice(0, store.index);
  s = s
    .replace(/https?:\/\/|WWW\./g, "")
    .replace(/\b(X{2,}|\*{2,})\d{2,4}\b/g, " ") // card tails XXXX1234, ****1234
    .replace(/[•·]+\d{2,4}/g, " ") // ••1111
    .replace(/\b\d{3}[-. ]\d{3}[-. ]\d{4}\b/g, " ") // phone numbers
    .replace(/#\s*\d+/g, " ") // store numbers #123
    .replace(/\b[A-Z]*\d[A-Z\d]*\b/g, " ") // tokens containing digits: ids, dates, store numbers
    .replace(/\b(AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)\s*$/, " ")
    .replace(/[^A-Z&+' ]+/g, " ")
    .replace(/\b(INC|LLC|LTD|CORP|CO|THE|COM|NET|BILL|PAYMENT|PMT|PURCHASE|RECURRING|AUTOPAY)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\b(\w+)( \1\b)+/g, "$1"); // "GUSTO GUSTO" → "GUSTO"
  return s || raw.trim().toUpperCase();
}
