/** The shop's departments: gender sections, product groups and product types. */

export type GenderKey = 'women' | 'men' | 'kids';
export type GroupKey = 'shoes' | 'clothing' | 'accessories';

export interface GenderSpec {
  key: GenderKey;
  name: string;
  /** Possessive used in titles and category handles (`Women's`, `womens`). */
  possessive: string;
  handlePrefix: string;
}

export const GENDERS: readonly GenderSpec[] = [
  { key: 'women', name: 'Women', possessive: "Women's", handlePrefix: 'womens' },
  { key: 'men', name: 'Men', possessive: "Men's", handlePrefix: 'mens' },
  { key: 'kids', name: 'Kids', possessive: "Kids'", handlePrefix: 'kids' },
];

export const GROUPS: readonly { key: GroupKey; name: string }[] = [
  { key: 'shoes', name: 'Shoes' },
  { key: 'clothing', name: 'Clothing' },
  { key: 'accessories', name: 'Accessories' },
];

export interface ProductTypeSpec {
  key: string;
  /** Category name (`Boots`). */
  name: string;
  group: GroupKey;
  genders: readonly GenderKey[];
  /** Singular nouns that end a product title. */
  nouns: readonly string[];
  /** Price range in whole currency units (adults; kids pay about 60%). */
  price: readonly [number, number];
  /** Relative share of the catalog. */
  weight: number;
  materials: readonly string[];
}

export const PRODUCT_TYPES: readonly ProductTypeSpec[] = [
  { key: 'boots', name: 'Boots', group: 'shoes', genders: ['women', 'men', 'kids'], nouns: ['Boot', 'Chelsea Boot', 'Hiking Boot', 'Rain Boot'], price: [89, 349], weight: 8, materials: ['full-grain leather', 'waxed suede'] },
  { key: 'sneakers', name: 'Sneakers', group: 'shoes', genders: ['women', 'men', 'kids'], nouns: ['Sneaker', 'Runner', 'Court Shoe', 'Trail Runner'], price: [59, 189], weight: 9, materials: ['recycled knit', 'canvas', 'leather'] },
  { key: 'sandals', name: 'Sandals', group: 'shoes', genders: ['women', 'men'], nouns: ['Sandal', 'Slide', 'Sport Sandal'], price: [29, 129], weight: 4, materials: ['cork and leather', 'recycled webbing'] },
  { key: 'jackets', name: 'Jackets', group: 'clothing', genders: ['women', 'men', 'kids'], nouns: ['Jacket', 'Parka', 'Rain Shell', 'Puffer', 'Fleece'], price: [79, 349], weight: 9, materials: ['recycled nylon', 'organic cotton canvas', 'merino wool'] },
  { key: 'shirts', name: 'Shirts', group: 'clothing', genders: ['women', 'men', 'kids'], nouns: ['Shirt', 'Flannel', 'Tee', 'Henley', 'Oxford Shirt'], price: [19, 99], weight: 10, materials: ['organic cotton', 'linen', 'brushed flannel'] },
  { key: 'pants', name: 'Pants', group: 'clothing', genders: ['women', 'men', 'kids'], nouns: ['Pant', 'Chino', 'Hiking Pant', 'Jogger'], price: [39, 149], weight: 8, materials: ['stretch twill', 'organic cotton', 'ripstop nylon'] },
  { key: 'dresses', name: 'Dresses', group: 'clothing', genders: ['women'], nouns: ['Dress', 'Midi Dress', 'Shirt Dress'], price: [49, 189], weight: 4, materials: ['linen', 'organic cotton', 'Tencel'] },
  { key: 'bags', name: 'Bags', group: 'accessories', genders: ['women', 'men'], nouns: ['Backpack', 'Tote', 'Duffel', 'Sling Bag'], price: [29, 249], weight: 5, materials: ['waxed canvas', 'recycled nylon', 'leather'] },
  { key: 'hats', name: 'Hats', group: 'accessories', genders: ['women', 'men', 'kids'], nouns: ['Beanie', 'Cap', 'Bucket Hat', 'Sun Hat'], price: [19, 69], weight: 5, materials: ['merino wool', 'organic cotton', 'recycled polyester'] },
];

const SIZES: Record<GroupKey, Record<GenderKey, readonly string[]>> = {
  shoes: {
    women: ['5', '6', '7', '8', '9', '10', '11'],
    men: ['7', '8', '9', '10', '11', '12', '13'],
    kids: ['10C', '11C', '12C', '13C', '1Y', '2Y', '3Y'],
  },
  clothing: {
    women: ['XS', 'S', 'M', 'L', 'XL'],
    men: ['S', 'M', 'L', 'XL', 'XXL'],
    kids: ['4', '6', '8', '10', '12', '14'],
  },
  accessories: { women: ['One Size'], men: ['One Size'], kids: ['One Size'] },
};

/** The size run a product of this group and gender is offered in. */
export function sizesFor(group: GroupKey, gender: GenderKey): readonly string[] {
  return SIZES[group][gender];
}
