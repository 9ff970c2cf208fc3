/**
 * Price texts as shops print them, with what they mean. Each row: the text,
 * the expected [amount, currency] (null: not a price), and the page context
 * (hint) when it matters.
 */
import type { PriceHint } from '../../../src/scrapers/price/parse-price.js';

export type PriceCase = [text: string, expected: [amount: string, currency: string] | null, hint?: PriceHint];

/** Symbols and ISO codes, before and after the number. */
export const SYMBOLS_AND_CODES: PriceCase[] = [
  ['$1,234.56', ['1234.56', 'USD']], ['€19.99', ['19.99', 'EUR']], ['£5', ['5.00', 'GBP']], ['¥1,280', ['1280', 'JPY']],
  ['₹1,23,456', ['123456.00', 'INR']], ['2 499 ₽', ['2499.00', 'RUB']], ['₩12,000', ['12000', 'KRW']], ['₺149,90', ['149.90', 'TRY']],
  ['₴1 299', ['1299.00', 'UAH']], ['₪ 89.90', ['89.90', 'ILS']], ['₫ 250.000', ['250000', 'VND']], ['฿1,290', ['1290.00', 'THB']],
  ['₱ 1,499.00', ['1499.00', 'PHP']], ['₦ 25,000', ['25000.00', 'NGN']], ['12 000 ₸', ['12000.00', 'KZT']], ['25 ₾', ['25.00', 'GEL']],
  ['R$ 1.299,90', ['1299.90', 'BRL']], ['49,99 zł', ['49.99', 'PLN']], ['1 299 Kč', ['1299.00', 'CZK']], ['5 990 Ft', ['5990', 'HUF']],
  ['129,00 lei', ['129.00', 'RON']], ['35,00 лв.', ['35.00', 'BGN']], ['RM 59.90', ['59.90', 'MYR']], ['Rp 150.000', ['150000', 'IDR']],
  ['S/ 49.90', ['49.90', 'PEN']], ['S/. 49.90', ['49.90', 'PEN']], ['E£ 350', ['350.00', 'EGP']], ["CHF 1'234.50", ['1234.50', 'CHF']],
  ['Fr. 49.90', ['49.90', 'CHF']], ['SFr. 12.50', ['12.50', 'CHF']], ['NZ$ 45', ['45.00', 'NZD']], ['A$ 45', ['45.00', 'AUD']],
  ['AU$ 45', ['45.00', 'AUD']], ['HK$ 128', ['128.00', 'HKD']], ['S$ 18.90', ['18.90', 'SGD']], ['NT$ 1,280', ['1280.00', 'TWD']],
  ['MX$ 299', ['299.00', 'MXN']], ['RD$ 1,500', ['1500.00', 'DOP']], ['US$ 49.00', ['49.00', 'USD']], ['C$ 25', ['25.00', 'CAD']],
  ['CA$ 25', ['25.00', 'CAD']], ['12,50 EUR', ['12.50', 'EUR']], ['EUR12.50', ['12.50', 'EUR']], ['USD 5', ['5.00', 'USD']],
  ['5 GBP', ['5.00', 'GBP']], ['JPY 1500', ['1500', 'JPY']], ['19.99USD', ['19.99', 'USD']], ['KWD 1.250', ['1.250', 'KWD']],
  ['BHD 0.500', ['0.500', 'BHD']], ['OMR 12.345', ['12.345', 'OMR']], ['3,500 TND', ['3.500', 'TND']], ['128元', ['128.00', 'CNY']],
  ['1,280円', ['1280', 'JPY']], ['12.000 원', ['12000', 'KRW']], ['1 990 грн', ['1990.00', 'UAH']], ['19,99 Euro', ['19.99', 'EUR']],
  ['KSh 1,250', ['1250.00', 'KES']], ['QR 45', ['45.00', 'QAR']], ['1.500 din', ['1500.00', 'RSD']], ['TRY 149,90', ['149.90', 'TRY'], { currency: 'TRY' }],
];

