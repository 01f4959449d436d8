import { mailButton as button, type MailTemplate } from '../../core/mail/mail.types';

export const dataExportReadyMail: MailTemplate = {
  name: 'data-export-ready',
  subject: { fr: 'Vos données sont prêtes à télécharger', en: 'Your data is ready to download' },
  text: {
    fr: 'Bonjour,\n\nL’export de vos données Maillage est prêt. Connectez-vous puis téléchargez-le :\n{{link}}\n\nCe lien expire le {{expires}}.',
    en: 'Hello,\n\nThe export of your Maillage data is ready. Sign in, then download it:\n{{link}}\n\nThis link expires on {{expires}}.',
  },
  html: {
    fr: `<p>Bonjour,</p><p>L’export de vos données Maillage est prêt. Connectez-vous puis téléchargez-le.</p>${button('Télécharger mes données')}<p>Ce lien expire le {{expires}}.</p>`,
    en: `<p>Hello,</p><p>The export of your Maillage data is ready. Sign in, then download it.</p>${button('Download my data')}<p>This link expires on {{expires}}.</p>`,
  },
};
