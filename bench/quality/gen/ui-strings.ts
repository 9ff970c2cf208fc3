/** Shop interface text per language, as themes of that market print it. `{n}` is a number. */
export interface UiStrings {
  home: string;
  addToCart: string;
  buyNow: string;
  soldOut: string;
  inStock: string;
  lowStock: string;
  outOfStock: string;
  preorder: string;
  preorderNote: string;
  backorder: string;
  discontinued: string;
  sku: string;
  brand: string;
  gtin: string;
  mpn: string;
  reviews: string;
  description: string;
  related: string;
  sale: string;
  regularPrice: string;
  salePrice: string;
  quantity: string;
  size: string;
  color: string;
  taxIncluded: string;
  shipping: string;
  wishlist: string;
  notFound: string;
  notFoundText: string;
  search: string;
  cart: string;
  account: string;
  newsletter: string;
  readMore: string;
  categoryIntro: string;
  sortBy: string;
}

const en: UiStrings = {
  home: 'Home', addToCart: 'Add to cart', buyNow: 'Buy it now', soldOut: 'Sold out', inStock: 'In stock',
  lowStock: 'Only {n} left in stock', outOfStock: 'Out of stock', preorder: 'Pre-order',
  preorderNote: 'Pre-order now: ships from {n} March', backorder: 'Available on backorder', discontinued: 'Discontinued',
  sku: 'SKU', brand: 'Brand', gtin: 'UPC', mpn: 'MPN', reviews: '{n} reviews', description: 'Description',
  related: 'You may also like', sale: 'Sale', regularPrice: 'Regular price', salePrice: 'Sale price', quantity: 'Quantity',
  size: 'Size', color: 'Color', taxIncluded: 'Tax included.', shipping: 'Shipping calculated at checkout.',
  wishlist: 'Add to wishlist', notFound: 'Page not found', notFoundText: 'The page you were looking for does not exist.',
  search: 'Search', cart: 'Cart', account: 'Account', newsletter: 'Subscribe to our emails', readMore: 'Read more',
  categoryIntro: 'Everything you need, picked by our team.', sortBy: 'Sort by',
};

const de: UiStrings = {
  home: 'Startseite', addToCart: 'In den Warenkorb', buyNow: 'Jetzt kaufen', soldOut: 'Ausverkauft', inStock: 'Auf Lager',
  lowStock: 'Nur noch {n} auf Lager', outOfStock: 'Nicht vorrätig', preorder: 'Vorbestellen',
  preorderNote: 'Vorbestellung: Lieferung ab {n}. März', backorder: 'Lieferbar auf Nachbestellung', discontinued: 'Nicht mehr erhältlich',
  sku: 'Artikelnummer', brand: 'Marke', gtin: 'EAN', mpn: 'Herstellernummer', reviews: '{n} Bewertungen', description: 'Beschreibung',
  related: 'Das könnte Ihnen auch gefallen', sale: 'Angebot', regularPrice: 'Normaler Preis', salePrice: 'Angebotspreis',
  quantity: 'Anzahl', size: 'Größe', color: 'Farbe', taxIncluded: 'inkl. MwSt.', shipping: 'zzgl. Versandkosten',
  wishlist: 'Auf den Wunschzettel', notFound: 'Seite nicht gefunden', notFoundText: 'Die gesuchte Seite existiert leider nicht.',
  search: 'Suche', cart: 'Warenkorb', account: 'Mein Konto', newsletter: 'Newsletter abonnieren', readMore: 'Weiterlesen',
  categoryIntro: 'Unsere Auswahl für Sie.', sortBy: 'Sortieren nach',
};