/** "$", "kr", "R", "¥", "Rs" and "£" resolved from the page: its currency, locale, then its domain. */
export const AMBIGUOUS: PriceCase[] = [
  ['$19', ['19.00', 'CAD'], { currency: 'CAD' }], ['$19', ['19.00', 'AUD'], { locale: 'en-AU' }], ['$19', ['19.00', 'MXN'], { locale: 'es-MX' }],
  ['$19', ['19.00', 'CAD'], { host: 'shop.example.ca' }], ['$19', ['19.00', 'NZD'], { locale: 'en', host: 'https://shop.example.nz/p/1' }],
  ['$19', ['19.00', 'SGD'], { locale: 'en-SG' }], ['$19', ['19.00', 'USD'], { host: 'shop.example.com' }], ['$19', ['19.00', 'USD'], { currency: 'EUR' }],
  ['$24.990', ['24990', 'CLP'], { locale: 'es-CL' }], ['$24.990', ['24990', 'CLP'], { host: 'tienda.example.cl' }],
  ['$ 1.299', ['1299', 'COP'], { locale: 'es-CO' }], ['$ 19 CAD', ['19.00', 'CAD']], ['$19.99 USD', ['19.99', 'USD'], { currency: 'CAD' }],
  ['$19', ['19.00', 'AUD'], { locale: 'en-US', currency: 'AUD' }], ['$19', ['19.00', 'CAD'], { locale: 'fr-CA' }],
  ['129 kr', ['129.00', 'SEK'], { locale: 'sv-SE' }], ['129 kr', ['129.00', 'NOK'], { locale: 'nb' }], ['129 kr', ['129.00', 'DKK'], { locale: 'da-DK' }],
  ['129 kr', ['129.00', 'DKK'], { host: 'butik.example.dk' }], ['129 kr', ['129.00', 'NOK'], { host: 'butikk.example.no' }],
  ['129 kr', ['129.00', 'NOK'], { currency: 'NOK' }], ['kr 59', ['59.00', 'SEK']], ['1.990 kr.', ['1990', 'ISK'], { locale: 'is' }],
  ['1.299,- kr', ['1299.00', 'DKK'], { locale: 'da' }], ['Kr 1 299,50', ['1299.50', 'SEK'], { locale: 'sv' }], ['299,-', ['299.00', 'NOK'], { currency: 'NOK' }],
  ['R 1 299,00', ['1299.00', 'ZAR']], ['R1,299.00', ['1299.00', 'ZAR'], { locale: 'en-ZA' }], ['R 49', ['49.00', 'BRL'], { host: 'loja.example.br' }],
  ['¥128.50', ['128.50', 'CNY'], { locale: 'zh-CN' }], ['¥99', ['99.00', 'CNY'], { host: 'shop.example.cn' }], ['¥99', ['99', 'JPY'], { locale: 'ja-JP' }],
  ['Rs 23,450', ['23450.00', 'INR']], ['Rs. 499', ['499.00', 'INR']], ['₨ 1,500', ['1500', 'PKR'], { locale: 'ur-PK' }],
  ['Rs 2,500', ['2500.00', 'LKR'], { host: 'shop.example.lk' }], ['Rs 1,299', ['1299', 'PKR'], { currency: 'PKR' }],
  ['£12', ['12.00', 'GBP']], ['£12', ['12.00', 'EGP'], { locale: 'ar-EG' }], ['19.99', ['19.99', 'GBP'], { currency: 'gbp' }],
  ['19,99 €', ['19.99', 'EUR'], { currency: 'USD' }], ['lei 45', ['45.00', 'MDL'], { locale: 'ro-MD' }],
];

