/** Vocabulary for product names and category trails, per language. */
export interface Department {
  /** Category trail below the home link. */
  trail: string[];
  nouns: string[];
  adjectives: string[];
  /** The variant option this kind of product has, with its values. */
  option: { name: string; values: string[] } | null;
  /** Typical price range in US dollars. */
  usd: [number, number];
}

export interface Vocabulary {
  departments: Department[];
  /** Builds a product name from an adjective, a noun and a model name. */
  name(adjective: string, noun: string, model: string): string;
  models: string[];
  /** Description sentences; `{name}` is replaced by the product name. */
  blurbs: string[];
}

const sizes = ['XS', 'S', 'M', 'L', 'XL'];

const en: Vocabulary = {
  departments: [
    { trail: ['Men', 'Footwear', 'Boots'], nouns: ['Hiking Boot', 'Chelsea Boot', 'Trail Runner', 'Work Boot'], adjectives: ['Waterproof', 'Leather', 'Lightweight', 'Insulated'], option: { name: 'Size', values: ['8', '9', '10', '11', '12'] }, usd: [89, 260] },
    { trail: ['Women', 'Clothing', 'Jackets & Coats'], nouns: ['Rain Jacket', 'Puffer Coat', 'Fleece Jacket', 'Wool Overcoat'], adjectives: ['Packable', 'Recycled', 'Quilted', 'Classic'], option: { name: 'Size', values: sizes }, usd: [69, 340] },
    { trail: ['Kitchen & Dining', 'Cookware'], nouns: ['10" Cast Iron Skillet', 'Dutch Oven', 'Chef\'s Knife', 'Salt & Pepper Mill Set'], adjectives: ['Enamelled', 'Pre-Seasoned', 'Professional', 'Tri-Ply'], option: null, usd: [29, 399] },
    { trail: ['Electronics', 'Computers', 'Laptops'], nouns: ['Laptop 14"', 'Ultrabook 13.3"', 'Gaming Laptop 16"'], adjectives: ['Creator', 'Pro', 'Thin & Light'], option: { name: 'Memory', values: ['16 GB', '32 GB', '64 GB'] }, usd: [899, 2600] },
    { trail: ['Electronics', 'Audio', 'Headphones'], nouns: ['Wireless Headphones', 'Earbuds', 'Bluetooth Speaker', 'Turntable'], adjectives: ['Noise-Cancelling', 'Studio', 'Portable', 'Hi-Fi'], option: { name: 'Color', values: ['Black', 'Silver', 'Sand', 'Midnight Blue'] }, usd: [39, 549] },
    { trail: ['Outdoor', 'Camping', 'Tents'], nouns: ['Backpacking Tent', 'Sleeping Bag', 'Camp Stove', 'Trekking Poles'], adjectives: ['Ultralight', '3-Season', 'Compact', 'Expedition'], option: null, usd: [35, 620] },
    { trail: ['Beauty', 'Skincare'], nouns: ['Face Serum', 'Night Cream', 'Cleansing Balm', 'SPF 50 Sunscreen'], adjectives: ['Hydrating', 'Vitamin C', 'Gentle', 'Brightening'], option: { name: 'Size', values: ['30 ml', '50 ml', '100 ml'] }, usd: [14, 89] },
    { trail: ['Coffee', 'Whole Bean'], nouns: ['Espresso Blend', 'Single Origin Coffee', 'Decaf Roast', 'Cold Brew Pack'], adjectives: ['Dark', 'Medium', 'Light', 'Organic'], option: { name: 'Weight', values: ['250g', '500g', '1kg'] }, usd: [12, 48] },
  ],
  name: (adjective, noun, model) => (model ? `${model} ${adjective} ${noun}` : `${adjective} ${noun}`),
  models: ['Ridgeline', 'Alta', 'Summit 2.0', 'Harbor', 'Cascade', 'Nomad', 'Aurora', 'Fjord', 'Mesa', 'Sierra'],
  blurbs: [
    'The {name} is built for everyday use and made to last.',
    'Designed in-house and tested by our team for a full season.',
    'Free returns within 30 days. Lifetime warranty on seams and zips.',
    'Ethically made from responsibly sourced materials.',
  ],
};

