// The information pages every visitor reaches from the footer, by their French addresses.
export const LEGAL_PAGES = {
  legal: 'mentions-legales',
  terms: 'conditions-utilisation',
  privacy: 'confidentialite',
  accessibility: 'accessibilite',
  contact: 'contact',
} as const;
export type LegalPageKey = keyof typeof LEGAL_PAGES;
