import type { Locale, NotificationType } from '@maillage/contracts';
import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

type Localized = Record<Locale, string>;

/** The name of each type, as the preferences page and the e-mail footers say it. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, Localized> = {
  'forum.mention': { fr: 'mentions dans les forums', en: 'forum mentions' },
  'forum.reply': { fr: 'réponses dans les sujets suivis', en: 'replies in followed topics' },
  'network.membership_request': { fr: 'demandes d’adhésion à vos réseaux', en: 'requests to join your networks' },
  'network.membership_decision': { fr: 'décisions sur les adhésions de votre entreprise', en: 'decisions on your company’s memberships' },
  'messaging.message': { fr: 'nouveaux messages reçus hors ligne', en: 'new messages while you are offline' },
  'agenda.promoted': { fr: 'places libérées aux événements où vous attendiez', en: 'seats freed at events you were waiting for' },
  'agenda.reminder': { fr: 'rappels la veille de vos événements', en: 'reminders the day before your events' },
  'agenda.event_cancelled': { fr: 'annulations de vos événements', en: 'cancellations of your events' },
};

const HELLO: Localized = { fr: 'Bonjour {{firstName}},', en: 'Hello {{firstName}},' };
const COLON: Localized = { fr: ' :', en: ':' };

/**
 * Why the person receives the mail and how to stop it: the one-click link ({{unsubscribeUrl}}, signed,
 * no login) for this type ({{typeLabel}}), and the preferences page ({{preferencesUrl}}).
 */
const FOOTER_TEXT: Localized = {
  fr: '\n\n--\nNe plus recevoir ces notifications ({{typeLabel}}) :\n{{unsubscribeUrl}}\nGérer vos notifications :\n{{preferencesUrl}}',
  en: '\n\n--\nStop these notifications ({{typeLabel}}):\n{{unsubscribeUrl}}\nManage your notifications:\n{{preferencesUrl}}',
};
const FOOTER_HTML: Localized = {
  fr: '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:12px;color:#555"><a href="{{unsubscribeUrl}}">Ne plus recevoir ces notifications</a> ({{typeLabel}}) · <a href="{{preferencesUrl}}">Gérer vos notifications</a></p>',
  en: '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:12px;color:#555"><a href="{{unsubscribeUrl}}">Stop these notifications</a> ({{typeLabel}}) · <a href="{{preferencesUrl}}">Manage your notifications</a></p>',
};

/**
 * A notification mail: a greeting, one paragraph (names in <strong>), the excerpt when the data has
 * one, a button to {{link}} with an optional note, and the unsubscribe footer. The text version says
 * the same without markup; the main link comes first (before the footer's links).
 */
function notificationMail(name: string, subject: Localized, paragraph: Localized, button: Localized, note?: Localized): MailTemplate {
  const text = {} as Localized;
  const html = {} as Localized;
  for (const locale of ['fr', 'en'] as const) {
    const plain = paragraph[locale].replace(/<\/?strong>/g, '');
    const after = note ? `\n\n${note[locale]}` : '';
    text[locale] = `${HELLO[locale]}\n\n${plain}\n\n{{#excerpt}}{{excerpt}}\n\n{{/excerpt}}${button[locale]}${COLON[locale]}\n{{link}}${after}${FOOTER_TEXT[locale]}`;
    html[locale] =
      `<p>${HELLO[locale]}</p><p>${paragraph[locale]}</p>{{#excerpt}}<blockquote>{{excerpt}}</blockquote>{{/excerpt}}` +
      mailButton(button[locale], note ? `${note[locale]}` : undefined) +
      FOOTER_HTML[locale];
  }
  return { name, subject, text, html };
}

/** forum.mention: data { author, topic, network, excerpt }. */
export const forumMentionMail = notificationMail(
  'forum-mention',
  { fr: '{{author}} vous a mentionné dans « {{topic}} »', en: '{{author}} mentioned you in “{{topic}}”' },
  {
    fr: '{{author}} vous a mentionné dans le sujet <strong>{{topic}}</strong> du forum {{network}} :',
    en: '{{author}} mentioned you in the topic <strong>{{topic}}</strong> of the {{network}} forum:',
  },
  { fr: 'Lire le message', en: 'Read the post' },
);

