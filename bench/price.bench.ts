import { parsePrice, type PriceHint } from '../src/scrapers/price/parse-price.js';
import type { BenchSuite } from './support/suite.js';
import { measureBatches, perSecond } from './support/timing.js';

/** Price strings as shops show them: symbols and codes on either side, groupings, ranges, noise, non-prices. */
const PRICES: readonly [string, PriceHint?][] = [
  ['$1,234.56'], ['1.234,56 €'], ['1 234,56 €'], ['1\u202f234,56\u00a0€'], ["CHF 1'234.50"], ['19,99 €'], ['€19.99'], ['EUR 19.99'],
  ['19.99 EUR'], ['19.99USD'], ['£5'], ['US$ 49.00'], ['C$ 25'], ['R$ 1.299,90'], ['¥1,234'], ['¥128.50', { locale: 'zh-CN' }],
  ['₹1,23,456'], ['Rs. 499'], ['1 299 zł'], ['2 499 ₽'], ['₩ 12,000'], ['129 kr', { locale: 'sv-SE' }], ['129,- kr', { locale: 'da' }],
  ['1.299 kr', { locale: 'nb-NO' }], ['kr 59'], ['from $19'], ['From $19.99 to $29.99'], ['$19.99 - $29.99'], ['19,99 € – 29,99 €'],
  ['ab 19,99 €'], ['$19', { currency: 'CAD' }], ['$19', { locale: 'en-AU' }], ['19.99', { currency: 'gbp' }], ['19.99'], ['Free'], [''],
  ['$12345678901234567890'], ['KWD 1.250'], ['1,234', { currency: 'USD' }], ['0,99 €'], ['Save 20% – now $39.99'], ['Was $30.00 Now $20.00'],
  ['€ 1.234.567,89'], ['1,234,567.89 USD'], ['Price: 49.95 €'], ['1234.5 $'], ['3 for €10'], ['5 990 Ft'],
  ['  $49.99\n  '], ['Sale price$24.00 Regular price$32.00'], ['$89.99', { currency: 'USD', locale: 'en-US' }],
];

/** parsePrice calls per second over the mixed table above. */
export const priceSuite: BenchSuite = {
  name: 'price',
  description: 'parsePrice on a mixed table of price strings',
  async run({ quick, record }) {
    const parsed = PRICES.filter(([text, hint]) => parsePrice(text, hint) !== null).length;
    if (parsed < PRICES.length * 0.7) throw new Error(`parsePrice read only ${parsed} of ${PRICES.length} prices`);
    const call = (i: number): unknown => {
      const [text, hint] = PRICES[i % PRICES.length]!;
      return parsePrice(text, hint);
    };
    const batchSize = PRICES.length * 200;
    const stats = measureBatches(call, { batchSize, batches: quick ? 10 : 40, warmupBatches: quick ? 2 : 5 });
    record(
      { metric: `parsePrice, mixed table of ${PRICES.length}`, value: perSecond(batchSize, stats.medianMs), unit: 'ops/s' },
      { metric: 'parsePrice, mean per call', value: (stats.medianMs * 1000) / batchSize, unit: 'µs/op' },
    );
  },
};