const fr: UiStrings = {
  home: 'Accueil', addToCart: 'Ajouter au panier', buyNow: 'Acheter maintenant', soldOut: 'Épuisé', inStock: 'En stock',
  lowStock: 'Plus que {n} en stock', outOfStock: 'Rupture de stock', preorder: 'Précommander',
  preorderNote: 'Précommande : expédition à partir du {n} mars', backorder: 'Disponible sur commande', discontinued: 'Produit arrêté',
  sku: 'Référence', brand: 'Marque', gtin: 'EAN', mpn: 'Réf. fabricant', reviews: '{n} avis', description: 'Description',
  related: 'Vous aimerez aussi', sale: 'Promo', regularPrice: 'Prix normal', salePrice: 'Prix soldé', quantity: 'Quantité',
  size: 'Taille', color: 'Couleur', taxIncluded: 'TTC', shipping: 'Frais de port calculés à la commande.',
  wishlist: 'Ajouter à ma liste', notFound: 'Page introuvable', notFoundText: "La page que vous cherchez n'existe pas.",
  search: 'Rechercher', cart: 'Panier', account: 'Mon compte', newsletter: 'Inscrivez-vous à la newsletter', readMore: 'Lire la suite',
  categoryIntro: 'Notre sélection du moment.', sortBy: 'Trier par',
};

const ja: UiStrings = {
  home: 'ホーム', addToCart: 'カートに入れる', buyNow: '今すぐ購入', soldOut: '売り切れ', inStock: '在庫あり',
  lowStock: '残り{n}点', outOfStock: '在庫切れ', preorder: '予約注文', preorderNote: '予約商品：{n}月下旬発送予定',
  backorder: 'お取り寄せ', discontinued: '販売終了', sku: '商品番号', brand: 'ブランド', gtin: 'JANコード', mpn: '型番',
  reviews: 'レビュー{n}件', description: '商品説明', related: 'おすすめ商品', sale: 'セール', regularPrice: '通常価格',
  salePrice: '販売価格', quantity: '数量', size: 'サイズ', color: 'カラー', taxIncluded: '(税込)', shipping: '送料別',
  wishlist: 'お気に入りに追加', notFound: 'ページが見つかりません', notFoundText: 'お探しのページは見つかりませんでした。',
  search: '検索', cart: 'カート', account: 'マイページ', newsletter: 'メールマガジン登録', readMore: '続きを読む',
  categoryIntro: 'スタッフおすすめの商品です。', sortBy: '並び替え',
};

const ru: UiStrings = {
  home: 'Главная', addToCart: 'В корзину', buyNow: 'Купить в 1 клик', soldOut: 'Нет в наличии', inStock: 'В наличии',
  lowStock: 'Осталось {n} шт.', outOfStock: 'Нет в наличии', preorder: 'Предзаказ', preorderNote: 'Предзаказ: поступление {n} марта',
  backorder: 'Под заказ', discontinued: 'Снят с производства', sku: 'Артикул', brand: 'Производитель', gtin: 'Штрихкод',
  mpn: 'Код производителя', reviews: '{n} отзывов', description: 'Описание', related: 'С этим товаром покупают',
  sale: 'Скидка', regularPrice: 'Старая цена', salePrice: 'Цена', quantity: 'Количество', size: 'Размер', color: 'Цвет',
  taxIncluded: 'вкл. НДС', shipping: 'Доставка по всей России', wishlist: 'В избранное', notFound: 'Страница не найдена',
  notFoundText: 'Запрашиваемая страница не существует.', search: 'Поиск', cart: 'Корзина', account: 'Личный кабинет',
  newsletter: 'Подписка на новости', readMore: 'Подробнее', categoryIntro: 'Лучшие товары по выгодным ценам.', sortBy: 'Сортировать',
};

