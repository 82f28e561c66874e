// A small French fashion catalogue, shop network and free-text notes used by the generator.
import { list } from './names';

export interface Product {
  sku: string;
  title: string;
  price: number;
  category: string;
}

function products(text: string): Product[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const [sku = '', title = '', price = '0', category = ''] = line.trim().split('|');
      return { sku, title, price: Number(price), category };
    });
}

export const catalog: readonly Product[] = products(`
  SJ-MER-2401|Marinière Saint James Méridame écru/marine|79|prêt-à-porter femme
  SJ-MIN-2402|Marinière Saint James Minquiers moderne|85|prêt-à-porter homme
  SJ-BIN-2403|Pull marin Saint James Binic|139|prêt-à-porter homme
  AL-FOU-1101|Pull marin Armor Lux Fouesnant|115|prêt-à-porter homme
  AL-CIR-1102|Ciré Armor Lux capuche jaune|129|sport & outdoor
  AL-MAR-1103|Marinière Armor Lux Loctudy|59|prêt-à-porter femme
  PB-BOD-3301|Lot de 3 bodies Petit Bateau coton bio|39.9|enfant
  PB-PYJ-3302|Pyjama rayé Petit Bateau|34.9|enfant
  PB-CIR-3303|Ciré Petit Bateau iconique|75|enfant
  PB-TSH-3304|T-shirt col rond Petit Bateau femme|29.9|prêt-à-porter femme
  AI-PAR-4401|Bottes de pluie Aigle Parcours 2|150|chaussures
  AI-CHA-4402|Bottes Aigle Chantebelle|99|chaussures
  AI-VES-4403|Veste imperméable Aigle MTD|199|sport & outdoor
  SF-SLI-5501|Slip Le Slip Français Marius bleu|35|lingerie & sous-vêtements
  SF-CHA-5502|Chaussettes Le Slip Français tricolores|19|accessoires
  SF-MAR-5503|Marinière Le Slip Français Lucien|75|prêt-à-porter homme
  VJ-V10-6601|Baskets Veja V-10 cuir blanc|150|chaussures
  VJ-CAM-6602|Baskets Veja Campo extra white|140|chaussures
  VJ-ESP-6603|Baskets Veja Esplar cuir|120|chaussures
  SZ-GAB-7701|Chemise Sézane Gaby|115|prêt-à-porter femme
  SZ-ROB-7702|Robe Sézane Margot imprimé fleuri|165|prêt-à-porter femme
  SZ-CAB-7703|Cabas Sézane Farrow cuir camel|195|maroquinerie
  SZ-PUL-7704|Pull Sézane Gaspard en laine|140|prêt-à-porter femme
  AB-CAR-8801|Cardigan pression agnès b. noir|185|prêt-à-porter femme
  AP-JEA-8802|Jean droit A.P.C. Petit Standard brut|190|prêt-à-porter homme
  AP-DEM-8803|Sac demi-lune A.P.C.|395|maroquinerie
  CY-TRE-9901|Trench Cyrillus en gabardine beige|169|prêt-à-porter femme
  CY-CHE-9902|Chemise Cyrillus en lin|69|prêt-à-porter homme
  FG-SNE-1201|Baskets Faguo Cypress en coton recyclé|85|chaussures
  JT-DOU-1301|Doudoune légère Jott Cha|120|prêt-à-porter femme
  ML-SWE-1401|Sweat brodé Maison Labiche « Amour »|95|prêt-à-porter homme
  BS-TEN-1501|Tennis Bensimon élastiques|45|chaussures
  RJ-ROB-1601|Robe Rouje Gabin|175|prêt-à-porter femme
  BZ-BLO-1701|Blouse Balzac Paris Bettina|145|prêt-à-porter femme
  HS-CHE-1801|Chemise Hast en oxford|79|prêt-à-porter homme
  LM-PLA-1901|Plaid en laine des Pyrénées|89|linge de maison
  LM-DRA-1902|Parure de lit en lin lavé|159|linge de maison
  AC-FOU-2001|Foulard en soie imprimé|65|accessoires
  AC-BON-2002|Bonnet en laine mérinos côtelé|35|accessoires
  AC-CEI-2003|Ceinture en cuir tressé|49|accessoires
  BT-SAV-2101|Coffret savons de Marseille|24.5|beauté
  BT-CRE-2102|Crème mains à l'huile d'olive|12.9|beauté
`);

export const brands = list(`Petit Bateau, Armor Lux, Saint James, Aigle, Le Slip Français, Veja, Sézane, agnès b.,
  A.P.C., Cyrillus, Faguo, Jott, Maison Labiche, Bensimon, Rouje, Balzac Paris, Hast`);

export const categories = list(`prêt-à-porter femme, prêt-à-porter homme, enfant, chaussures, maroquinerie,
  accessoires, linge de maison, sport & outdoor, lingerie & sous-vêtements, beauté`);

/** Home store by city; country drives which cities a customer lives in. */
export const storesByCountry: Readonly<Record<'FR' | 'BE' | 'CH', readonly (readonly [string, string])[]>> = {
  FR: [
    ['Paris', 'paris-rivoli'],
    ['Paris', 'paris-opera'],
    ['Paris', 'paris-marais'],
    ['Lyon', 'lyon-bellecour'],
    ['Marseille', 'marseille-prado'],
    ['Bordeaux', 'bordeaux-sainte-catherine'],
    ['Lille', 'lille-grand-place'],
    ['Nantes', 'nantes-graslin'],
    ['Toulouse', 'toulouse-capitole'],
    ['Strasbourg', 'strasbourg-kleber'],
    ['Nice', 'nice-massena'],
    ['Rennes', 'rennes-republique'],
    ['Montpellier', 'montpellier-comedie'],
  ],
  BE: [
    ['Bruxelles', 'bruxelles-louise'],
    ['Liège', 'bruxelles-louise'],
  ],
  CH: [
    ['Genève', 'geneve-rive'],
    ['Lausanne', 'geneve-rive'],
  ],
};

export const customerNotes = list(`Préfère être appelée en fin de journée, Allergique à la laine — proposer du coton,
  Taille grand en Saint James : conseiller une taille en dessous, Vient souvent le samedi avec ses enfants,
  Ne souhaite pas de sac plastique, Client historique de la boutique Rivoli, Aime être prévenue des nouvelles
  collections, Retours fréquents sur les chaussures : vérifier la pointure, Malvoyant — préfère le téléphone au mail,
  Achète souvent des cadeaux de naissance, Demande toujours un paquet cadeau, Préfère le vouvoiement`);

/** Order statuses by age of the order. */
export const recentStatuses: readonly (readonly [string, number])[] = [
  ['processing', 30],
  ['shipped', 40],
  ['ready_for_pickup', 20],
  ['cancelled', 5],
  ['delivered', 5],
];
export const pastStatuses: readonly (readonly [string, number])[] = [
  ['delivered', 80],
  ['returned', 8],
  ['partially_returned', 7],
  ['cancelled', 5],
];