const de: Vocabulary = {
  departments: [
    { trail: ['Herren', 'Schuhe', 'Wanderschuhe'], nouns: ['Wanderschuh', 'Trekkingstiefel', 'Zustiegsschuh'], adjectives: ['Wasserdichter', 'Leichter', 'Robuster'], option: { name: 'Größe', values: ['41', '42', '43', '44', '45'] }, usd: [99, 260] },
    { trail: ['Küche', 'Kochgeschirr', 'Pfannen'], nouns: ['Bratpfanne', 'Schmortopf', 'Wok'], adjectives: ['Gusseiserne', 'Beschichtete', 'Edelstahl-'], option: null, usd: [39, 249] },
    { trail: ['Damen', 'Bekleidung', 'Jacken'], nouns: ['Regenjacke', 'Daunenjacke', 'Softshelljacke'], adjectives: ['Atmungsaktive', 'Warme', 'Klassische'], option: { name: 'Größe', values: ['34', '36', '38', '40', '42'] }, usd: [79, 390] },
    { trail: ['Garten', 'Gartengeräte'], nouns: ['Gartenschere', 'Heckenschere', 'Rasenmäher'], adjectives: ['Ergonomische', 'Akku-', 'Professionelle'], option: null, usd: [19, 1600] },
  ],
  name: (adjective, noun, model) => `${adjective.endsWith('-') ? adjective + noun : `${adjective} ${noun}`}${model ? ` „${model}“` : ''}`,
  models: ['Alpin', 'Zugspitze', 'Rheinland', 'Nordlicht', 'Eiger'],
  blurbs: ['Der Klassiker aus unserem Sortiment: {name}.', 'Hergestellt in Europa, geprüfte Qualität.', '30 Tage Rückgaberecht und 2 Jahre Garantie.'],
};

const fr: Vocabulary = {
  departments: [
    { trail: ['Femme', 'Vêtements', 'Robes'], nouns: ['Robe', 'Chemise', 'Pull'], adjectives: ['en lin', 'en coton bio', 'à rayures'], option: { name: 'Taille', values: ['XS', 'S', 'M', 'L'] }, usd: [39, 189] },
    { trail: ['Maison', 'Art de la table'], nouns: ['Théière', 'Carafe', 'Saladier'], adjectives: ['en grès', 'en verre soufflé', 'émaillée'], option: null, usd: [19, 129] },
    { trail: ['Beauté', 'Soins du visage'], nouns: ['Crème de jour', 'Sérum', 'Huile démaquillante'], adjectives: ['hydratante', 'à l’acide hyaluronique', 'apaisante'], option: { name: 'Contenance', values: ['30 ml', '50 ml'] }, usd: [15, 79] },
  ],
  name: (adjective, noun, model) => `${noun} ${adjective}${model ? ` ${model}` : ''}`,
  models: ['Camille', 'Lou', 'Riviera', 'Belle-Île', 'Étretat'],
  blurbs: ['{name} : un indispensable de la saison.', 'Fabriqué au Portugal dans un atelier familial.', 'Livraison offerte dès 60 € d’achat.'],
};

const ja: Vocabulary = {
  departments: [
    { trail: ['キッチン', '調理器具'], nouns: ['鉄フライパン', '土鍋', '包丁'], adjectives: ['職人仕上げ', '国産', '軽量'], option: null, usd: [25, 180] },
    { trail: ['ファッション', 'メンズ', 'シャツ'], nouns: ['オックスフォードシャツ', 'リネンシャツ', 'デニムシャツ'], adjectives: ['日本製', 'オーガニックコットン', 'ヴィンテージ加工'], option: { name: 'サイズ', values: ['S', 'M', 'L', 'XL'] }, usd: [39, 140] },
    { trail: ['インテリア', '照明'], nouns: ['ペンダントライト', 'テーブルランプ', 'フロアライト'], adjectives: ['和紙', '真鍮', 'LED'], option: null, usd: [49, 320] },
  ],
  name: (adjective, noun, model) => `${adjective} ${noun}${model ? ` ${model}` : ''}`,
  models: ['KOMOREBI', '26cm', 'No.3', 'MINI'],
  blurbs: ['{name}は毎日の暮らしに寄り添う定番アイテムです。', '一点一点、職人が手作業で仕上げています。', '5,000円以上のご購入で送料無料。'],
};

