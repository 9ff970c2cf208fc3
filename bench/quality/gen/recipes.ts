import type { PageRecipe } from './build-page.js';
import { bigcommerceCornerstone } from './themes/bigcommerce.js';
import { customMicrodata, customNextjs, customOpenGraph, customRdfa, customVisible } from './themes/custom.js';
import { legacyBitrix, legacyJapan, legacyOscommerce } from './themes/legacy.js';
import { magentoHyva, magentoLuma } from './themes/magento.js';
import { marketplaceAmazon, marketplaceEbay, marketplaceMercado, marketplaceObfuscated } from './themes/marketplace.js';
import {
  blogPost, custom404, customCart, customCategoryPage, customSearch, customSingleItemCategory, magentoCategory, reviewArticle,
  shopify404, shopifyCollection, shopifyHome, woo404, wooCategory,
} from './themes/non-product.js';
import { prestashopClassic } from './themes/prestashop.js';
import { sfccSfra } from './themes/sfcc.js';
import { shopifyDawn } from './themes/shopify-dawn.js';
import { shopifyDebut, shopifyImpulse } from './themes/shopify-legacy.js';
import { wooFlatsome, wooStorefront } from './themes/woocommerce.js';

const product = (recipe: Omit<PageRecipe, 'isProduct'>): PageRecipe => ({ ...recipe, isProduct: true });
const other = (recipe: Omit<PageRecipe, 'isProduct' | 'count'>): PageRecipe => ({ ...recipe, isProduct: false, count: 1 });

/**
 * The corpus mix: which page styles, in which markets, with which situations
 * pinned. Everything not pinned is drawn from the page's seed.
 */
