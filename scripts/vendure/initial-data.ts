import { type InitialData, LanguageCode } from '@vendure/core';

/** The smallest shop an order can be placed in: countries, one zone, one tax rate, shipping and payment. */
export const initialData: InitialData = {
  defaultLanguage: LanguageCode.fr,
  defaultZone: 'Europe',
  countries: [
    { name: 'France', code: 'FR', zone: 'Europe' },
    { name: 'Belgique', code: 'BE', zone: 'Europe' },
    { name: 'Suisse', code: 'CH', zone: 'Europe' },
    { name: 'Deutschland', code: 'DE', zone: 'Europe' },
    { name: 'España', code: 'ES', zone: 'Europe' },
  ],
  taxRates: [{ name: 'TVA normale', percentage: 20 }],
  shippingMethods: [{ name: 'Colissimo', price: 490 }],
  paymentMethods: [
    {
      name: 'Carte bancaire',
      handler: { code: 'dummy-payment-handler', arguments: [{ name: 'automaticSettle', value: 'true' }] },
    },
  ],
  collections: [],
};

/** A few products with SKUs, in Vendure's import CSV format (prices in major units, tax included by the channel). */
export const productsCsv = [
  'name,slug,description,assets,facets,optionGroups,optionValues,sku,price,taxCategory,stockOnHand,trackInventory,variantAssets,variantFacets',
  'Marinière Héritage,mariniere-heritage,Coton épais,,,taille,S,MAR-S,59.00,TVA normale,1000,false,,',
  ',,,,,,M,MAR-M,59.00,TVA normale,1000,false,,',
  ',,,,,,L,MAR-L,59.00,TVA normale,1000,false,,',
  'Pull camionneur,pull-camionneur,Laine mérinos,,,,,PUL-CAM,129.00,TVA normale,1000,false,,',
  'Baskets cuir blanc,baskets-cuir,Cuir tanné végétal,,,pointure,40,BAS-40,135.00,TVA normale,1000,false,,',
  ',,,,,,42,BAS-42,135.00,TVA normale,1000,false,,',
  'Veste de pluie,veste-pluie,Imperméable,,,,,VES-PLU,189.90,TVA normale,1000,false,,',
  'Écharpe en lin,echarpe-lin,Lin lavé,,,,,ECH-LIN,39.50,TVA normale,1000,false,,',
].join('\n');
