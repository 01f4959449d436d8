import type { Locale } from '@maillage/contracts';

/** A mail template: Mustache strings per locale (HTML is escaped; the layout wraps the body). */
export interface MailTemplate {
  name: string;
  subject: Record<Locale, string>;
  text: Record<Locale, string>;
  html: Record<Locale, string>;
}

/** The call-to-action button of a mail, followed by the raw link for clients that hide buttons. */
export function mailButton(label: string, note = '{{link}}'): string {
  return `<p><a href="{{link}}" style="display:inline-block;background:#1c5d99;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${label}</a></p><p style="font-size:13px;color:#555">${note}</p>`;
}
