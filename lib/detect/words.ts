// The words an agent reads around an identifier to know whose it is, in the languages of the retailers served.
// Matched against text lowered and stripped of accents (see plain()).

/** Labels and headings that name the customer: "Requester", "Demandeur", "Kunde", "Bill to"… */
export const CUSTOMER_WORDS =
  /\b(?:requester|requested by|requestor|customer|customers|client|cliente|kunde|kundin|kunden|contact|contacto|contatto|caller|appelant|anrufer|demandeur|demandeuse|submitter|submitted by|reporter|end user|end-user|enduser|utilisateur final|buyer|acheteur|acheteuse|billing|facturation|shipping|livraison|ship to|bill to|rechnungsadresse|lieferadresse|opened by|ouvert par|visitor|visiteur|person|personne|customer details|profil client|user info|solicitante|richiedente|aanvrager|klant|klanten|clienti|clientes|comprador|compradora|acquirente|koper|facturacion|fatturazione|facturatie|factuuradres|envio|spedizione|verzending|verzendadres|bezorgadres|persona|persoon|contactpersoon|visitante|visitatore|bezoeker|llamante|chiamante|beller|abierto por|aperto da|geopend door|usuario final|utente finale|eindgebruiker)\b/;

/** Labels and headings of a message's sender: "From", "De", "Von", "Expéditeur"… */
export const SENDER_WORDS =
  /^(?:from|de|von|da|expediteur|expeditrice|absender|sender|remitente|mittente|remetente|van|afzender|auteur|author)$/;

/** Labels and regions of the agent, the team and the company: "Assignee", "Assigné à", "Bearbeiter"… */
export const AGENT_WORDS =
  /\b(?:assignee|assigned to|assigne a|assignee a|agent|agents|owner|proprietaire|responsable|bearbeiter|zugewiesen|handled by|traite par|signed in as|logged in as|connecte en tant que|my account|mon compte|mein konto|operator|operateur|collaborateur|staff|replied by|repondu par|answered by|team|equipe|groupe|mailbox|boite de reception|postfach|asignado a|asignada a|assegnato a|assegnata a|toegewezen aan|agente|operador|operadora|operatore|medewerker|behandelaar|mi cuenta|il mio account|mijn account|equipo|squadra|propietario|proprietario|eigenaar)\b/;

/** Labels of a contact's own fields, one or several ("Phones", "Telefoons"): a card's rows, not rows of a list of people. */
export const FIELD_WORDS =
  /^(?:e[- ]?mail|mail|courriel|adresse e[- ]?mail|email address|phone|phone number|telephone|tel|mobile|portable|cell|telefon|handy|mobil|fax|gsm|numero|number|adresse|address|correo|correo electronico|telefono|telefoon|movil|celular|cellulare|mobiel|direccion|indirizzo|adres)(?:s|es|en)?\b/;

/** Recipients: in an inbound message, the company's mailbox. */
export const TO_WORDS =
  /^(?:to|a|an|para|destinataire|destinataires|recipient|recipients|empfanger|destinatario|destinatarios|destinatari|aan|ontvanger|ontvangers)$/;

/** Copies and followers: someone in the loop, not the one asking. */
export const CC_WORDS =
  /^(?:cc|bcc|cci|copie|copie a|en copie|kopie|copy|watchers|followers|abonnes|observateurs|copia|con copia|copia a|seguidores)$/;

/**
 * Class, id and test-id words of regions: a customer card, a message's sender, the agent's own messages, quoted
 * history. Generated class names ("sc-1x9fz", "css-4rbku5") hold no such word and are ignored by construction.
 */
export const CUSTOMER_REGION =
  /\b(?:customer|requester|requestor|enduser|end user|contact|client|caller|visitor|buyer|purchaser|consumer|kunde|demandeur|requester card|user profile|user details|user detail|user info|userinfo|user card|user panel|contact details|contact info|profile|visitor profile)\b/;
/** The signed-in user's own menus and messages: checked before CUSTOMER_REGION ("profile menu" is the agent's). */
export const SELF_REGION =
  /\b(?:profile menu|account menu|user menu|usermenu|current user|currentuser|my account|my profile|myself|is self|from me)\b/;
export const SENDER_REGION = /\b(?:from|sender|author|expediteur|absender|byline|originator)\b/;
export const AGENT_REGION =
  /\b(?:agent|assignee|owner|staff|operator|outbound|outgoing|internal|note|notes|private|response|current user|currentuser|account menu|user menu|usermenu|profile menu|my account|my profile|from me|is self|myself)\b/;
/** The layout of a product's whole agent application ("ko-agent-content_layout", "agent-workspace"), not one region. */
export const APP_SHELL =
  /\bagent (?:app|application|workspace|desktop|ui|content|layout|interface|console|dashboard|shell|main|container|wrapper|root)\b/;
/** Regions of an internal call, chat or note between colleagues. */
export const INTERNAL =
  /\b(?:internal|interne|intern|internal call|appel interne|interner anruf|private note|note interne|interno|interna|llamada interna|chiamata interna|nota interna|interne notitie)\b/;
export const QUOTED_REGION = /\b(?:quote|quoted|cite|blockquote|gmail quote|quoted text|reply history|trimmed)\b/;

/** "On Mon, 2 Nov 2026 at 10:14, X wrote:", "Le … a écrit :", "Am … schrieb …:", "El … escribió:"… */
export const ATTRIBUTION =
  /\b(?:On\s[^\n]{4,160}?\swrote\s*:|Le\s[^\n]{4,160}?\sa\s[ée]crit\s*:|Am\s[^\n]{4,160}?\sschrieb[^\n]{0,80}?:|El\s[^\n]{4,160}?\sescribi[óo]\s*:|Il\s[^\n]{4,160}?\sha\sscritto\s*:)|-{2,}\s*(?:Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original|Messaggio originale|Forwarded message|Message transféré|Weitergeleitete Nachricht)\s*-{2,}/i;

/** The end of an attribution line whose start is in an earlier node (the quoted author's address is a link). */
export const ATTRIBUTION_END =
  /^[^\n]{0,40}?\s(?:wrote|a\s[ée]crit|schrieb|escribi[óo]|ha\sscritto)[^\n]{0,40}?:\s*(?:\n|$)/i;

/** The line that starts an Outlook-style quoted header: "De : X", then "Envoyé : …" within the next lines. */
export const QUOTED_HEADER_FROM = /^\s*(?:De|From|Von|Da)\s*:/;
export const QUOTED_HEADER_SENT = /^\s*(?:Envoy[ée]|Sent|Gesendet|Enviado|Inviato)\s*:/;

/** Lower case, no accents, single spaces: how the words above are matched. */
export function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** The words of an element's class, id, test id and accessible label: "customerContext-email" → "customer context email". */
export function regionWords(element: Element): string {
  const raw = [
    typeof element.className === 'string' ? element.className : '',
    element.id,
    element.getAttribute('data-testid') ?? element.getAttribute('data-test-id') ?? '',
    element.getAttribute('aria-label') ?? '',
    element.tagName === 'ASIDE' ? 'aside' : '',
  ].join(' ');
  if (!raw.trim()) return '';
  return plain(raw.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-.:/]+/g, ' '));
}