/** Decimal and grouping separators of every common locale, odd spaces and other digits. */
export const SEPARATORS: PriceCase[] = [
  ['1.234,56 €', ['1234.56', 'EUR']], ['1 234,56 €', ['1234.56', 'EUR']], ['1\u00a0234,56\u00a0€', ['1234.56', 'EUR']],
  ['1\u202f234,56\u00a0€', ['1234.56', 'EUR']], ['1\u2009234,56 €', ['1234.56', 'EUR']], ["1'234.56 CHF", ['1234.56', 'CHF']],
  ['1’234.56 CHF', ['1234.56', 'CHF']], ['1,234.56 $', ['1234.56', 'USD']], ['€ 1.234.567,89', ['1234567.89', 'EUR']],
  ['1 234 567,89 €', ['1234567.89', 'EUR']], ['1,234,567.89 USD', ['1234567.89', 'USD']], ['12,5 €', ['12.50', 'EUR']],
  ['0,99 €', ['0.99', 'EUR']], ['€0.99', ['0.99', 'EUR']], ['$.99', ['0.99', 'USD']], ['1.234 €', ['1234.00', 'EUR']],
  ['1,234', ['1234.00', 'USD'], { currency: 'USD' }], ['12.345,6 €', ['12345.60', 'EUR']], ['1.299,- €', ['1299.00', 'EUR']],
  ['19,– €', ['19.00', 'EUR']], ['CHF 49.–', ['49.00', 'CHF']], ['24.990', ['24990', 'CLP'], { currency: 'CLP' }],
  ['¥1.234', ['1234', 'JPY']], ['Rp 1.250.000', ['1250000', 'IDR']], ['₫ 1.250.000', ['1250000', 'VND']], ['₩ 1,250,000', ['1250000', 'KRW']],
  ['12 990 Ft', ['12990', 'HUF']], ['€0.995', ['0.995', 'EUR']], ['1234.5 $', ['1234.50', 'USD']], ['€ 1.234,5', ['1234.50', 'EUR']],
  ['₹ 1,23,456.00', ['123456.00', 'INR']], ['₹12,34,567', ['1234567.00', 'INR']], ['Rs 1,00,000', ['100000.00', 'INR']], ['₹ 999', ['999.00', 'INR']],
  ['١٢٣٫٤٥ د.إ', ['123.45', 'AED']], ['١٬٢٣٤٫٥٠ ر.س', ['1234.50', 'SAR']], ['￥１，２３４', ['1234', 'JPY']], ['۱۲۳ AED', ['123.00', 'AED']],
  ['\u200e€ 19,99\u200f', ['19.99', 'EUR']], ['  $ 19.99  ', ['19.99', 'USD']], ['19.99 €.', ['19.99', 'EUR']], ['EUR 1.234.567', ['1234567.00', 'EUR']],
  ['1.05 €', ['1.05', 'EUR']], ['€1.5', ['1.50', 'EUR']], ['1,5 €', ['1.50', 'EUR']], ['10.000 ₫', ['10000', 'VND']],
];

/** Ranges and "from" prices: the lower bound. */
export const RANGES: PriceCase[] = [
  ['from $19', ['19.00', 'USD']], ['From $19.99 to $29.99', ['19.99', 'USD']], ['$19.99 - $29.99', ['19.99', 'USD']],
  ['$19.99–$29.99', ['19.99', 'USD']], ['$29.99 – $19.99', ['19.99', 'USD']], ['19,99 € – 29,99 €', ['19.99', 'EUR']], ['ab 19,99 €', ['19.99', 'EUR']],
  ['à partir de 19,99 €', ['19.99', 'EUR']], ['desde $19.990', ['19990', 'CLP'], { locale: 'es-CL' }], ['a partir de R$ 49,90', ['49.90', 'BRL']],
  ['vanaf € 12,95', ['12.95', 'EUR']], ['od 49,99 zł', ['49.99', 'PLN']], ['fra 199 kr', ['199.00', 'NOK'], { locale: 'nb' }],
  ['från 199 kr', ['199.00', 'SEK'], { locale: 'sv' }], ['alkaen 19,90 €', ['19.90', 'EUR']], ['от 1 990 ₽', ['1990.00', 'RUB']],
  ['starting at $5', ['5.00', 'USD']], ['$10 - 20', ['10.00', 'USD']], ['10-20 €', ['10.00', 'EUR']], ['€10 bis €20', ['10.00', 'EUR']],
  ['$5 ~ $9', ['5.00', 'USD']], ['Prices from £1,299', ['1299.00', 'GBP']], ['£10–£15', ['10.00', 'GBP']], ['19,99–29,99 zł', ['19.99', 'PLN']],
  ['¥1,000〜¥2,000', ['1000', 'JPY']], ['$19.99 to $24.99', ['19.99', 'USD']],
];