const ru: Vocabulary = {
  departments: [
    { trail: ['Электроника', 'Наушники'], nouns: ['Беспроводные наушники', 'Портативная колонка', 'Наушники-вкладыши'], adjectives: ['с шумоподавлением', 'Bluetooth 5.3', 'спортивные'], option: { name: 'Цвет', values: ['Черный', 'Белый', 'Синий'] }, usd: [19, 320] },
    { trail: ['Дом и сад', 'Посуда'], nouns: ['Сковорода', 'Кастрюля', 'Набор ножей'], adjectives: ['чугунная', 'с антипригарным покрытием', 'из нержавеющей стали'], option: null, usd: [15, 160] },
    { trail: ['Одежда', 'Мужская', 'Куртки'], nouns: ['Пуховик', 'Парка', 'Ветровка'], adjectives: ['зимний', 'утепленная', 'легкая'], option: { name: 'Размер', values: ['46', '48', '50', '52'] }, usd: [49, 290] },
  ],
  name: (adjective, noun, model) => `${noun} ${adjective}${model ? ` ${model}` : ''}`,
  models: ['Байкал', 'Урал', 'X2', 'Pro'],
  blurbs: ['{name} — хит продаж этого сезона.', 'Официальная гарантия производителя 12 месяцев.', 'Доставка по Москве на следующий день.'],
};

const sv: Vocabulary = {
  departments: [
    { trail: ['Hem & inredning', 'Belysning'], nouns: ['Taklampa', 'Bordslampa', 'Golvlampa'], adjectives: ['Handgjord', 'Minimalistisk', 'Nordisk'], option: null, usd: [39, 420] },
    { trail: ['Dam', 'Kläder', 'Stickat'], nouns: ['Ulltröja', 'Kofta', 'Mössa'], adjectives: ['Merino', 'Tjock', 'Ribbad'], option: { name: 'Storlek', values: ['XS', 'S', 'M', 'L'] }, usd: [29, 189] },
    { trail: ['Friluftsliv', 'Ryggsäckar'], nouns: ['Vandringsryggsäck', 'Dagsryggsäck', 'Kanotpåse'], adjectives: ['Vattentät', 'Lätt', 'Slitstark'], option: null, usd: [49, 260] },
  ],
  name: (adjective, noun, model) => `${adjective} ${noun.toLowerCase()}${model ? ` ${model}` : ''}`,
  models: ['Kiruna', 'Fjäll 28', 'Öland', 'Visby'],
  blurbs: ['{name} – designad i Sverige.', 'Fri frakt och fri retur inom 30 dagar.', 'Tillverkad av återvunnet material.'],
};

const pt: Vocabulary = {
  departments: [
    { trail: ['Celulares e Smartphones', 'Acessórios'], nouns: ['Fone de Ouvido', 'Carregador Portátil', 'Smartwatch'], adjectives: ['Bluetooth', 'Sem Fio', 'Turbo'], option: { name: 'Cor', values: ['Preto', 'Branco', 'Azul'] }, usd: [15, 260] },
    { trail: ['Casa', 'Cozinha'], nouns: ['Panela de Pressão', 'Air Fryer', 'Liquidificador'], adjectives: ['Inox', 'Digital', 'Antiaderente'], option: null, usd: [29, 250] },
    { trail: ['Esporte', 'Tênis'], nouns: ['Tênis de Corrida', 'Tênis Casual', 'Chuteira'], adjectives: ['Masculino', 'Feminino', 'Unissex'], option: { name: 'Tamanho', values: ['37', '38', '39', '40', '41', '42'] }, usd: [39, 180] },
  ],
  name: (adjective, noun, model) => `${noun} ${adjective}${model ? ` ${model}` : ''}`,
  models: ['Pro', 'Max', 'Ultra 2', 'Flex'],
  blurbs: ['{name} com garantia de 12 meses.', 'Parcele em até 10x sem juros.', 'Frete grátis para todo o Brasil.'],
};

const pl: Vocabulary = {
  departments: [
    { trail: ['Dom i ogród', 'Narzędzia', 'Elektronarzędzia'], nouns: ['Wiertarko-wkrętarka', 'Szlifierka kątowa', 'Pilarka tarczowa'], adjectives: ['akumulatorowa', 'bezszczotkowa', 'profesjonalna'], option: null, usd: [49, 420] },
    { trail: ['Moda', 'Obuwie damskie'], nouns: ['Botki', 'Kozaki', 'Sneakersy'], adjectives: ['skórzane', 'zamszowe', 'ocieplane'], option: { name: 'Rozmiar', values: ['36', '37', '38', '39', '40'] }, usd: [39, 199] },
    { trail: ['Dziecko', 'Zabawki'], nouns: ['Klocki konstrukcyjne', 'Puzzle', 'Gra planszowa'], adjectives: ['edukacyjne', 'drewniane', 'rodzinna'], option: null, usd: [9, 89] },
  ],
  name: (adjective, noun, model) => `${noun} ${adjective}${model ? ` ${model}` : ''}`,
  models: ['18V', 'Kraków', 'Premium', 'XL'],
  blurbs: ['{name} – gwarancja 24 miesiące.', 'Wysyłka w 24 godziny.', 'Darmowy zwrot do 30 dni.'],
};