/** forum.reply: data { author, topic, network, excerpt }. */
export const forumReplyMail = notificationMail(
  'forum-reply',
  { fr: 'Nouvelle réponse dans « {{topic}} »', en: 'New reply in “{{topic}}”' },
  {
    fr: '{{author}} a répondu dans le sujet <strong>{{topic}}</strong> que vous suivez ({{network}}) :',
    en: '{{author}} replied in the topic <strong>{{topic}}</strong> you follow ({{network}}):',
  },
  { fr: 'Lire la réponse', en: 'Read the reply' },
  { fr: 'Vous recevez ce message car vous suivez ce sujet.', en: 'You receive this e-mail because you follow this topic.' },
);

/** network.membership_request: data { company, network }. */
export const membershipRequestMail = notificationMail(
  'network-membership-request',
  { fr: '{{company}} demande à rejoindre {{network}}', en: '{{company}} asks to join {{network}}' },
  {
    fr: 'L’entreprise <strong>{{company}}</strong> demande à rejoindre le réseau <strong>{{network}}</strong>.',
    en: 'The company <strong>{{company}}</strong> asks to join the network <strong>{{network}}</strong>.',
  },
  { fr: 'Examiner la demande', en: 'Review the request' },
);

/** network.membership_decision with data { company, network, decision: 'approved' }. */
export const membershipApprovedMail = notificationMail(
  'network-membership-approved',
  { fr: 'Bienvenue dans {{network}}', en: 'Welcome to {{network}}' },
  {
    fr: 'La demande de <strong>{{company}}</strong> pour rejoindre le réseau <strong>{{network}}</strong> a été acceptée. Votre entreprise en est désormais membre.',
    en: 'The request of <strong>{{company}}</strong> to join the network <strong>{{network}}</strong> was approved. Your company is now a member.',
  },
  { fr: 'Voir le réseau', en: 'See the network' },
);

/** network.membership_decision with data { company, network, decision: 'rejected' }. */
export const membershipRejectedMail = notificationMail(
  'network-membership-rejected',
  { fr: 'Votre demande d’adhésion à {{network}}', en: 'Your request to join {{network}}' },
  {
    fr: 'La demande de <strong>{{company}}</strong> pour rejoindre le réseau <strong>{{network}}</strong> n’a pas été retenue.',
    en: 'The request of <strong>{{company}}</strong> to join the network <strong>{{network}}</strong> was not accepted.',
  },
  { fr: 'Découvrir d’autres réseaux', en: 'Discover other networks' },
);

/** messaging.message: data { author, conversation, excerpt }. */
export const messageMail = notificationMail(
  'messaging-message',
  { fr: 'Nouveau message de {{author}}', en: 'New message from {{author}}' },
  {
    fr: '{{author}} vous a écrit dans la conversation <strong>{{conversation}}</strong> pendant votre absence :',
    en: '{{author}} wrote to you in the conversation <strong>{{conversation}}</strong> while you were away:',
  },
  { fr: 'Répondre', en: 'Reply' },
);

/** agenda.promoted: data { event, network, when } (when: the Europe/Paris date and time, already formatted). */
export const agendaPromotedMail = notificationMail(
  'agenda-promoted',
  { fr: 'Une place s’est libérée : « {{event}} »', en: 'A seat is yours: “{{event}}”' },
  {
    fr: 'Une place s’est libérée à l’événement <strong>{{event}}</strong> ({{network}}, {{when}}) : vous passez de la liste d’attente aux inscrits.',
    en: 'A seat was freed at the event <strong>{{event}}</strong> ({{network}}, {{when}}): you moved from the waitlist to the attendees.',
  },
  { fr: 'Voir l’événement', en: 'See the event' },
  { fr: 'Si vous ne pouvez plus venir, annulez votre inscription pour libérer la place.', en: 'If you cannot come any more, cancel your registration to free the seat.' },
);

