import type { Locale } from '@maillage/contracts';

/** A mail template: Mustache strings per locale (HTML is escaped; the layout wraps the body). */
export interface MailTemplate {
  name: string;
  subject: Record<Locale, string>;
  text: Record<Locale, string>;
  html: Record<Locale, string>;
}