const es: Vocabulary = {
  departments: [
    { trail: ['Tecnología', 'Computación', 'Notebooks'], nouns: ['Notebook', 'Monitor', 'Teclado Mecánico'], adjectives: ['Gamer', 'Ultradelgado', 'Inalámbrico'], option: null, usd: [29, 1400] },
    { trail: ['Hogar', 'Electrodomésticos'], nouns: ['Cafetera', 'Aspiradora', 'Hervidor'], adjectives: ['Eléctrica', 'Robot', 'de Acero'], option: null, usd: [25, 420] },
    { trail: ['Deportes', 'Ciclismo'], nouns: ['Bicicleta', 'Casco', 'Luces LED'], adjectives: ['Aro 29', 'Urbano', 'Recargables'], option: { name: 'Talla', values: ['S', 'M', 'L'] }, usd: [19, 890] },
  ],
  name: (adjective, noun, model) => `${noun} ${adjective}${model ? ` ${model}` : ''}`,
  models: ['Andes', 'Pro 15', 'Atacama', 'X1'],
  blurbs: ['{name} con garantía oficial.', 'Despacho gratis a todo el país.', 'Paga en cuotas sin interés.'],
};

const it: Vocabulary = {
  departments: [
    { trail: ['Casa', 'Caffè', 'Macchine da caffè'], nouns: ['Moka', 'Macchina espresso', 'Macinacaffè'], adjectives: ['in alluminio', 'manuale', 'elettrica'], option: null, usd: [25, 690] },
    { trail: ['Donna', 'Borse'], nouns: ['Borsa a mano', 'Zaino', 'Pochette'], adjectives: ['in pelle', 'vintage', 'intrecciata'], option: { name: 'Colore', values: ['Nero', 'Cuoio', 'Rosso'] }, usd: [59, 480] },
  ],
  name: (adjective, noun, model) => `${noun} ${adjective}${model ? ` ${model}` : ''}`,
  models: ['Firenze', 'Classica', 'Milano', 'Amalfi'],
  blurbs: ['{name}, fatta a mano in Italia.', 'Spedizione gratuita sopra i 49 €.', 'Reso gratuito entro 14 giorni.'],
};

const nl: Vocabulary = {
  departments: [
    { trail: ['Fietsen', 'Accessoires'], nouns: ['Fietstas', 'Fietsslot', 'Fietsverlichting'], adjectives: ['Waterdichte', 'Stevige', 'Oplaadbare'], option: null, usd: [15, 190] },
    { trail: ['Wonen', 'Textiel'], nouns: ['Plaid', 'Kussenhoes', 'Vloerkleed'], adjectives: ['Wollen', 'Linnen', 'Gebreide'], option: { name: 'Kleur', values: ['Zand', 'Oker', 'Grijs'] }, usd: [19, 299] },
  ],
  name: (adjective, noun, model) => `${adjective} ${noun.toLowerCase()}${model ? ` ${model}` : ''}`,
  models: ['Amsterdam', 'Texel', 'Urban'],
  blurbs: ['{name}: ontworpen in Nederland.', 'Voor 23:59 besteld, morgen in huis.', 'Gratis retour binnen 30 dagen.'],
};

export const VOCABULARY: Record<string, Vocabulary> = { en, de, fr, ja, ru, sv, pt, pl, es, it, nl };

/** Invented brand names, per script, so legacy single-byte pages can show them. */
export const BRANDS: Record<string, string[]> = {
  latin: ['Alder & Finch', 'Nordkap', 'Maison Lune', 'Kestrel Works', 'Bergfeld', 'Olive & Oak', 'Tidewater', 'Ferro', 'Lumen Audio', 'Halden', 'Rocaille', 'Vanta', 'Hollis', 'Stellan', 'Cobalt Ridge', 'Marlowe & Co.', 'Pico', 'Yūgen Studio', 'Søndergaard', 'Über Kitchen', 'Brisa', 'Krakus', 'Wola Tools', 'Andesgear', 'Sol de Mayo', 'Tropicana Home', 'Nova Casa'],
  cyrillic: ['Север', 'Технопарк', 'Кедр', 'Ладога', 'Звук-М'],
  japanese: ['山田工房', '南部鉄器工房', 'アトリエ木漏れ日', 'KAMOGAWA'],
};