/** agenda.reminder: data { event, network, when }. */
export const agendaReminderMail = notificationMail(
  'agenda-reminder',
  { fr: 'Rappel : « {{event}} » {{when}}', en: 'Reminder: “{{event}}” {{when}}' },
  {
    fr: 'Vous êtes inscrit à l’événement <strong>{{event}}</strong> ({{network}}), le {{when}}.',
    en: 'You are registered for the event <strong>{{event}}</strong> ({{network}}), on {{when}}.',
  },
  { fr: 'Voir l’événement', en: 'See the event' },
);

/** agenda.event_cancelled: data { event, network, when }. */
export const agendaCancelledMail = notificationMail(
  'agenda-event-cancelled',
  { fr: 'Événement annulé : « {{event}} »', en: 'Event cancelled: “{{event}}”' },
  {
    fr: 'L’événement <strong>{{event}}</strong> ({{network}}) prévu le {{when}} est annulé.',
    en: 'The event <strong>{{event}}</strong> ({{network}}) planned on {{when}} is cancelled.',
  },
  { fr: 'Voir l’événement', en: 'See the event' },
);

/** The template of one notification's e-mail (its subject is also the digest's line for it). */
export function mailTemplateFor(type: NotificationType, data: Record<string, unknown>): MailTemplate {
  switch (type) {
    case 'forum.mention':
      return forumMentionMail;
    case 'forum.reply':
      return forumReplyMail;
    case 'network.membership_request':
      return membershipRequestMail;
    case 'network.membership_decision':
      return data.decision === 'approved' ? membershipApprovedMail : membershipRejectedMail;
    case 'messaging.message':
      return messageMail;
    case 'agenda.promoted':
      return agendaPromotedMail;
    case 'agenda.reminder':
      return agendaReminderMail;
    case 'agenda.event_cancelled':
      return agendaCancelledMail;
  }
}

/** The daily digest: data { count, items: [{ title, link, count }] } (titles are each notification's subject line). */
export const digestMail: MailTemplate = {
  name: 'notification-digest',
  subject: {
    fr: 'Votre résumé Maillage du jour : {{count}} notification{{#plural}}s{{/plural}}',
    en: 'Your Maillage daily digest: {{count}} notification{{#plural}}s{{/plural}}',
  },
  text: {
    fr: 'Bonjour {{firstName}},\n\nVoici ce qui s’est passé pour vous sur Maillage :\n\n{{#items}}- {{title}}{{#more}} (×{{count}}){{/more}}\n  {{link}}\n{{/items}}\nToutes vos notifications :\n{{link}}\n\n--\nNe plus recevoir ce résumé :\n{{unsubscribeUrl}}\nGérer vos notifications :\n{{preferencesUrl}}',
    en: 'Hello {{firstName}},\n\nHere is what happened for you on Maillage:\n\n{{#items}}- {{title}}{{#more}} (×{{count}}){{/more}}\n  {{link}}\n{{/items}}\nAll your notifications:\n{{link}}\n\n--\nStop this digest:\n{{unsubscribeUrl}}\nManage your notifications:\n{{preferencesUrl}}',
  },
  html: {
    fr:
      '<p>Bonjour {{firstName}},</p><p>Voici ce qui s’est passé pour vous sur Maillage :</p><ul>{{#items}}<li><a href="{{link}}">{{title}}</a>{{#more}} (×{{count}}){{/more}}</li>{{/items}}</ul>' +
      mailButton('Toutes vos notifications') +
      '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:12px;color:#555"><a href="{{unsubscribeUrl}}">Ne plus recevoir ce résumé</a> · <a href="{{preferencesUrl}}">Gérer vos notifications</a></p>',
    en:
      '<p>Hello {{firstName}},</p><p>Here is what happened for you on Maillage:</p><ul>{{#items}}<li><a href="{{link}}">{{title}}</a>{{#more}} (×{{count}}){{/more}}</li>{{/items}}</ul>' +
      mailButton('All your notifications') +
      '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:12px;color:#555"><a href="{{unsubscribeUrl}}">Stop this digest</a> · <a href="{{preferencesUrl}}">Manage your notifications</a></p>',
  },
};
