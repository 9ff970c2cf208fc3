/** Word tables the generator draws names, colours and copy from. */

export interface BrandSpec {
  name: string;
  /** Two or three letters, used in SKUs. */
  code: string;
  /** Whether the shop has a collection page for the brand. */
  hasCollection: boolean;
}

export const BRANDS: readonly BrandSpec[] = [
  { name: 'Northwind', code: 'NW', hasCollection: true },
  { name: 'Alder & Finch', code: 'AF', hasCollection: true },
  { name: 'Kestrel', code: 'KS', hasCollection: true },
  { name: 'Copper Ridge', code: 'CR', hasCollection: true },
  { name: 'Bramble Outdoor', code: 'BO', hasCollection: false },
  { name: 'Wildhaven', code: 'WH', hasCollection: false },
  { name: 'Tern & Tide', code: 'TT', hasCollection: false },
  { name: 'Granite Peak', code: 'GP', hasCollection: false },
  { name: 'Lumen Athletics', code: 'LA', hasCollection: false },
  { name: 'Saltmarsh', code: 'SM', hasCollection: false },
  { name: 'Old Mill Goods', code: 'OM', hasCollection: false },
  { name: 'Everpine', code: 'EP', hasCollection: false },
];

export interface ColorSpec {
  name: string;
  code: string;
  /** Fill used by the generated product images. */
  hex: string;
}

export const COLORS: readonly ColorSpec[] = [
  { name: 'Black', code: 'BLK', hex: '#222222' },
  { name: 'Navy', code: 'NVY', hex: '#1f2f4f' },
  { name: 'Olive', code: 'OLV', hex: '#6b6b3a' },
  { name: 'Sand', code: 'SND', hex: '#d8c8a0' },
  { name: 'Rust', code: 'RST', hex: '#a0482a' },
  { name: 'Slate', code: 'SLT', hex: '#5a6470' },
  { name: 'Forest', code: 'FST', hex: '#2f5233' },
  { name: 'Burgundy', code: 'BRG', hex: '#6d2233' },
  { name: 'Cream', code: 'CRM', hex: '#f2ead3' },
  { name: 'Charcoal', code: 'CHR', hex: '#3c3c3c' },
  { name: 'Sky', code: 'SKY', hex: '#8fb8de' },
  { name: 'Clay', code: 'CLY', hex: '#b86f52' },
];

/** First half of a product's model name. */
export const MODEL_PREFIXES: readonly string[] = [
  'Ridge', 'Summit', 'Harbor', 'Cascade', 'Timber', 'Meadow', 'Granite', 'Aspen', 'Coastal', 'Juniper',
  'Alpine', 'Canyon', 'Drift', 'Ember', 'Fern', 'Glacier', 'Hollow', 'Kelp', 'Larch', 'Mesa',
];

/** Second half of a product's model name. */
export const MODEL_SUFFIXES: readonly string[] = [
  'line', 'crest', 'field', 'wood', 'stone', 'trail', 'view', 'brook', 'light', 'run',
];

/** Words that may precede the noun in a title. */
export const TITLE_QUALIFIERS: readonly string[] = [
  'Waterproof', 'Lightweight', 'Classic', 'Everyday', 'Insulated', 'Packable', 'Organic', 'Recycled', 'Heritage', 'Trail',
];

export const FEATURE_SENTENCES: readonly string[] = [
  'Built for long days outdoors and easy evenings in town.',
  'A relaxed fit that layers well without adding bulk.',
  'Reinforced at every seam that sees real wear.',
  'Designed in our studio and tested on the trail for a full season.',
  'Light enough to pack, tough enough to keep for years.',
  'Made in small batches by a family-run workshop.',
];

export const CARE_SENTENCES: readonly string[] = [
  'Machine wash cold, hang to dry.',
  'Wipe clean with a damp cloth.',
  'Spot clean only; do not tumble dry.',
  'Brush off dirt once dry and treat with wax twice a year.',
];
