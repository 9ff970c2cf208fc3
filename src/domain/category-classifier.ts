import type { CategoryType } from './entities/category.js';

/** What the classifier looks at: a navigation entry's label, link and menu section. */
export interface CategoryClassificationInput {
  name: string;
  /** Absolute or site-relative URL; only its path is read. */
  url: string;
  /** Label of the menu section the entry sits under (`Brands`, `Shoes`, `Women`). */
  section?: string;
}

export interface CategoryClassification {
  type: CategoryType;
  /** Which words decided the type, for logs and the API (`product word "shoe" in name`). */
  reason: string;
}

type Phrase = readonly string[];

interface Vocabulary {
  /** Normalised phrases, longest first so `ropa interior` wins over `ropa`. */
  readonly phrases: readonly Phrase[];
  /** Also match the word plus `s`/`es` (plural forms). */
  readonly plurals: boolean;
  /** Words of 5+ letters also match inside compounds: suffix (`Damenschuhe`) or prefix (`Herrenmode`). */
  readonly compound?: 'suffix' | 'prefix';
}

/**
 * Lower-cases, strips accents (NFD) and apostrophes (`Men's` -> `mens`), folds
 * ß/æ/œ/ø, and turns every other non-alphanumeric run into one space.
 */
export function normaliseCategoryText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe').replace(/ø/g, 'o')
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function tokenise(text: string): string[] {
  const normalised = normaliseCategoryText(text);
  return normalised === '' ? [] : normalised.split(' ');
}

function vocabulary(lists: readonly string[], plurals: boolean, compound?: 'suffix' | 'prefix'): Vocabulary {
  const unique = new Set(lists.flatMap((list) => list.split(',')).map((phrase) => tokenise(phrase).join(' ')));
  unique.delete('');
  const phrases = [...unique].map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);
  return compound ? { phrases, plurals, compound } : { phrases, plurals };
}

