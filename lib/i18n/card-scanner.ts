import type { Locale } from './strings';

// Words of the loyalty-card scanner where the browser must be asked for the camera.
const en = {
  askInTab: 'The browser asks for the camera in a tab only. Allow it there once, then scan from here.',
  openTab: 'Allow the camera in a tab',
  blocked: 'The camera is blocked for Reconnu: allow it in the browser’s site settings, or type the card number.',
};

type CardScannerStrings = typeof en;

const fr: CardScannerStrings = {
  askInTab: 'Le navigateur ne demande la caméra que dans un onglet. Autorisez-la là une fois, puis scannez d’ici.',
  openTab: 'Autoriser la caméra dans un onglet',
  blocked:
    'La caméra est bloquée pour Reconnu : autorisez-la dans les paramètres du site du navigateur, ou saisissez le numéro de carte.',
};

export function cardScannerStrings(locale: Locale): CardScannerStrings {
  return locale === 'fr' ? fr : en;
}