/** A price among other numbers and words: savings, shipping, instalments, labels. */
export const IN_CONTEXT: PriceCase[] = [
  ['Save 20% – now $39.99', ['39.99', 'USD']], ['Was $30.00 Now $20.00', ['20.00', 'USD']], ['Now $20.00 (Save 33%)', ['20.00', 'USD']],
  ['$19.99 + $4.99 shipping', ['19.99', 'USD']], ['4.5 out of 5 – $19.99', ['19.99', 'USD']], ['$89.00 Save $30.00', ['89.00', 'USD']],
  ['SKU 12345 – $19.99', ['19.99', 'USD']], ['$19.99 (123 reviews)', ['19.99', 'USD']], ['Regular price $30 Sale price $20', ['20.00', 'USD']],
  ['€ 29,95 incl. VAT', ['29.95', 'EUR']], ['29,95 € inkl. MwSt.', ['29.95', 'EUR']], ['Preis: 29,95 €', ['29.95', 'EUR']],
  ['Prix : 29,95 €', ['29.95', 'EUR']], ['3 for €10', ['10.00', 'EUR']], ['Price: 49.95 €', ['49.95', 'EUR']], ['12 €', ['12.00', 'EUR']],
  ['$49.99 or 4 payments of $12.50', ['49.99', 'USD']], ['$49.99 ($2.50 / 100 g)', ['49.99', 'USD']], ['$49.99 Free shipping over $50', ['49.99', 'USD']],
  ['UVP 99,00 € jetzt 79,00 €', ['79.00', 'EUR']], ['29,99 € Sie sparen 10,00 €', ['29.99', 'EUR']], ['Экономия 2 690 руб. 7 900 руб.', ['7900.00', 'RUB']],
  ['$1,299.00 $1,499.00', ['1299.00', 'USD']], ['Only $5!', ['5.00', 'USD']], ['Price $ 12.00 per pack', ['12.00', 'USD']],
];

/** Numbers that are not prices: counts, codes, percentages, dates, phones, ratings, fees on their own. */
export const NOT_PRICES: PriceCase[] = [
  ['19.99', null], ['Free', null], ['', null], ['€', null], ['$', null], ['USD', null], ['N/A', null], ['Price on request', null],
  ['$12345678901234567890', null], ['(123)', null, { currency: 'USD' }], ['123 reviews', null, { currency: 'USD' }],
  ['SKU: 123456', null, { currency: 'USD' }], ['Art.-Nr. 4711', null, { currency: 'EUR' }], ['Item #12345', null, { currency: 'USD' }],
  ['-20%', null, { currency: 'USD' }], ['20% off', null, { currency: 'USD' }], ['Save 20%', null], ['Save $10.00', null], ['$10 off', null],
  ['4.5 out of 5', null, { currency: 'USD' }], ['4.5 out of 5 stars', null, { currency: 'USD' }], ['★ 4.8 (1,203)', null, { currency: 'USD' }],
  ['4,7/5', null, { currency: 'EUR' }], ['12/05/2024', null, { currency: 'USD' }], ['2024-05-12', null, { currency: 'USD' }],
  ['12.05.2024', null, { currency: 'EUR' }], ['10:30', null, { currency: 'USD' }], ['+1 555-123-4567', null, { currency: 'USD' }],
  ['(555) 123-4567', null, { currency: 'USD' }], ['Tel. 030 1234567', null, { currency: 'EUR' }], ['Free shipping over $50', null],
  ['+ $4.99 shipping', null], ['or 4 payments of $12.50', null], ['$12.50/mo', null], ['($1.20 / 100 g)', null], ['$2.50/kg', null],
  ['Qty: 3', null, { currency: 'USD' }], ['Size 42', null, { currency: 'EUR' }], ['Pack of 6', null, { currency: 'USD' }],
  ['3 in stock', null, { currency: 'USD' }], ['1234567', null, { currency: 'USD' }], ['Model 2000', null, { currency: 'USD' }],
  ['-$5.00', null], ['Call 0800 123 456', null, { currency: 'GBP' }], ['5 min', null, { currency: 'USD' }], ['ESP-6', null, { currency: 'EUR' }],
  ['X-2000', null, { currency: 'USD' }], ['12x', null, { currency: 'USD' }], ['6x $96.998', null, { locale: 'es-CL' }], ['Sie sparen 10,00 €', null],
];

export const ALL_CASES: readonly PriceCase[] = [...SYMBOLS_AND_CODES, ...AMBIGUOUS, ...SEPARATORS, ...RANGES, ...IN_CONTEXT, ...NOT_PRICES];