// Vocabularies: EN, FR, DE, ES, IT, NL, PT. Written with accents for reading; normalised on load.
const PRODUCT = vocabulary([
  'clothing, clothes, apparel, outerwear, activewear, sportswear, loungewear, sleepwear, nightwear, knitwear, swimwear, beachwear, underwear, lingerie, intimates, shapewear, workwear, footwear',
  'shoe, boot, sneaker, trainer, sandal, heel, loafer, slipper, flats, pumps, mule, espadrille, clog, dress, shirt, tshirt, tee, blouse, tops, tank, jean, denim, trouser, pant, shorts, skirt, legging, jogger, sweatpant, chino',
  'jacket, coat, overcoat, raincoat, trench, parka, blazer, suit, tailoring, hoodie, sweatshirt, sweater, jumper, cardigan, knit, vest, gilet, polos, jumpsuit, playsuit, overall, bodysuit, romper, bra, brief, boxer, sock, hosiery, tights, pyjama, pajama, robe, bikini, swimsuit',
  'accessory, accessories, bag, handbag, backpack, tote, clutch, wallet, purse, luggage, suitcase, belt, scarf, scarves, glove, hat, cap, beanie, headwear, sunglasses, eyewear, glasses, umbrella, tie, jewelry, jewellery, jewel, necklace, bracelet, earring, ring, watch, timepiece, leather goods',
  'beauty, skincare, skin care, makeup, make up, cosmetic, fragrance, perfume, haircare, hair care, body care, bath body, grooming, nail, lipstick, shaving, health, wellness, supplement, vitamin',
  'homeware, housewares, home decor, home living, home and living, home garden, home accessories, furniture, decor, bedding, bath, kitchen, kitchenware, cookware, tableware, dining, lighting, lamp, rug, cushion, candle, garden, textiles, linen',
  'electronics, computer, laptop, phone, smartphone, tablet, audio, headphone, speaker, camera, tv, television, gaming, console, video game, appliance, gadget, tech, toy, game, puzzle, book, stationery, pet, food, drink, wine, coffee, tea, snack, grocery',
  'equipment, gear, kinderwagen, buggy, bike, bicycle, sport, sports, outdoor, fitness, running, training, yoga, golf, football, soccer, basketball, tennis, hiking, camping, ski, snowboard, swim, cycling, fishing, craft, art, music, instrument, nursery, stroller',
  'vêtement, chaussure, botte, bottine, basket, escarpin, robe, chemise, chemisier, pantalon, jupe, veste, manteau, blouson, pull, tricot, maille, sweat, costume, sac, maroquinerie, bijou, bijoux, montre, chapeau, casquette, bonnet, écharpe, foulard, ceinture, lunettes, chaussettes, sous-vêtements, maillot, accessoire, beauté, parfum, maquillage, soin, décoration, déco, meuble, jouet, linge de maison, électronique, cuisine',
  'kleidung, bekleidung, schuhe, stiefel, stiefeletten, sandalen, kleid, kleider, hemd, hemden, hose, hosen, jacke, jacken, mantel, mäntel, strick, strickwaren, pullover, röcke, roecke, blusen, anzug, anzüge, tasche, taschen, schmuck, uhr, uhren, mützen, muetzen, hüte, huete, schals, gürtel, socken, strümpfe, unterwäsche, unterwaesche, bademode, wäsche, waesche, kosmetik, pflege, duft, düfte, möbel, moebel, wohnen, küche, spielzeug, elektronik, sportartikel',
  'ropa, calzado, zapato, zapatilla, bota, botín, sandalia, vestido, camisa, camiseta, blusa, pantalones, falda, chaqueta, abrigo, cazadora, punto, jersey, sudadera, traje, bolso, complementos, accesorio, accesorios, joyería, joya, reloj, relojes, gorra, sombrero, calcetines, ropa interior, baño, bañador, belleza, perfumería, maquillaje, cosmética, hogar, mueble, decoración, juguete, deporte, electrónica, cocina',
  'abbigliamento, scarpe, stivali, stivaletti, sandali, abiti, vestiti, camicie, magliette, maglie, pantaloni, gonne, giacche, giubbotti, cappotti, maglieria, felpe, borse, borsa, accessori, gioielli, bigiotteria, orologi, cappelli, sciarpe, cinture, calze, calzini, intimo, costumi, bellezza, profumi, trucco, cosmetici, arredamento, giocattoli, elettronica, pelletteria, occhiali',
  'kleding, schoenen, laarzen, jurken, jurk, overhemden, broeken, broek, rokken, jassen, jas, truien, vesten, tassen, tas, sieraden, horloges, hoeden, petten, sjaals, riemen, sokken, ondergoed, badmode, nachtmode, schoonheid, verzorging, wonen, meubels, speelgoed, elektronica, keuken, accessoires',
  'roupa, roupas, calçado, calçados, sapato, sapatilha, ténis, tênis, sandália, calça, calças, saia, casaco, jaqueta, malha, moletom, bolsa, acessório, acessórios, joia, jóias, bijuteria, relógio, relógios, chapéu, chapéus, boné, bonés, meia, moda praia, beleza, perfumaria, maquiagem, móveis, decoração, brinquedo, esporte, desporto, eletrônicos, cozinha',
], true, 'suffix');

const GENDER = vocabulary([
  'men, mens, man, male, menswear, women, womens, woman, female, womenswear, ladies, lady, unisex, kids, kid, children, childrens, child, boys, boy, girls, girl, baby, babies, infant, infants, toddler, toddlers, newborn, teen, teens, junior, juniors, youth, for him, for her, his, hers',
  'homme, hommes, femme, femmes, enfant, enfants, garçon, garçons, fille, filles, bébé, bébés',
  'herren, damen, kinder, jungen, mädchen, maedchen, männer, maenner, frauen, babys',
  'hombre, hombres, mujer, mujeres, niño, niños, niña, niñas, infantil',
  'uomo, uomini, donna, donne, bambini, bambino, bambina, bimbo, bimba, ragazzo, ragazza, ragazzi',
  'heren, dames, kinderen, jongens, meisjes',
  'homem, homens, mulher, mulheres, criança, crianças, menino, menina, meninos, meninas',
], false, 'prefix');

