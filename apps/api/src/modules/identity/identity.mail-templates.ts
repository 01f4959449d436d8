import { mailButton as button, type MailTemplate } from '../../core/mail/mail.types';

export const verifyEmailMail: MailTemplate = {
  name: 'verify-email',
  subject: { fr: 'Confirmez votre adresse e-mail', en: 'Confirm your e-mail address' },
  text: {
    fr: 'Bonjour {{firstName}},\n\nConfirmez votre adresse e-mail pour activer votre compte Maillage :\n{{link}}\n\nCe lien expire dans 24 heures. Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.',
    en: 'Hello {{firstName}},\n\nConfirm your e-mail address to activate your Maillage account:\n{{link}}\n\nThis link expires in 24 hours. If you did not sign up, ignore this message.',
  },
  html: {
    fr: `<p>Bonjour {{firstName}},</p><p>Confirmez votre adresse e-mail pour activer votre compte Maillage.</p>${button('Confirmer mon adresse')}<p>Ce lien expire dans 24 heures. Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.</p>`,
    en: `<p>Hello {{firstName}},</p><p>Confirm your e-mail address to activate your Maillage account.</p>${button('Confirm my address')}<p>This link expires in 24 hours. If you did not sign up, ignore this message.</p>`,
  },
};

export const accountExistsMail: MailTemplate = {
  name: 'account-exists',
  subject: { fr: 'Tentative d’inscription avec votre adresse', en: 'Sign-up attempt with your address' },
  text: {
    fr: 'Bonjour,\n\nQuelqu’un a tenté de créer un compte Maillage avec votre adresse, qui en a déjà un. Si c’était vous et que vous avez oublié votre mot de passe :\n{{link}}',
    en: 'Hello,\n\nSomeone tried to create a Maillage account with your address, which already has one. If it was you and you forgot your password:\n{{link}}',
  },
  html: {
    fr: `<p>Bonjour,</p><p>Quelqu’un a tenté de créer un compte Maillage avec votre adresse, qui en a déjà un. Si c’était vous et que vous avez oublié votre mot de passe :</p>${button('Réinitialiser mon mot de passe')}`,
    en: `<p>Hello,</p><p>Someone tried to create a Maillage account with your address, which already has one. If it was you and you forgot your password:</p>${button('Reset my password')}`,
  },
};

export const resetPasswordMail: MailTemplate = {
  name: 'reset-password',
  subject: { fr: 'Réinitialisation de votre mot de passe', en: 'Reset your password' },
  text: {
    fr: 'Bonjour {{firstName}},\n\nPour choisir un nouveau mot de passe, suivez ce lien (valable une heure) :\n{{link}}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    en: 'Hello {{firstName}},\n\nTo choose a new password, follow this link (valid for one hour):\n{{link}}\n\nIf you did not ask for it, ignore this message: your password is unchanged.',
  },
  html: {
    fr: `<p>Bonjour {{firstName}},</p><p>Pour choisir un nouveau mot de passe, suivez ce lien (valable une heure).</p>${button('Choisir un nouveau mot de passe')}<p>Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.</p>`,
    en: `<p>Hello {{firstName}},</p><p>To choose a new password, follow this link (valid for one hour).</p>${button('Choose a new password')}<p>If you did not ask for it, ignore this message: your password is unchanged.</p>`,
  },
};

export const passwordChangedMail: MailTemplate = {
  name: 'password-changed',
  subject: { fr: 'Votre mot de passe a été modifié', en: 'Your password was changed' },
  text: {
    fr: 'Bonjour {{firstName}},\n\nLe mot de passe de votre compte Maillage vient d’être modifié et toutes vos sessions ont été fermées. Si ce n’était pas vous, réinitialisez-le immédiatement : {{link}}',
    en: 'Hello {{firstName}},\n\nThe password of your Maillage account was just changed and all your sessions were closed. If it was not you, reset it now: {{link}}',
  },
  html: {
    fr: `<p>Bonjour {{firstName}},</p><p>Le mot de passe de votre compte Maillage vient d’être modifié et toutes vos sessions ont été fermées. Si ce n’était pas vous, réinitialisez-le immédiatement.</p>${button('Réinitialiser')}`,
    en: `<p>Hello {{firstName}},</p><p>The password of your Maillage account was just changed and all your sessions were closed. If it was not you, reset it now.</p>${button('Reset')}`,
  },
};
