import type { MailTemplate } from '../../core/mail/mail.types';

export const companyInvitationMail: MailTemplate = {
  name: 'company-invitation',
  subject: { fr: '{{inviter}} vous invite à rejoindre {{company}} sur Maillage', en: '{{inviter}} invites you to join {{company}} on Maillage' },
  text: {
    fr: 'Bonjour,\n\n{{inviter}} vous invite à rejoindre l’entreprise {{company}} sur Maillage, la plateforme des réseaux d’entreprises.\n\nAccepter l’invitation (valable 14 jours) :\n{{link}}',
    en: 'Hello,\n\n{{inviter}} invites you to join the company {{company}} on Maillage, the business networks platform.\n\nAccept the invitation (valid for 14 days):\n{{link}}',
  },
  html: {
    fr: '<p>Bonjour,</p><p>{{inviter}} vous invite à rejoindre l’entreprise <strong>{{company}}</strong> sur Maillage, la plateforme des réseaux d’entreprises.</p><p><a href="{{link}}" style="display:inline-block;background:#1c5d99;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Accepter l’invitation</a></p><p style="font-size:13px;color:#555">Valable 14 jours : {{link}}</p>',
    en: '<p>Hello,</p><p>{{inviter}} invites you to join the company <strong>{{company}}</strong> on Maillage, the business networks platform.</p><p><a href="{{link}}" style="display:inline-block;background:#1c5d99;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">Accept the invitation</a></p><p style="font-size:13px;color:#555">Valid for 14 days: {{link}}</p>',
  },
};