const FEATURED = vocabulary([
  'sale, sales, on sale, outlet, clearance, featured, trending, trends, bestseller, bestsellers, best seller, best sellers, best selling, top sellers, top rated, most popular, popular, new arrivals, new arrival, just in, just landed, just arrived, latest, coming soon, back in stock, exclusive, exclusives, limited edition, last chance, final sale',
  'gift guide, gift ideas, gifts, gifting, offers, special offers, deals, promotions, promo, discount, markdowns, black friday, cyber monday, cyber week, christmas, holiday, the edit, editors picks, staff picks, preorder, pre order, whats new',
  'soldes, promos, nouveautés, nouveauté, nouvelle collection, meilleures ventes, tendances, tendance, dernière chance, exclusivités, idées cadeaux, cadeaux, bons plans, petits prix, déstockage, offres',
  'neuheiten, neu eingetroffen, angebote, angebot, reduziert, schlussverkauf, ausverkauf, topseller, geschenkideen, geschenke, letzte chance, exklusiv, highlights',
  'novedades, novedad, rebajas, ofertas, oferta, promociones, más vendidos, lo más vendido, tendencias, destacados, regalos, ideas de regalo, última oportunidad, liquidación',
  'novità, nuovi arrivi, saldi, offerte, promozioni, sconti, più venduti, tendenze, in evidenza, regali, idee regalo, ultima occasione',
  'nieuw binnen, nieuwe collectie, uitverkoop, aanbiedingen, acties, korting, populair, cadeaus, cadeau ideeën, laatste kans',
  'novidades, lançamentos, promoções, promoção, liquidação, saldos, mais vendidos, destaques, presentes, ideias de presente, última chance',
], false);

/** Pages that list no products of their own: gift cards, editorial, service, brand indexes. */
const NON_CATALOGUE = vocabulary([
  'gift card, gift voucher, gift certificate, e gift, egift, giftcard, voucher, lookbook, journal, blog, magazine, stories, story, editorial, news, about, about us, our story, contact, help, faq, customer service, support',
  'store, store locator, store finder, find a store, locations, account, my account, login, log in, sign in, register, wishlist, cart, checkout, careers, jobs, sustainability, responsibility, inspiration, campaign, archive',
  'services, club, membership, rewards, loyalty, returns, shipping, delivery, size guide, track order, press, events, community, a z',
  'brand, designer, marken, marke, marques, marque, marcas, marca, marche, merken, merk, labels, vendors',
  'carte cadeau, chèque cadeau, gutschein, geschenkkarte, tarjeta regalo, cheque regalo, buono regalo, carta regalo, cadeaubon, cadeaukaart, vale presente, cartão presente',
  'magasins, filialen, geschäfte, tiendas, negozi, winkels, lojas, à propos, über uns, sobre nosotros, chi siamo, over ons, sobre nós, aide, hilfe, ayuda, aiuto, kontakt, contacto, contatti, konto, compte, cuenta',
], true);

/** Generic listing labels (`Shop`, `View all`): their type comes from the URL or section. */
const LISTING = vocabulary([
  'shop, shop all, all, view all, see all, everything, products, all products, collection, categories, category, catalog, catalogue, range, departments, department, home, fashion, mode, moda, browse, explore, discover, more',
  'boutique, tout, tous, alles, alle, sortiment, kollektion, kollektionen, todo, todos, tienda, colección, colecciones, tutti, tutto, negozio, collezioni, winkel, collecties, tudo, loja, coleções',
  'produits, produkte, productos, prodotti, producten, produtos',
], true);

const BRAND_INDEX_WORDS = new Set(['brands', 'brand', 'designers', 'designer', 'marken', 'marques', 'marcas', 'marche', 'merken', 'labels', 'vendors']);
const NEW_WORDS = new Set(tokenise('new, neu, neue, neues, nouveau, nouveaux, nouvelle, nouvelles, nuevo, nuevos, nueva, nuevas, nuovo, nuovi, nuova, nuove, nieuw, nieuwe, novos, novas'));
/** Words that may stand next to a bare "new" and keep it a featured label (`New In`, but not `New Balance`). */
const NEW_COMPANIONS = new Set(tokenise(
  'in, arrivals, arrival, now, season, collection, collections, this, week, month, for, the, and, today, drops, drop, releases, release, styles, products, whats, just, eingetroffen, im, sortiment, arrivages, llegadas, productos, arrivi, collezione, prodotti, binnen, collectie, items, produtos, produits, produkte, en, chegadas, coleção, colección, temporada, saison, stagione, seizoen, kollektion, a, de, da, la, le, di, del, y, e, et, und',
));
const GENDER_WORDS = new Set(GENDER.phrases.filter((phrase) => phrase.length === 1).map((phrase) => phrase.join(' ')));
/** Lower-case words allowed inside a brand name (`Comme des Garçons`, `Nike x Sacai`). */
const BRAND_PARTICLES = new Set(['&', '+', 'x', 'and', 'of', 'the', 'de', 'des', 'du', 'la', 'le', 'les', 'van', 'von', 'der', 'den', 'di', 'da', 'del', 'y', 'et', 'e', 'by']);
const MAX_BRAND_WORDS = 4;

