import { MONEY_FORMATS, type MoneyFormat } from './money.js';
import { UI, type UiStrings } from './ui-strings.js';
import { VOCABULARY, type Vocabulary } from './words.js';

/** A market: language, currency, how money is written there, and the rate from US dollars used to make plausible prices. */
export interface Locale {
  tag: string;
  lang: string;
  currency: string;
  formats: MoneyFormat[];
  /** US dollars to this currency, roughly. */
  rate: number;
  /** Fraction digits of the currency. */
  decimals: number;
  /** GS1 prefix of the country, for realistic EAN-13s. */
  gs1: string;
  ui: UiStrings;
  words: Vocabulary;
  /** Brand pool: latin, cyrillic or japanese. */
  script: 'latin' | 'cyrillic' | 'japanese';
}

function locale(tag: string, moneyKey: string, rate: number, decimals: number, gs1: string, script: Locale['script'] = 'latin'): Locale {
  const lang = tag.split('-')[0]!;
  const formats = MONEY_FORMATS[moneyKey];
  const ui = UI[lang];
  const words = VOCABULARY[lang];
  if (!formats || !ui || !words) throw new Error(`Locale ${tag} lacks money formats, UI strings or words`);
  return { tag, lang, currency: formats[0]!.currency, formats, rate, decimals, gs1, ui, words, script };
}

export const LOCALES: Record<string, Locale> = Object.fromEntries([
  locale('en-US', 'USD', 1, 2, '0'),
  locale('en-GB', 'GBP', 0.8, 2, '50'),
  locale('en-CA', 'CAD', 1.35, 2, '06'),
  locale('en-AU', 'AUD', 1.5, 2, '93'),
  locale('en-IE', 'EUR_EN', 0.92, 2, '539'),
  locale('en-IN', 'INR', 83, 0, '890'),
  locale('en-ZA', 'ZAR', 18, 2, '600'),
  locale('de-DE', 'EUR_DE', 0.92, 2, '40'),
  locale('de-AT', 'EUR_DE', 0.92, 2, '90'),
  locale('de-CH', 'CHF', 0.9, 2, '76'),
  locale('fr-FR', 'EUR_FR', 0.92, 2, '30'),
  locale('fr-CH', 'CHF', 0.9, 2, '76'),
  locale('es-ES', 'EUR_IT', 0.92, 2, '84'),
  locale('es-CL', 'CLP', 950, 0, '780'),
  locale('pt-BR', 'BRL', 5, 2, '789'),
  locale('it-IT', 'EUR_IT', 0.92, 2, '80'),
  locale('nl-NL', 'EUR_NL', 0.92, 2, '87'),
  locale('ja-JP', 'JPY', 150, 0, '49', 'japanese'),
  locale('ru-RU', 'RUB', 95, 0, '460', 'cyrillic'),
  locale('sv-SE', 'SEK', 11, 2, '73'),
  locale('pl-PL', 'PLN', 4, 2, '590'),
].map((entry) => [entry.tag, entry]));

export function localeOf(tag: string): Locale {
  const found = LOCALES[tag];
  if (!found) throw new Error(`Unknown locale ${tag}`);
  return found;
}