const sv: UiStrings = {
  home: 'Hem', addToCart: 'Lägg i varukorgen', buyNow: 'Köp nu', soldOut: 'Slutsåld', inStock: 'I lager',
  lowStock: 'Endast {n} kvar i lager', outOfStock: 'Slut i lager', preorder: 'Förbeställ', preorderNote: 'Förbeställ: skickas från {n} mars',
  backorder: 'Restnoterad', discontinued: 'Utgått', sku: 'Artikelnummer', brand: 'Varumärke', gtin: 'EAN', mpn: 'Tillverkarens art.nr',
  reviews: '{n} recensioner', description: 'Beskrivning', related: 'Du kanske också gillar', sale: 'Rea',
  regularPrice: 'Ordinarie pris', salePrice: 'Reapris', quantity: 'Antal', size: 'Storlek', color: 'Färg',
  taxIncluded: 'Inkl. moms', shipping: 'Frakt beräknas i kassan.', wishlist: 'Spara', notFound: 'Sidan hittades inte',
  notFoundText: 'Sidan du letar efter finns inte.', search: 'Sök', cart: 'Varukorg', account: 'Konto',
  newsletter: 'Prenumerera på vårt nyhetsbrev', readMore: 'Läs mer', categoryIntro: 'Handplockat av oss.', sortBy: 'Sortera',
};

const pt: UiStrings = {
  home: 'Início', addToCart: 'Adicionar ao carrinho', buyNow: 'Comprar agora', soldOut: 'Esgotado', inStock: 'Em estoque',
  lowStock: 'Restam apenas {n} unidades', outOfStock: 'Fora de estoque', preorder: 'Pré-venda', preorderNote: 'Pré-venda: envio a partir de {n} de março',
  backorder: 'Sob encomenda', discontinued: 'Fora de linha', sku: 'Código', brand: 'Marca', gtin: 'EAN', mpn: 'Ref. do fabricante',
  reviews: '{n} avaliações', description: 'Descrição', related: 'Quem viu, comprou também', sale: 'Oferta', regularPrice: 'De',
  salePrice: 'Por', quantity: 'Quantidade', size: 'Tamanho', color: 'Cor', taxIncluded: 'à vista', shipping: 'Frete calculado no checkout.',
  wishlist: 'Favoritar', notFound: 'Página não encontrada', notFoundText: 'A página que você procura não existe.', search: 'Buscar',
  cart: 'Carrinho', account: 'Minha conta', newsletter: 'Receba nossas ofertas', readMore: 'Leia mais',
  categoryIntro: 'Os melhores produtos com os melhores preços.', sortBy: 'Ordenar por',
};

const pl: UiStrings = {
  home: 'Strona główna', addToCart: 'Dodaj do koszyka', buyNow: 'Kup teraz', soldOut: 'Wyprzedane', inStock: 'Dostępny',
  lowStock: 'Zostało tylko {n} szt.', outOfStock: 'Produkt niedostępny', preorder: 'Przedsprzedaż', preorderNote: 'Przedsprzedaż: wysyłka od {n} marca',
  backorder: 'Na zamówienie', discontinued: 'Wycofany', sku: 'Kod produktu', brand: 'Producent', gtin: 'EAN', mpn: 'Kod producenta',
  reviews: '{n} opinii', description: 'Opis', related: 'Polecane produkty', sale: 'Promocja', regularPrice: 'Cena regularna',
  salePrice: 'Cena promocyjna', quantity: 'Ilość', size: 'Rozmiar', color: 'Kolor', taxIncluded: 'brutto', shipping: 'Darmowa dostawa od 200 zł',
  wishlist: 'Dodaj do ulubionych', notFound: 'Nie znaleziono strony', notFoundText: 'Strona, której szukasz, nie istnieje.', search: 'Szukaj',
  cart: 'Koszyk', account: 'Moje konto', newsletter: 'Zapisz się do newslettera', readMore: 'Czytaj więcej',
  categoryIntro: 'Najlepsze produkty w jednym miejscu.', sortBy: 'Sortuj',
};

