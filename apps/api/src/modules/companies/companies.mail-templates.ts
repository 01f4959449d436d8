import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

export const companyInvitationMail: MailTemplate = {
  name: 'company-invitation',
  subject: {
    fr: '{{inviter}} vous invite à rejoindre {{company}} sur Maillage',
    en: '{{inviter}} invites you to join {{company}} on Maillage',
  },
  text: {
    fr: 'Bonjour,\n\n{{inviter}} vous invite à rejoindre l’entreprise {{company}} sur Maillage, la plateforme des réseaux d’entreprises.\n\nAccepter l’invitation (valable 14 jours) :\n{{link}}',
    en: 'Hello,\n\n{{inviter}} invites you to join the company {{company}} on Maillage, the business networks platform.\n\nAccept the invitation (valid for 14 days):\n{{link}}',
  },
  html: {
    fr:
      '<p>Bonjour,</p><p>{{inviter}} vous invite à rejoindre l’entreprise <strong>{{company}}</strong> sur Maillage, la plateforme des réseaux d’entreprises.</p>' +
      mailButton('Accepter l’invitation', 'Valable 14 jours : {{link}}'),
    en:
      '<p>Hello,</p><p>{{inviter}} invites you to join the company <strong>{{company}}</strong> on Maillage, the business networks platform.</p>' +
      mailButton('Accept the invitation', 'Valid for 14 days: {{link}}'),
  },
};