export const RECIPES: PageRecipe[] = [
  // Shopify
  product({ theme: shopifyDawn, locale: 'en-US', count: 5, store: 'Alder Trail Supply', scenarios: [{ sale: true, stock: 'in', related: true }, { stock: 'partial', variants: true }, { stock: 'out', sale: false }, { staleStructuredPrice: true, structured: true }, { stock: 'preorder', structured: true }] }),
  product({ theme: shopifyDawn, locale: 'en-GB', count: 2, store: 'Harbour & Hearth', scenarios: [{ structured: false, reviews: true }, { stock: 'low', related: true }] }),
  product({ theme: shopifyDawn, locale: 'de-DE', count: 2, store: 'Bergkind Outdoor', scenarios: [{ sale: true, variants: true }, { structured: false, stock: 'in' }] }),
  product({ theme: shopifyDawn, locale: 'fr-FR', count: 2, store: 'Maison Coquelicot', scenarios: [{ sale: true, related: true }, { stock: 'partial', variants: true }] }),
  product({ theme: shopifyDawn, locale: 'sv-SE', count: 2, store: 'Fjällbo Design', scenarios: [{ sale: false, format: 0 }, { sale: true, format: 1 }] }),
  product({ theme: shopifyDawn, locale: 'en-AU', count: 1, store: 'Coastline Goods', scenarios: [{ format: 1 }] }),
  product({ theme: shopifyDawn, locale: 'en-CA', count: 1, store: 'Maple Ridge Outfitters', scenarios: [{ stock: 'out', variants: true }] }),
  product({ theme: shopifyDebut, locale: 'en-US', count: 3, store: 'Copper Kettle Co', scenarios: [{ sale: true, structured: true }, { stock: 'partial', variants: true, structured: true }, { staleStructuredPrice: true, structured: true, related: true }] }),
  product({ theme: shopifyDebut, locale: 'de-CH', count: 2, store: 'Zürcher Werkstatt', scenarios: [{ format: 0, department: 'Gartengeräte' }, { format: 1, sale: true }] }),
  product({ theme: shopifyDebut, locale: 'nl-NL', count: 1, store: 'Fietsfabriek', scenarios: [{ stock: 'out', structured: false }] }),
  product({ theme: shopifyImpulse, locale: 'en-US', count: 3, store: 'Northwind Apparel', scenarios: [{ sale: true, reviews: true, related: true }, { stock: 'low', breadcrumbs: true }, { stock: 'preorder', reviews: true }] }),
  product({ theme: shopifyImpulse, locale: 'en-GB', count: 1, store: 'Thistle & Loom', scenarios: [{ sale: true, staleStructuredPrice: true }] }),
  product({ theme: shopifyImpulse, locale: 'it-IT', count: 1, store: 'Bottega Amalfi', scenarios: [{ sale: true }] }),
  product({ theme: shopifyImpulse, locale: 'pl-PL', count: 1, store: 'Drewniany Domek', scenarios: [{ stock: 'in', reviews: true }] }),
  product({ theme: shopifyImpulse, locale: 'en-ZA', count: 1, store: 'Karoo Living', scenarios: [{ sale: true, format: 0 }] }),
  // WooCommerce
  product({ theme: wooStorefront, locale: 'en-US', count: 4, store: 'Prairie Pantry', scenarios: [{ sale: true, reviews: true, related: true }, { variants: true, stock: 'in' }, { stock: 'backorder' }, { stock: 'out', staleStructuredPrice: false }] }),
  product({ theme: wooStorefront, locale: 'de-DE', count: 3, store: 'Küchenliebe', scenarios: [{ sale: true }, { staleStructuredPrice: true, structured: true }, { stock: 'preorder' }] }),
  product({ theme: wooStorefront, locale: 'es-ES', count: 2, store: 'Cerámica del Sur', scenarios: [{ related: true }, { sale: true, variants: true }] }),
  product({ theme: wooStorefront, locale: 'nl-NL', count: 2, store: 'Wolwinkel', scenarios: [{ format: 1 }, { stock: 'low' }] }),
  product({ theme: wooStorefront, locale: 'pl-PL', count: 1, store: 'Narzędziownia', scenarios: [{ sale: true }] }),
  product({ theme: wooStorefront, locale: 'en-ZA', count: 1, store: 'Fynbos Naturals', scenarios: [{ format: 0, sale: true }] }),
  product({ theme: wooStorefront, locale: 'en-IN', count: 1, store: 'Chai & Chintz', scenarios: [{ format: 0, department: 'Laptops' }] }),
  product({ theme: wooFlatsome, locale: 'en-GB', count: 2, store: 'Pennine Outdoors', scenarios: [{ sale: true, related: true }, { variants: true, stock: 'partial' }] }),
  product({ theme: wooFlatsome, locale: 'fr-FR', count: 2, store: 'Atelier Lumière', scenarios: [{ sale: true, format: 0 }, { stock: 'out', format: 2 }] }),
  product({ theme: wooFlatsome, locale: 'de-AT', count: 2, store: 'Alpenhaus Wien', scenarios: [{ sale: true }, { reviews: true }] }),
  product({ theme: wooFlatsome, locale: 'it-IT', count: 2, store: 'Caffè Moretti', scenarios: [{ staleStructuredPrice: true, structured: true }, { related: true }] }),
  product({ theme: wooFlatsome, locale: 'pt-BR', count: 2, store: 'Casa Tropical', scenarios: [{ sale: true }, { stock: 'in', variants: true }] }),
  // Magento 2
  product({ theme: magentoLuma, locale: 'en-US', count: 4, store: 'Summit Gear Co', scenarios: [{ sale: true, related: true, reviews: true }, { variants: true, stock: 'partial' }, { stock: 'out' }, { structured: false, related: true }] }),
  product({ theme: magentoLuma, locale: 'de-DE', count: 2, store: 'Gartenwelt Müller', scenarios: [{ sale: true, reviews: true }, { related: true }] }),
  product({ theme: magentoLuma, locale: 'fr-FR', count: 2, store: 'La Cuisine du Marché', scenarios: [{ sale: true }, { variants: true }] }),
  product({ theme: magentoLuma, locale: 'en-GB', count: 1, store: 'Hollis & Hart', scenarios: [{ reviews: true }] }),
  product({ theme: magentoHyva, locale: 'nl-NL', count: 2, store: 'Tweewieler Totaal', scenarios: [{ sale: true, related: true }, { staleStructuredPrice: true, structured: true }] }),
  product({ theme: magentoHyva, locale: 'de-CH', count: 2, store: 'Bergsport Zentral', scenarios: [{ format: 0, reviews: true }, { format: 2, stock: 'out' }] }),
  product({ theme: magentoHyva, locale: 'en-US', count: 1, store: 'Granite State Tools', scenarios: [{ structured: false, sale: true }] }),
  // BigCommerce
  product({ theme: bigcommerceCornerstone, locale: 'en-US', count: 5, store: 'Lakeside Audio', scenarios: [{ sale: true, reviews: true, related: true }, { stock: 'out' }, { structured: false, gtin: true, mpn: true }, { staleStructuredPrice: true, structured: true }, { variants: true, stock: 'partial' }] }),
  product({ theme: bigcommerceCornerstone, locale: 'en-GB', count: 2, store: 'Cotswold Kitchen', scenarios: [{ sale: true }, { reviews: true }] }),
  product({ theme: bigcommerceCornerstone, locale: 'en-AU', count: 2, store: 'Bondi Board Co', scenarios: [{ format: 1, sale: true }, { related: true }] }),
  // Salesforce Commerce Cloud
  product({ theme: sfccSfra, locale: 'en-US', count: 3, store: 'Meridian Sportswear', scenarios: [{ sale: true, variants: false }, { variants: true, stock: 'partial' }, { stock: 'preorder', variants: false, related: true }] }),
  product({ theme: sfccSfra, locale: 'de-DE', count: 2, store: 'Stadtmode Berlin', scenarios: [{ sale: true, variants: false }, { staleStructuredPrice: true, structured: true, variants: false }] }),
  product({ theme: sfccSfra, locale: 'fr-FR', count: 1, store: 'Boutique Rivoli', scenarios: [{ variants: false, structured: false }] }),
  product({ theme: sfccSfra, locale: 'en-GB', count: 1, store: 'Savile Threads', scenarios: [{ stock: 'out', variants: false }] }),
  product({ theme: sfccSfra, locale: 'it-IT', count: 1, store: 'Moda Firenze', scenarios: [{ sale: true, variants: true }] }),
  // PrestaShop
  product({ theme: prestashopClassic, locale: 'fr-FR', count: 3, store: 'Le Petit Comptoir', scenarios: [{ sale: true, related: true }, { stock: 'out', structured: true }, { variants: true, brand: true }] }),
  product({ theme: prestashopClassic, locale: 'es-ES', count: 2, store: 'Tienda Olivar', scenarios: [{ sale: true }, { structured: false }] }),
  product({ theme: prestashopClassic, locale: 'pl-PL', count: 2, store: 'Sklep Krakus', scenarios: [{ related: true }, { sale: true, format: 1 }] }),
  product({ theme: prestashopClassic, locale: 'it-IT', count: 1, store: 'Pelletteria Toscana', scenarios: [{ sale: true }] }),
  product({ theme: prestashopClassic, locale: 'de-DE', count: 1, store: 'Spielwaren Sonnenschein', scenarios: [{ brand: true }] }),
  // Custom and headless
  product({ theme: customNextjs, locale: 'en-US', count: 3, store: 'Voltage Home', scenarios: [{ structured: true, sale: true, related: true }, { structured: false, stock: 'backorder' }, { structured: true, staleStructuredPrice: true }] }),
  product({ theme: customNextjs, locale: 'sv-SE', count: 1, store: 'Nordljus', scenarios: [{ structured: false }] }),
  product({ theme: customNextjs, locale: 'de-DE', count: 1, store: 'Klangwerk Berlin', scenarios: [{ stock: 'discontinued' }] }),
  product({ theme: customNextjs, locale: 'ja-JP', count: 1, store: 'Kurashi Store', scenarios: [{ format: 1 }] }),
  product({ theme: customMicrodata, locale: 'en-US', count: 2, store: 'Oak & Anvil', scenarios: [{ sale: true, reviews: true }, { stock: 'out', related: true }] }),
  product({ theme: customMicrodata, locale: 'fr-CH', count: 1, store: 'Horlogerie du Lac', scenarios: [{ format: 1 }] }),
  product({ theme: customMicrodata, locale: 'es-ES', count: 1, store: 'Bici Barcelona', scenarios: [{ stock: 'preorder' }] }),
  product({ theme: customRdfa, locale: 'de-DE', count: 1, store: 'Buchbinderei Keller', scenarios: [{ sale: true }] }),
  product({ theme: customRdfa, locale: 'nl-NL', count: 1, store: 'Dutch Wool Co', scenarios: [{ reviews: true }] }),
  product({ theme: customRdfa, locale: 'en-GB', count: 1, store: 'Fenland Tea', scenarios: [{ stock: 'out' }] }),
  product({ theme: customOpenGraph, locale: 'en-US', count: 2, store: 'Pixel Pals', scenarios: [{ sale: true }, { sale: true, related: true }] }),
  product({ theme: customOpenGraph, locale: 'pt-BR', count: 1, store: 'Loja Carioca', scenarios: [{ stock: 'preorder' }] }),
  product({ theme: customVisible, locale: 'en-US', count: 2, store: 'Hand & Hive', scenarios: [{ sale: true, reviews: true }, { stock: 'discontinued' }] }),
  product({ theme: customVisible, locale: 'it-IT', count: 1, store: 'Ceramiche Vietri', scenarios: [{ related: true }] }),
  product({ theme: customVisible, locale: 'sv-SE', count: 1, store: 'Skogsmulle', scenarios: [{ format: 0, sale: true }] }),
  // Legacy charsets
  product({ theme: legacyOscommerce, locale: 'de-DE', count: 2, store: 'Elektro Schäfer', charset: 'iso-8859-1', scenarios: [{ sale: true }, { stock: 'out' }] }),
  product({ theme: legacyOscommerce, locale: 'fr-FR', count: 1, store: 'Quincaillerie Générale', charset: 'iso-8859-1', scenarios: [{ related: true }] }),
  product({ theme: legacyOscommerce, locale: 'es-ES', count: 1, store: 'Ferretería Peñalver', charset: 'iso-8859-1', headerCharset: false, scenarios: [{ sale: true }] }),
  product({ theme: legacyBitrix, locale: 'ru-RU', count: 4, store: 'Tehnopark Market', charset: 'windows-1251', scenarios: [{ sale: true, format: 1, related: true }, { format: 1, stock: 'out' }, { format: 2, structured: false }, { format: 1, reviews: true }] }),
  product({ theme: legacyBitrix, locale: 'ru-RU', count: 1, store: 'Dom Posudy', charset: 'windows-1251', headerCharset: false, scenarios: [{ format: 1, sale: true }] }),
  product({ theme: legacyJapan, locale: 'ja-JP', count: 3, store: 'Kamogawa Kobo', charset: 'Shift_JIS', scenarios: [{ format: 1, sale: true }, { format: 2, stock: 'out' }, { format: 3, structured: true }] }),
  product({ theme: legacyJapan, locale: 'ja-JP', count: 1, store: 'Nanbu Tekki Honpo', charset: 'Shift_JIS', headerCharset: false, scenarios: [{ format: 1, stock: 'preorder' }] }),
  // Marketplaces
  product({ theme: marketplaceAmazon, locale: 'en-US', count: 3, store: 'Riverstone Market', scenarios: [{ sale: true, reviews: true, related: true }, { stock: 'backorder' }, { stock: 'low', brand: true }] }),
  product({ theme: marketplaceAmazon, locale: 'de-DE', count: 1, store: 'Marktplatz Weiss', scenarios: [{ sale: true }] }),
  product({ theme: marketplaceAmazon, locale: 'en-IN', count: 1, store: 'Bazaar Bharat', scenarios: [{ reviews: true, department: 'Laptops' }] }),
  product({ theme: marketplaceAmazon, locale: 'ja-JP', count: 1, store: 'Ichiba Plaza', scenarios: [{ format: 0 }] }),
  product({ theme: marketplaceEbay, locale: 'en-US', count: 2, store: 'Auction Alley', scenarios: [{ sale: true, gtin: true, mpn: true }, { stock: 'out' }] }),
  product({ theme: marketplaceEbay, locale: 'en-GB', count: 1, store: 'Bidwell Exchange', scenarios: [{ brand: true }] }),
  product({ theme: marketplaceMercado, locale: 'es-CL', count: 2, store: 'Mercado Andino', scenarios: [{ sale: true, reviews: true }, { structured: false }] }),
  product({ theme: marketplaceMercado, locale: 'pt-BR', count: 2, store: 'Mercado Paulista', scenarios: [{ sale: true }, { reviews: true, stock: 'out' }] }),
  product({ theme: marketplaceObfuscated, locale: 'en-IN', count: 2, store: 'Kartwala', scenarios: [{ sale: true, reviews: true, department: 'Laptops' }, { stock: 'out', format: 1 }] }),
  product({ theme: marketplaceObfuscated, locale: 'pl-PL', count: 1, store: 'Allegretto', scenarios: [{ sale: false, format: 0 }] }),
  product({ theme: marketplaceObfuscated, locale: 'en-ZA', count: 1, store: 'Takealoft', scenarios: [{ sale: true, format: 0 }] }),
  product({ theme: marketplaceObfuscated, locale: 'ja-JP', count: 1, store: 'Rakuichi Mall', scenarios: [{ reviews: true }] }),
  // Not product pages
  other({ theme: shopifyCollection, locale: 'en-US', store: 'Alder Trail Supply' }),
  other({ theme: shopifyCollection, locale: 'de-DE', store: 'Bergkind Outdoor' }),
  other({ theme: shopifyHome, locale: 'en-US', store: 'Northwind Apparel' }),
  other({ theme: shopify404, locale: 'fr-FR', store: 'Maison Coquelicot' }),
  other({ theme: wooCategory, locale: 'en-GB', store: 'Pennine Outdoors' }),
  other({ theme: wooCategory, locale: 'es-ES', store: 'Cerámica del Sur' }),
  other({ theme: woo404, locale: 'en-US', store: 'Prairie Pantry' }),
  other({ theme: blogPost, locale: 'en-US', store: 'Prairie Pantry' }),
  other({ theme: reviewArticle, locale: 'en-US', store: 'Gear Verdict' }),
  other({ theme: customCategoryPage, locale: 'en-US', store: 'Voltage Home' }),
  other({ theme: customCategoryPage, locale: 'sv-SE', store: 'Nordljus' }),
  other({ theme: customSingleItemCategory, locale: 'en-US', store: 'Oak & Anvil' }),
  other({ theme: customSearch, locale: 'de-DE', store: 'Klangwerk Berlin' }),
  other({ theme: customCart, locale: 'en-US', store: 'Hand & Hive' }),
  other({ theme: magentoCategory, locale: 'en-US', store: 'Summit Gear Co' }),
  other({ theme: custom404, locale: 'ja-JP', store: 'Kurashi Store' }),
];