function wordMatches(token: string, word: string, vocab: Vocabulary): boolean {
  if (token === word) return true;
  if (vocab.plurals && (token === `${word}s` || token === `${word}es`)) return true;
  if (!vocab.compound || word.length < 5 || token.length < word.length + 3) return false;
  if (vocab.compound === 'prefix') return token.startsWith(word);
  return [word, `${word}s`, `${word}es`, `${word}n`].some((form) => token.endsWith(form));
}

/** The first (longest) phrase of the vocabulary found as consecutive tokens. */
function findPhrase(tokens: readonly string[], vocab: Vocabulary): string | undefined {
  for (const phrase of vocab.phrases) {
    for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
      if (phrase.every((word, offset) => wordMatches(tokens[start + offset] ?? '', word, vocab))) return phrase.join(' ');
    }
  }
  return undefined;
}

/** A bare "new" only counts when every other word is a companion or gender word. */
function newLabel(tokens: readonly string[]): string | undefined {
  if (!tokens.some((token) => NEW_WORDS.has(token))) return undefined;
  const allowed = tokens.every((token) => NEW_WORDS.has(token) || NEW_COMPANIONS.has(token) || GENDER_WORDS.has(token));
  return allowed ? tokens.join(' ') : undefined;
}

interface Signals {
  product?: string;
  featured?: string;
  gender?: string;
}

function signalsIn(tokens: readonly string[]): Signals {
  return {
    product: findPhrase(tokens, PRODUCT),
    featured: findPhrase(tokens, FEATURED) ?? newLabel(tokens),
    gender: findPhrase(tokens, GENDER),
  };
}

interface Hint {
  word: string;
  where: string;
}

/** What the URL path and the menu section say, independently of the name. */
interface Context {
  product?: Hint;
  featured?: Hint;
  gender?: Hint;
  brandIndex?: string;
}

function pathSegments(url: string): string[][] {
  let path: string;
  try {
    path = new URL(url, 'http://relative.invalid').pathname;
  } catch {
    return [];
  }
  return path.split('/').map((segment) => {
    try {
      return tokenise(decodeURIComponent(segment));
    } catch {
      return tokenise(segment);
    }
  }).filter((tokens) => tokens.length > 0);
}

function contextOf(input: CategoryClassificationInput): Context {
  const segments = pathSegments(input.url);
  const urlSignals = signalsIn(segments.flat());
  const urlNew = segments.map(newLabel).find((label) => label !== undefined);
  const sectionTokens = tokenise(input.section ?? '');
  const section = signalsIn(sectionTokens);
  const sectionWhere = `section "${input.section ?? ''}"`;
  const hint = (fromSection: string | undefined, fromUrl: string | undefined): Hint | undefined =>
    fromSection ? { word: fromSection, where: sectionWhere } : fromUrl ? { word: fromUrl, where: 'url path' } : undefined;
  return {
    product: hint(section.product, urlSignals.product),
    featured: hint(section.featured, urlSignals.featured ?? urlNew),
    gender: hint(section.gender, urlSignals.gender),
    brandIndex: brandIndexOf(sectionTokens, segments, input.section),
  };
}

/** A brand section (`Brands`, `Marken`) or a path under a brand index (`/designers/acne-studios`). */
function brandIndexOf(sectionTokens: readonly string[], segments: readonly string[][], section?: string): string | undefined {
  if (sectionTokens.some((token) => BRAND_INDEX_WORDS.has(token))) return `listed under brand section "${section ?? ''}"`;
  const index = segments.findIndex((tokens) => tokens.some((token) => BRAND_INDEX_WORDS.has(token)));
  if (index >= 0 && index < segments.length - 1) return `url path lies under a brand index ("${segments[index]?.join(' ')}")`;
  return undefined;
}

/** Capitalised 1-4 word name (`Nike`, `New Balance`, `A.P.C.`, `Comme des Garçons`); needs original casing. */
function looksLikeBrand(name: string): boolean {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const core = words.filter((word) => !BRAND_PARTICLES.has(word));
  if (core.length === 0 || core.length > MAX_BRAND_WORDS) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(words[0] ?? '') || !/\p{L}/u.test(name)) return false;
  return core.every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

const NAME_LINKS = new Set(['des', 'de', 'du', 'la', 'le', 'les', 'of', 'the']);

