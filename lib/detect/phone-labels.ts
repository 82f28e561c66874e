// Words that make the number right after them a reference, not a phone: "Réf. 06 12 34 56 78", "Commande n° 0612…",
// "Kundennummer: 0612…". Matched on the ~32 characters before a number, lowercased and without accents, and only
// when nothing but punctuation and "n°"-like words stand between the label and the number: "commande passée, tél.
// 06 12 34 56 78" is a phone.

const REFERENCE_WORDS = [
  'refs?',
  'references?',
  'sku',
  'art',
  'article',
  'artikel(?:nummer|nr)?',
  'articulo',
  'articolo',
  'orders?',
  'commandes?',
  'cmd',
  'bestell(?:ung|nummer|nr)?',
  'pedido',
  'ordine',
  'invoice',
  'factures?',
  'rechnung(?:snummer|snr)?',
  'factura',
  'fattura',
  'tracking',
  'suivi',
  'colis',
  'parcel',
  'sendung(?:snummer)?',
  'seguimiento',
  'spedizione',
  'siret',
  'siren',
  'tva',
  'vat',
  'ust-?id(?:-?nr)?',
  'iban',
  'bic',
  'swift',
  'ean',
  'gtin',
  'upc',
  'isbn',
  'kunden-?(?:nummer|nr)',
  'kd\\W{0,3}nr',
  // "client" alone introduces a customer's details, their phone among them: only a client *number* is a reference.
  '(?:client|customer|cliente|kunden?)\\s*(?:n|no|nr|num|numero|number|nummer|id)\\b',
  '(?:n|no|nr|num|numero|number|id)\\W*(?:de\\s+|du\\s+|del\\s+)?(?:client|customer|cliente)',
];

// What may stand between a label and its number: punctuation, "n°", "no.", "#", "number", "de", "client".
const CONNECTOR =
  "[\\s.:#°º'’\\-–/()]|\\b(?:n|no|nr|num|numero|number|nummer|nro|id|de|du|del|di|of|client|customer)\\b";

const LABEL_BEFORE = new RegExp(`(?:^|[^a-z0-9])(?:${REFERENCE_WORDS.join('|')})(?:${CONNECTOR})*$`);
const LABEL_WINDOW = 32;
const ACCENTS = /\p{M}/gu;

/** Whether the number starting at `index` in `text` is labelled as a reference, an order, an invoice, a tax id… */
export function labelledAsReference(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - LABEL_WINDOW), index);
  if (!/[a-z]/i.test(before)) return false;
  return LABEL_BEFORE.test(before.normalize('NFD').replace(ACCENTS, '').toLowerCase());
}