const es: UiStrings = {
  home: 'Inicio', addToCart: 'Añadir al carrito', buyNow: 'Comprar ahora', soldOut: 'Agotado', inStock: 'En stock',
  lowStock: 'Quedan solo {n} unidades', outOfStock: 'Sin stock', preorder: 'Reservar', preorderNote: 'Preventa: envío a partir del {n} de marzo',
  backorder: 'Disponible bajo pedido', discontinued: 'Descatalogado', sku: 'SKU', brand: 'Marca', gtin: 'EAN', mpn: 'Ref. fabricante',
  reviews: '{n} opiniones', description: 'Descripción', related: 'También te puede interesar', sale: 'Oferta',
  regularPrice: 'Precio normal', salePrice: 'Precio oferta', quantity: 'Cantidad', size: 'Talla', color: 'Color',
  taxIncluded: 'IVA incluido', shipping: 'Envío calculado al finalizar la compra.', wishlist: 'Añadir a favoritos',
  notFound: 'Página no encontrada', notFoundText: 'La página que buscas no existe.', search: 'Buscar', cart: 'Carrito',
  account: 'Mi cuenta', newsletter: 'Suscríbete al boletín', readMore: 'Leer más', categoryIntro: 'Nuestra selección.', sortBy: 'Ordenar por',
};

const it: UiStrings = {
  home: 'Home', addToCart: 'Aggiungi al carrello', buyNow: 'Acquista ora', soldOut: 'Esaurito', inStock: 'Disponibile',
  lowStock: 'Solo {n} rimasti', outOfStock: 'Non disponibile', preorder: 'Preordina', preorderNote: 'Preordine: spedizione dal {n} marzo',
  backorder: 'Disponibile su ordinazione', discontinued: 'Fuori produzione', sku: 'Codice articolo', brand: 'Marca', gtin: 'EAN',
  mpn: 'Codice produttore', reviews: '{n} recensioni', description: 'Descrizione', related: 'Potrebbe interessarti anche',
  sale: 'Saldi', regularPrice: 'Prezzo di listino', salePrice: 'Prezzo scontato', quantity: 'Quantità', size: 'Taglia', color: 'Colore',
  taxIncluded: 'IVA inclusa', shipping: 'Spedizione calcolata al checkout.', wishlist: 'Aggiungi ai preferiti',
  notFound: 'Pagina non trovata', notFoundText: 'La pagina che cerchi non esiste.', search: 'Cerca', cart: 'Carrello',
  account: 'Il mio account', newsletter: 'Iscriviti alla newsletter', readMore: 'Continua a leggere', categoryIntro: 'La nostra selezione.', sortBy: 'Ordina per',
};

const nl: UiStrings = {
  home: 'Home', addToCart: 'In winkelwagen', buyNow: 'Nu kopen', soldOut: 'Uitverkocht', inStock: 'Op voorraad',
  lowStock: 'Nog maar {n} op voorraad', outOfStock: 'Niet op voorraad', preorder: 'Pre-order', preorderNote: 'Pre-order: verzending vanaf {n} maart',
  backorder: 'In nabestelling', discontinued: 'Uit assortiment', sku: 'Artikelnummer', brand: 'Merk', gtin: 'EAN', mpn: 'Fabrikantcode',
  reviews: '{n} reviews', description: 'Omschrijving', related: 'Misschien ook leuk', sale: 'Sale', regularPrice: 'Normale prijs',
  salePrice: 'Actieprijs', quantity: 'Aantal', size: 'Maat', color: 'Kleur', taxIncluded: 'Incl. btw', shipping: 'Gratis verzending vanaf € 50',
  wishlist: 'Verlanglijst', notFound: 'Pagina niet gevonden', notFoundText: 'De pagina die je zoekt bestaat niet.', search: 'Zoeken',
  cart: 'Winkelwagen', account: 'Account', newsletter: 'Schrijf je in voor de nieuwsbrief', readMore: 'Lees meer',
  categoryIntro: 'Onze favorieten.', sortBy: 'Sorteer op',
};

export const UI: Record<string, UiStrings> = { en, de, fr, ja, ru, sv, pt, pl, es, it, nl };

/** `template` with `{n}` replaced. */
export function fill(template: string, n: number | string): string {
  return template.replace('{n}', String(n));
}
