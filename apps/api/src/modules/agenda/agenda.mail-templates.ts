import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

const qr = (alt: string) =>
  `<p style="text-align:center"><img src="{{qrImageUrl}}" width="200" height="200" alt="${alt}" style="display:inline-block"></p>` +
  '<p style="text-align:center;font-family:monospace;font-size:18px;letter-spacing:2px">{{code}}</p>';

/** Sent when a person gets a seat (registration, or promotion from the waitlist): the QR code shown at the door. */
export const registrationConfirmedMail: MailTemplate = {
  name: 'agenda-registration-confirmed',
  subject: { fr: 'Inscription confirmée : {{event}}', en: 'Registration confirmed: {{event}}' },
  text: {
    fr: 'Bonjour {{firstName}},\n\nVotre inscription à « {{event}} » ({{network}}) le {{when}} est confirmée.\n\nVotre code de présence, à montrer à l’accueil : {{code}}\nSon QR code : {{qrImageUrl}}\n\nL’événement : {{link}}\nL’ajouter à votre agenda : {{icsUrl}}',
    en: 'Hello {{firstName}},\n\nYour registration for “{{event}}” ({{network}}) on {{when}} is confirmed.\n\nYour check-in code, to show at the door: {{code}}\nIts QR code: {{qrImageUrl}}\n\nThe event: {{link}}\nAdd it to your calendar: {{icsUrl}}',
  },
  html: {
    fr:
      '<p>Bonjour {{firstName}},</p><p>Votre inscription à <strong>{{event}}</strong> ({{network}}) le {{when}} est confirmée.</p>' +
      '<p>Montrez ce QR code à l’accueil (ou donnez le code) :</p>' +
      qr('QR code de présence') +
      mailButton('Voir l’événement') +
      '<p style="font-size:13px"><a href="{{icsUrl}}">Ajouter à mon agenda (.ics)</a></p>',
    en:
      '<p>Hello {{firstName}},</p><p>Your registration for <strong>{{event}}</strong> ({{network}}) on {{when}} is confirmed.</p>' +
      '<p>Show this QR code at the door (or give the code):</p>' +
      qr('Check-in QR code') +
      mailButton('See the event') +
      '<p style="font-size:13px"><a href="{{icsUrl}}">Add to my calendar (.ics)</a></p>',
  },
};
