import type { Locale } from '@maillage/contracts';
import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

/** Number of days an e-mail invitation to a network stays valid. */
export const NETWORK_INVITATION_DAYS = 14;

type Localized = Record<Locale, string>;

const HELLO: Localized = { fr: 'Bonjour,', en: 'Hello,' };
const COLON: Localized = { fr: ' :', en: ':' };

/**
 * A short notice: a greeting, one paragraph (names in <strong>), and a button to {{link}} with an
 * optional note under it. The plain-text version is the same words without markup.
 */
function notice(name: string, subject: Localized, paragraph: Localized, button: Localized, note?: Localized): MailTemplate {
  const text = {} as Localized;
  const html = {} as Localized;
  for (const locale of ['fr', 'en'] as const) {
    const plain = paragraph[locale].replace(/<\/?strong>/g, '');
    text[locale] = `${HELLO[locale]}\n\n${plain}\n\n${note?.[locale] ?? button[locale]}${COLON[locale]}\n{{link}}`;
    html[locale] =
      `<p>${HELLO[locale]}</p><p>${paragraph[locale]}</p>${mailButton(button[locale], note ? `${note[locale]}${COLON[locale]} {{link}}` : undefined)}`;
  }
  return { name, subject, text, html };
}

export const networkInvitationMail = notice(
  'network-invitation',
  {
    fr: '{{inviter}} vous invite à rejoindre le réseau {{network}} sur Maillage',
    en: '{{inviter}} invites you to join the network {{network}} on Maillage',
  },
  {
    fr: '{{inviter}} invite votre entreprise à rejoindre le réseau <strong>{{network}}</strong> sur Maillage, la plateforme des réseaux d’entreprises. Vous choisirez l’entreprise qui adhère (ou vous l’ajouterez si elle n’est pas encore sur Maillage).',
    en: '{{inviter}} invites your company to join the network <strong>{{network}}</strong> on Maillage, the business networks platform. You will choose the company that joins (or add it if it is not on Maillage yet).',
  },
  { fr: 'Accepter l’invitation', en: 'Accept the invitation' },
  { fr: 'Invitation valable {{days}} jours', en: 'Invitation valid for {{days}} days' },
);

// Membership requests and decisions are notifications: see modules/notifications/notifications.mail-templates.ts.
