import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

/** Sent to the warned person (or to every person of the warned company). */
export const memberWarningMail: MailTemplate = {
  name: 'moderation-warning',
  subject: { fr: 'Avertissement de la modération {{#de}}{{network}}{{/de}}', en: 'Warning from the moderators of {{network}}' },
  text: {
    fr: 'Bonjour,\n\nLa modération du réseau {{network}} adresse un avertissement à {{company}} :\n\n{{reason}}\n\nMerci de respecter la charte du réseau. En cas de récidive, l’entreprise peut être exclue du réseau.\n\n{{link}}',
    en: 'Hello,\n\nThe moderators of the network {{network}} are warning {{company}}:\n\n{{reason}}\n\nPlease follow the network’s charter. Repeated breaches may get the company banned from the network.\n\n{{link}}',
  },
  html: {
    fr:
      '<p>Bonjour,</p><p>La modération du réseau <strong>{{network}}</strong> adresse un avertissement à <strong>{{company}}</strong> :</p>' +
      '<blockquote style="border-left:3px solid #c92a2a;margin:0;padding-left:12px;white-space:pre-wrap">{{reason}}</blockquote>' +
      '<p>Merci de respecter la charte du réseau. En cas de récidive, l’entreprise peut être exclue du réseau.</p>' +
      mailButton('Voir le réseau'),
    en:
      '<p>Hello,</p><p>The moderators of the network <strong>{{network}}</strong> are warning <strong>{{company}}</strong>:</p>' +
      '<blockquote style="border-left:3px solid #c92a2a;margin:0;padding-left:12px;white-space:pre-wrap">{{reason}}</blockquote>' +
      '<p>Please follow the network’s charter. Repeated breaches may get the company banned from the network.</p>' +
      mailButton('Open the network'),
  },
};
