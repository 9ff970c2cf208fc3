/**
 * Words shops print next to prices, stock and product facts, in the
 * languages trawl meets. Patterns are matched against short texts only
 * (labels and values of at most a few dozen characters).
 */

const any = (words: readonly string[], flags = 'iu'): RegExp => new RegExp(`(?:${words.join('|')})`, flags);

/** A label that makes the price after it the old one ("Was $30", "List Price:", "UVP", "Ordinarie pris"). */
export const STRUCK_LABEL = any([
  '\\bwas\\b', 'list price', 'original price', 'originally', 'compare at', '\\brrp\\b', '\\bmsrp\\b', 'before', 'price reduced from',
  '\\buvp\\b', '\\bstatt\\b', 'vorher', 'bisher', 'streichpreis', 'alter preis', 'ursprünglich', 'prix barré', 'ancien prix',
  'prix initial', 'prix de référence', '\\bavant\\b', 'antes', 'precio anterior', 'precio de lista', 'prezzo di listino', 'prezzo pieno',
  '\\bprima\\b', 'ord\\. pris', 'tidigare pris', 'før', 'poprzednia cena', 'cena katalogowa', 'oude prijs', 'adviesprijs', '\\bvan\\b',
  '\\bde:', 'preço anterior', 'старая цена', '定価', '参考価格', 'メーカー希望小売価格',
]);

/** A label for the regular price: the old one next to a sale price, else the price itself ("Regular price" on Shopify). */
export const WEAK_LABEL = any([
  'regular price', 'normal price', 'normalpreis', 'regulärer preis', 'precio normal', 'precio regular', 'prix normal', 'prix régulier',
  'ordinarie pris', 'prezzo normale', 'normaalihinta', 'cena regularna', 'normale prijs', 'обычная цена', '通常価格',
]);

/** A label that makes the price after it the current one ("Now", "Sale price", "Jetzt"). */
export const SALE_LABEL = any([
  '\\bnow\\b', 'sale price', 'special price', 'our price', 'current price', 'price to pay', '\\bjetzt\\b', '\\bnur\\b', 'aktionspreis',
  'sonderpreis', 'prix soldé', 'maintenant', '\\bahora\\b', 'precio oferta', 'oferta', '\\bora\\b', 'prezzo scontato', '\\bnu\\b',
  'cena promocyjna', 'teraz', 'nyt', 'rea', 'por:', '販売価格', 'セール価格', 'цена со скидкой',
]);

/** A cart or order total, not a product's price. */
export const TOTAL_LABEL = any(['\\bsub-?total\\b', '\\btotal\\b', 'zwischensumme', 'gesamtsumme', 'gesamtbetrag', 'sous-total', 'totale',
  'subtotaal', 'totaal', 'suma', 'summa', 'итого', '合計', '小計']);

/** Text next to two prices saying one of them is discounted ("-27%", "27% off", "Save", "Sie sparen"). */
export const DISCOUNT_CUE = any(['\\d\\s?%', '\\boff\\b', 'save', 'spar', 'économ', 'ahorr', 'risparm', 'oszczęd', 'скидк', 'эконом', '割引', '% off', 'rabatt', 'desconto', 'descuento', 'korting']);

/** Product fact labels of spec tables and "Label: value" lines. */
export const FACT_LABELS = {
  sku: any([
    'sku', 'art\\.?\\s?-?nr\\.?', 'artikel\\s?-?nr\\.?', 'artikelnummer', 'art\\.?\\s?no\\.?', 'item\\s?(?:no\\.?|number|#|code)',
    'product\\s?(?:code|no\\.?|number|id)', 'produktnummer', 'code\\s?(?:produit|article)', 'référence', 'réf\\.?', 'ref\\.?',
    'referencia', 'código(?:\\s?de\\s?(?:producto|artículo))?', 'codice(?:\\s?(?:articolo|prodotto))?', 'cod\\.\\s?articolo',
    'numer\\s?katalogowy', 'kod\\s?produktu', 'indeks', 'artikelnr\\.?', 'varenummer', 'varenr\\.?', 'tuotenumero', 'asin',
    '商品番号', '商品コード', '品番', 'артикул', 'код\\s?товара', 'item', 'style(?:\\s?(?:no\\.?|#|number))?',
  ]),
  mpn: any([
    'mpn', 'model(?:\\s?(?:no\\.?|number|#))?', 'item\\s?model\\s?number', 'modell(?:nummer)?', 'modelo', 'modèle', 'modello',
    'modelnummer', 'hersteller\\s?-?(?:nr\\.?|nummer|artikelnummer)', 'manufacturer\\s?part\\s?(?:no\\.?|number)',
    'mfr\\.?\\s?part\\s?(?:no\\.?|#|number)', 'part\\s?(?:no\\.?|number|#)', 'référence\\s?fabricant', 'n°\\s?de\\s?modèle',
    'número\\s?de\\s?(?:modelo|pieza)', 'tillverkarens\\s?art\\.?\\s?-?nr\\.?', 'herstellerartikelnummer', 'manufacturer\\s?sku',
    'codice\\s?produttore', 'kod\\s?producenta', 'fabrikantnummer', 'valmistajan\\s?koodi', '型番', '製品型番', 'модель',
  ]),
  gtin: any(['ean(?:\\s?-?(?:13|8))?(?:\\s?code)?', 'upc', 'gtin(?:\\s?-?\\d+)?', 'isbn(?:\\s?-?1[03])?', 'bar\\s?code', 'jan(?:\\s?code|コード)?',
    'código\\s?de\\s?barras', 'штрих\\s?-?код', 'штрихкод', 'codice\\s?ean', 'kod\\s?ean']),
  brand: any(['brand', 'marke', 'marque', 'marca', 'merk', 'märke', 'varumärke', 'merke', 'mærke', 'hersteller', 'manufacturer',
    'fabricant', 'fabricante', 'produttore', 'producent', 'marka', 'valmistaja', 'ブランド', 'メーカー', 'бренд', 'производитель', '品牌']),
  availability: any(['availability', 'in stock\\??', 'stock', 'lieferstatus', 'lieferbarkeit', 'verfügbarkeit', 'lagerstatus', 'disponibilité',
    'disponibilidad', 'disponibilità', 'beschikbaarheid', 'dostępność', 'lagersaldo', 'tillgänglighet', 'saatavuus', '在庫(?:状況)?',
    'наличие', 'estoque', 'status']),
} as const;

/** A product fact a spec label names. */
export type FactKey = keyof typeof FACT_LABELS;

/** Review and rating count words ("1,501 reviews", "260 ratings", "167 recensioner"). */
export const REVIEW_WORDS = any(['customer reviews', 'reviews?', 'kundenrezensionen', 'bewertungen', 'rezensionen', 'avis', 'reseñas', 'opiniones', 'valoraciones', 'recensioni',
  'beoordelingen', 'recensies', 'opinii', 'opinie', 'recensioner', 'omdömen', 'anmeldelser', 'arvostelua', 'avaliações', 'レビュー', '件のレビュー',
  'отзыв\\p{L}*', '评价', 'customer reviews']);
/** Rating count words ("260 ratings", "1.797 Sternebewertungen"): a review count when no review word is there. */
export const RATING_WORDS = any(['product ratings', 'ratings?', 'sternebewertungen', 'kundenbewertungen', 'notes', 'évaluations', 'valutazioni',
  'valoraciones', 'betyg', 'оцен\\p{L}*', '個の評価', '件の評価', '評価']);