/** A gender word linked into a brand name (`Comme des Garçons`, `House of Men`) does not make it a gender page. */
function genderOnlyInsideBrand(name: string, tokens: readonly string[]): boolean {
  if (!looksLikeBrand(name)) return false;
  const genderAt = tokens.flatMap((token, index) => (findPhrase([token], GENDER) ? [index] : []));
  return genderAt.length > 0 && genderAt.every((index) => NAME_LINKS.has(tokens[index - 1] ?? ''));
}

function withProductContext(type: CategoryType, reason: string, context: Context): CategoryClassification {
  if (!context.product) return { type, reason };
  return { type: 'PRODUCT', reason: `${reason}, narrowed by product word "${context.product.word}" in ${context.product.where}` };
}

function fromNameVocabulary(signals: Signals, context: Context): CategoryClassification | undefined {
  const also = [signals.gender && `gender "${signals.gender}"`, signals.featured && `featured "${signals.featured}"`].filter(Boolean);
  if (signals.product) {
    const suffix = also.length > 0 ? ` (also ${also.join(', ')}; the product word wins)` : '';
    return { type: 'PRODUCT', reason: `product word "${signals.product}" in name${suffix}` };
  }
  if (signals.featured) {
    const suffix = signals.gender ? ` (also gender "${signals.gender}"; featured wins)` : '';
    return withProductContext('FEATURED', `featured phrase "${signals.featured}" in name${suffix}`, context);
  }
  if (signals.gender) return withProductContext('GENDER', `gender word "${signals.gender}" in name`, context);
  return undefined;
}

function fromContextHints(context: Context): CategoryClassification | undefined {
  if (context.product) return { type: 'PRODUCT', reason: `product word "${context.product.word}" in ${context.product.where}` };
  if (context.featured) return { type: 'FEATURED', reason: `featured phrase "${context.featured.word}" in ${context.featured.where}` };
  if (context.gender) return { type: 'GENDER', reason: `gender word "${context.gender.word}" in ${context.gender.where}` };
  return undefined;
}

/**
 * Classifies a navigation entry (seed 000, phase 2). First rule that applies:
 * 1. a product word in the name -> PRODUCT, even beside gender or featured words
 *    (`Men's Shoes`, `Shoes on Sale`): the narrowest listing wins;
 * 2. a featured phrase in the name -> FEATURED (`Women's Sale` too); a bare
 *    "new" counts only with companion words (`New In`, not `New Balance`);
 * 3. a gender word in the name -> GENDER, unless it only follows a linking word
 *    inside a brand-shaped name (`Comme des Garçons`). In 2 and 3 a product word in the
 *    section or URL path makes it PRODUCT (`Shoes` > `Men`, `/collections/mens-shoes`);
 * 4. a non-catalogue label (`Gift Cards`, `Journal`, `Stores`, `Brands`) -> OTHER;
 * 5. a generic listing label (`Shop`, `View all`) -> typed by URL/section hints, else OTHER;
 * 6. a brand section or a path under a brand index -> BRAND;
 * 7. a product word in the URL path or section -> PRODUCT;
 * 8. a capitalised 1-4 word name with none of the above words -> BRAND;
 * 9. featured or gender hints in the URL path or section, else OTHER.
 * Matching ignores case and accents; brand shape (rule 8) reads the original casing.
 */
export function classifyCategory(input: CategoryClassificationInput): CategoryClassification {
  const tokens = tokenise(input.name);
  const context = contextOf(input);
  const signals = signalsIn(tokens);
  if (signals.gender && genderOnlyInsideBrand(input.name, tokens)) delete signals.gender;
  const byName = fromNameVocabulary(signals, context);
  if (byName) return byName;
  const nonCatalogue = findPhrase(tokens, NON_CATALOGUE);
  if (nonCatalogue) return { type: 'OTHER', reason: `non-catalogue label "${nonCatalogue}" in name` };
  const listing = findPhrase(tokens, LISTING);
  if (listing) return fromContextHints(context) ?? { type: 'OTHER', reason: `generic label "${listing}" with no hint in url or section` };
  if (context.brandIndex) return { type: 'BRAND', reason: context.brandIndex };
  if (context.product) return { type: 'PRODUCT', reason: `product word "${context.product.word}" in ${context.product.where}` };
  if (looksLikeBrand(input.name)) return { type: 'BRAND', reason: `capitalised name "${input.name.trim()}" with no category vocabulary` };
  return fromContextHints(context) ?? { type: 'OTHER', reason: 'no category vocabulary in name, url path or section' };
}
