import type { Locale } from './strings';

// Words of the check that a sensitive action was really seen by the user before it was clicked.
const en = {
  covered:
    'This page is covering or fading the Reconnu panel, so this was not done. Make sure the panel is fully visible, then try again.',
  confirm: 'Confirm',
  cancel: 'Cancel',
};

type GuardStrings = typeof en;

const fr: GuardStrings = {
  covered:
    'Cette page recouvre ou estompe le panneau Reconnu : rien n’a été fait. Vérifiez que le panneau est entièrement visible, puis réessayez.',
  confirm: 'Confirmer',
  cancel: 'Annuler',
};

export function guardStrings(locale: Locale): GuardStrings {
  return locale === 'fr' ? fr : en;
}
