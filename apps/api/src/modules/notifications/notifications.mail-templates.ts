import type { Locale, NotificationType } from '@maillage/contracts';
import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

type Localized = Record<Locale, string>;

/** The name of each type, as the preferences page and the e-mail footers say it. */
export const NOTIFICATION_TYPE_LABELS: Record<NotificationType, Localized> = {
  'forum.mention': { fr: 'mentions dans les forums', en: 'forum mentions' },
  'forum.reply': { fr: 'réponses dans les sujets suivis', en: 'replies in followed topics' },
  'network.membership_request': { fr: 'demandes d’adhésion à vos réseaux', en: 'requests to join your networks' },
  'network.membership_decision': { fr: 'décisions sur les adhésions de votre entreprise', en: 'decisions on your company’s memberships' },
  'network.federation_request': { fr: 'demandes de réseaux à rejoindre vos fédérations', en: 'networks asking to join your federations' },
  'network.invitation': {
    fr: 'invitations de votre entreprise à rejoindre un réseau',
    en: 'invitations of your company to join a network',
  },
  'messaging.message': { fr: 'nouveaux messages reçus hors ligne', en: 'new messages while you are offline' },
  'agenda.promoted': { fr: 'places libérées aux événements où vous attendiez', en: 'seats freed at events you were waiting for' },
  'agenda.reminder': { fr: 'rappels la veille de vos événements', en: 'reminders the day before your events' },
  'agenda.event_cancelled': { fr: 'annulations de vos événements', en: 'cancellations of your events' },
  'company.claim_request': { fr: 'demandes pour rejoindre votre entreprise', en: 'requests to join your company' },
  'company.claim_decision': {
    fr: 'réponses à vos demandes pour rejoindre une entreprise',
    en: 'answers to your requests to join a company',
  },
  'moderation.report': { fr: 'signalements dans les réseaux que vous modérez', en: 'reports in the networks you moderate' },
  'opportunity.match': { fr: 'opportunités qui correspondent à votre entreprise', en: 'opportunities matching your company' },
  'opportunity.response': { fr: 'réponses à vos opportunités', en: 'responses to your opportunities' },
  'opportunity.deadline': {
    fr: 'échéances des opportunités auxquelles vous avez répondu',
    en: 'deadlines of opportunities you responded to',
  },
  'opportunity.group_support': {
    fr: 'mini-grappes que l’on vous demande d’accompagner',
    en: 'mini-clusters you are asked to support',
  },
  'opportunity.group_invitation': {
    fr: 'invitations de votre entreprise dans une mini-grappe',
    en: 'invitations of your company into a mini-cluster',
  },
  'survey.invitation': { fr: 'questionnaires qui vous sont adressés', en: 'questionnaires sent to you' },
  'survey.reminder': { fr: 'relances des questionnaires sans réponse', en: 'reminders of unanswered questionnaires' },
  'network.announcement': { fr: 'annonces de vos réseaux', en: 'announcements of your networks' },
  'network.new_topic': { fr: 'nouveaux sujets dans vos réseaux', en: 'new topics in your networks' },
  'network.new_event': { fr: 'nouveaux événements de vos réseaux', en: 'new events of your networks' },
  'network.new_document': { fr: 'nouveaux documents de vos réseaux', en: 'new documents of your networks' },
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
    text[locale] =
      `${HELLO[locale]}\n\n${plain}\n\n{{#excerpt}}{{excerpt}}\n\n{{/excerpt}}${button[locale]}${COLON[locale]}\n{{link}}${after}${FOOTER_TEXT[locale]}`;
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

/** network.federation_request: data { child, network } (the network asking, the federation it asks to join). */
export const federationRequestMail = notificationMail(
  'network-federation-request',
  { fr: '{{child}} demande à rejoindre la fédération {{network}}', en: '{{child}} asks to join the federation {{network}}' },
  {
    fr: 'Le réseau <strong>{{child}}</strong> demande à rejoindre la fédération <strong>{{network}}</strong>. Tant que vous n’avez pas accepté, il n’apparaît pas parmi ses réseaux membres.',
    en: 'The network <strong>{{child}}</strong> asks to join the federation <strong>{{network}}</strong>. Until you accept, it is not shown among its member networks.',
  },
  { fr: 'Examiner la demande', en: 'Review the request' },
);

/** network.membership_decision with data { company, network, decision: 'approved' }. */
export const membershipApprovedMail = notificationMail(
  'network-membership-approved',
  { fr: 'Bienvenue dans {{network}}', en: 'Welcome to {{network}}' },
  {
    fr: 'La demande {{#de}}<strong>{{company}}</strong>{{/de}} pour rejoindre le réseau <strong>{{network}}</strong> a été acceptée. Votre entreprise en est désormais membre.',
    en: 'The request of <strong>{{company}}</strong> to join the network <strong>{{network}}</strong> was approved. Your company is now a member.',
  },
  { fr: 'Voir le réseau', en: 'See the network' },
);

/** network.membership_decision with data { company, network, decision: 'rejected' }. */
export const membershipRejectedMail = notificationMail(
  'network-membership-rejected',
  { fr: 'Votre demande d’adhésion à {{network}}', en: 'Your request to join {{network}}' },
  {
    fr: 'La demande {{#de}}<strong>{{company}}</strong>{{/de}} pour rejoindre le réseau <strong>{{network}}</strong> n’a pas été retenue.',
    en: 'The request of <strong>{{company}}</strong> to join the network <strong>{{network}}</strong> was not accepted.',
  },
  { fr: 'Découvrir d’autres réseaux', en: 'Discover other networks' },
);

/** messaging.message: data { author, conversation, excerpt }. */
export const messageMail = notificationMail(
  'messaging-message',
  { fr: 'Nouveau message {{#de}}{{author}}{{/de}}', en: 'New message from {{author}}' },
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
  {
    fr: 'Si vous ne pouvez plus venir, annulez votre inscription pour libérer la place.',
    en: 'If you cannot come any more, cancel your registration to free the seat.',
  },
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

/** network.invitation: data { company, network } (a network's animators invited the company, picked from the directory). */
export const networkInvitationNoticeMail = notificationMail(
  'network-invitation-notice',
  { fr: '{{company}} est invitée à rejoindre {{network}}', en: '{{company}} is invited to join {{network}}' },
  {
    fr: 'Les animateurs du réseau <strong>{{network}}</strong> invitent votre entreprise <strong>{{company}}</strong> à le rejoindre. Acceptez l’invitation depuis la page du réseau.',
    en: 'The animators of the network <strong>{{network}}</strong> invite your company <strong>{{company}}</strong> to join it. Accept the invitation from the network’s page.',
  },
  { fr: 'Voir le réseau', en: 'See the network' },
);

/** company.claim_request: data { person, company }. */
export const companyClaimRequestMail = notificationMail(
  'company-claim-request',
  { fr: '{{person}} demande à rejoindre {{company}}', en: '{{person}} asks to join {{company}}' },
  {
    fr: '<strong>{{person}}</strong> demande à rejoindre l’entreprise <strong>{{company}}</strong> sur Maillage. Acceptez si cette personne y travaille ; sinon, refusez.',
    en: '<strong>{{person}}</strong> asks to join the company <strong>{{company}}</strong> on Maillage. Accept if this person works there; otherwise, refuse.',
  },
  { fr: 'Examiner la demande', en: 'Review the request' },
);

/** company.claim_decision with data { company, decision: 'accepted' }. */
export const companyClaimAcceptedMail = notificationMail(
  'company-claim-accepted',
  { fr: 'Vous avez rejoint {{company}}', en: 'You joined {{company}}' },
  {
    fr: 'Votre demande pour rejoindre l’entreprise <strong>{{company}}</strong> a été acceptée : vous en faites désormais partie sur Maillage.',
    en: 'Your request to join the company <strong>{{company}}</strong> was accepted: you are now one of its people on Maillage.',
  },
  { fr: 'Voir l’entreprise', en: 'See the company' },
);

/** company.claim_decision with data { company, decision: 'refused' }. */
export const companyClaimRefusedMail = notificationMail(
  'company-claim-refused',
  { fr: 'Votre demande pour rejoindre {{company}}', en: 'Your request to join {{company}}' },
  {
    fr: 'Votre demande pour rejoindre l’entreprise <strong>{{company}}</strong> n’a pas été acceptée par ses responsables.',
    en: 'Your request to join the company <strong>{{company}}</strong> was not accepted by its managers.',
  },
  { fr: 'Mes entreprises', en: 'My companies' },
);

/** moderation.report: data { network, reason }. */
export const moderationReportMail = notificationMail(
  'moderation-report',
  { fr: 'Un contenu est signalé dans {{network}}', en: 'Content was reported in {{network}}' },
  {
    fr: 'Un membre a signalé un contenu du réseau <strong>{{network}}</strong> (motif : {{reason}}). Il attend votre décision dans la file de modération.',
    en: 'A member reported content of the network <strong>{{network}}</strong> (reason: {{reason}}). It awaits your decision in the moderation queue.',
  },
  { fr: 'Ouvrir la file de modération', en: 'Open the moderation queue' },
);

/** opportunity.match: data { company, title, reasons }. */
export const opportunityMatchMail = notificationMail(
  'opportunity-match',
  { fr: 'Opportunité pour {{company}} : « {{title}} »', en: 'Opportunity for {{company}}: “{{title}}”' },
  {
    fr: 'Une nouvelle opportunité correspond à <strong>{{company}}</strong> : <strong>{{title}}</strong> ({{reasons}}).',
    en: 'A new opportunity matches <strong>{{company}}</strong>: <strong>{{title}}</strong> ({{reasons}}).',
  },
  { fr: 'Voir l’opportunité', en: 'See the opportunity' },
);

/** opportunity.response: data { company, title }. */
export const opportunityResponseMail = notificationMail(
  'opportunity-response',
  { fr: '{{company}} a répondu à « {{title}} »', en: '{{company}} responded to “{{title}}”' },
  {
    fr: '<strong>{{company}}</strong> a répondu à votre opportunité <strong>{{title}}</strong>.',
    en: '<strong>{{company}}</strong> responded to your opportunity <strong>{{title}}</strong>.',
  },
  { fr: 'Voir les réponses', en: 'See the responses' },
);

/** opportunity.deadline: data { title, deadline }. */
export const opportunityDeadlineMail = notificationMail(
  'opportunity-deadline',
  { fr: 'Échéance le {{deadline}} : « {{title}} »', en: 'Deadline on {{deadline}}: “{{title}}”' },
  {
    fr: 'L’opportunité <strong>{{title}}</strong> à laquelle vous avez répondu arrive à échéance le {{deadline}}.',
    en: 'The opportunity <strong>{{title}}</strong> you responded to closes on {{deadline}}.',
  },
  { fr: 'Voir l’opportunité', en: 'See the opportunity' },
);

/** opportunity.group_support: data { company, title }. */
export const opportunityGroupSupportMail = notificationMail(
  'opportunity-group-support',
  {
    fr: '{{company}} vous demande d’accompagner sa mini-grappe « {{title}} »',
    en: '{{company}} asks you to support its mini-cluster “{{title}}”',
  },
  {
    fr: '<strong>{{company}}</strong> vous désigne comme intégrateur CCI de la mini-grappe formée pour <strong>{{title}}</strong> : vous voyez son espace privé et pouvez y inviter des entreprises de vos réseaux.',
    en: '<strong>{{company}}</strong> chose you as the CCI integrator of the mini-cluster formed for <strong>{{title}}</strong>: you see its private space and may invite companies of your networks.',
  },
  { fr: 'Ouvrir la mini-grappe', en: 'Open the mini-cluster' },
);

/** opportunity.group_invitation: data { company (the invited one), lead, title }. */
export const opportunityGroupInvitationMail = notificationMail(
  'opportunity-group-invitation',
  {
    fr: '{{lead}} invite {{company}} dans sa mini-grappe « {{title}} »',
    en: '{{lead}} invites {{company}} into its mini-cluster “{{title}}”',
  },
  {
    fr: '<strong>{{lead}}</strong> invite <strong>{{company}}</strong> à rejoindre la mini-grappe formée pour <strong>{{title}}</strong> : acceptez pour voir son espace privé (membres, discussion, documents, échéances).',
    en: '<strong>{{lead}}</strong> invites <strong>{{company}}</strong> into the mini-cluster formed for <strong>{{title}}</strong>: accept to see its private space (members, discussion, documents, deadlines).',
  },
  { fr: 'Répondre à l’invitation', en: 'Answer the invitation' },
);

/** survey.invitation: data { title, sender, closes } (closes: a date or an empty string). */
export const surveyInvitationMail = notificationMail(
  'survey-invitation',
  { fr: 'Questionnaire : « {{title}} »', en: 'Questionnaire: “{{title}}”' },
  {
    fr: '<strong>{{sender}}</strong> vous invite à répondre au questionnaire <strong>{{title}}</strong>.{{#closes}} Réponses jusqu’au {{closes}}.{{/closes}}',
    en: '<strong>{{sender}}</strong> invites you to answer the questionnaire <strong>{{title}}</strong>.{{#closes}} Answers until {{closes}}.{{/closes}}',
  },
  { fr: 'Répondre au questionnaire', en: 'Answer the questionnaire' },
);

/** survey.reminder: data { title, sender, closes }. */
export const surveyReminderMail = notificationMail(
  'survey-reminder',
  { fr: 'Rappel : « {{title}} » attend votre réponse', en: 'Reminder: “{{title}}” awaits your answer' },
  {
    fr: 'Le questionnaire <strong>{{title}}</strong> de <strong>{{sender}}</strong> attend encore votre réponse.{{#closes}} Réponses jusqu’au {{closes}}.{{/closes}}',
    en: 'The questionnaire <strong>{{title}}</strong> from <strong>{{sender}}</strong> still awaits your answer.{{#closes}} Answers until {{closes}}.{{/closes}}',
  },
  { fr: 'Répondre au questionnaire', en: 'Answer the questionnaire' },
);

/** network.announcement: data { network, title, excerpt }. */
export const networkAnnouncementMail = notificationMail(
  'network-announcement',
  { fr: '{{network}} : {{title}}', en: '{{network}}: {{title}}' },
  {
    fr: 'Une annonce de <strong>{{network}}</strong> : <strong>{{title}}</strong>',
    en: 'An announcement of <strong>{{network}}</strong>: <strong>{{title}}</strong>',
  },
  { fr: 'Voir l’annonce', en: 'See the announcement' },
);

/** network.new_topic: data { network, title, author, excerpt }. */
export const networkNewTopicMail = notificationMail(
  'network-new-topic',
  { fr: 'Nouveau sujet dans {{network}} : « {{title}} »', en: 'New topic in {{network}}: “{{title}}”' },
  {
    fr: '<strong>{{author}}</strong> a ouvert le sujet <strong>{{title}}</strong> dans {{network}}.',
    en: '<strong>{{author}}</strong> opened the topic <strong>{{title}}</strong> in {{network}}.',
  },
  { fr: 'Lire le sujet', en: 'Read the topic' },
);

/** network.new_event: data { network, title, when }. */
export const networkNewEventMail = notificationMail(
  'network-new-event',
  { fr: 'Nouvel événement dans {{network}} : « {{title}} » ({{when}})', en: 'New event in {{network}}: “{{title}}” ({{when}})' },
  {
    fr: '<strong>{{network}}</strong> organise <strong>{{title}}</strong> le {{when}}.',
    en: '<strong>{{network}}</strong> holds <strong>{{title}}</strong> on {{when}}.',
  },
  { fr: 'Voir l’événement', en: 'See the event' },
);

/** network.new_document: data { network, title, author }. */
export const networkNewDocumentMail = notificationMail(
  'network-new-document',
  { fr: 'Nouveau document dans {{network}} : « {{title}} »', en: 'New document in {{network}}: “{{title}}”' },
  {
    fr: '<strong>{{author}}</strong> a ajouté le document <strong>{{title}}</strong> à la bibliothèque du réseau {{network}}.',
    en: '<strong>{{author}}</strong> added the document <strong>{{title}}</strong> to the library of {{network}}.',
  },
  { fr: 'Voir la bibliothèque', en: 'See the library' },
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
    case 'network.federation_request':
      return federationRequestMail;
    case 'network.invitation':
      return networkInvitationNoticeMail;
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
    case 'company.claim_request':
      return companyClaimRequestMail;
    case 'company.claim_decision':
      return data.decision === 'accepted' ? companyClaimAcceptedMail : companyClaimRefusedMail;
    case 'moderation.report':
      return moderationReportMail;
    case 'opportunity.match':
      return opportunityMatchMail;
    case 'opportunity.response':
      return opportunityResponseMail;
    case 'opportunity.deadline':
      return opportunityDeadlineMail;
    case 'opportunity.group_support':
      return opportunityGroupSupportMail;
    case 'opportunity.group_invitation':
      return opportunityGroupInvitationMail;
    case 'survey.invitation':
      return surveyInvitationMail;
    case 'survey.reminder':
      return surveyReminderMail;
    case 'network.announcement':
      return networkAnnouncementMail;
    case 'network.new_topic':
      return networkNewTopicMail;
    case 'network.new_event':
      return networkNewEventMail;
    case 'network.new_document':
      return networkNewDocumentMail;
  }
}

/**
 * The daily digest: data { count, groups: [{ name, items: [{ title, link, count }] }] } (titles are each notification's
 * subject line; one group per network, then one for what belongs to none, named "Pour vous").
 */
export const digestMail: MailTemplate = {
  name: 'notification-digest',
  subject: {
    fr: 'Votre résumé Maillage du jour : {{count}} notification{{#plural}}s{{/plural}}',
    en: 'Your Maillage daily digest: {{count}} notification{{#plural}}s{{/plural}}',
  },
  text: {
    fr: 'Bonjour {{firstName}},\n\nVoici ce qui s’est passé pour vous sur Maillage :\n\n{{#groups}}{{name}}\n{{#items}}- {{title}}{{#more}} (×{{count}}){{/more}}\n  {{link}}\n{{/items}}\n{{/groups}}\nToutes vos notifications :\n{{link}}\n\n--\nNe plus recevoir ce résumé :\n{{unsubscribeUrl}}\nGérer vos notifications :\n{{preferencesUrl}}',
    en: 'Hello {{firstName}},\n\nHere is what happened for you on Maillage:\n\n{{#groups}}{{name}}\n{{#items}}- {{title}}{{#more}} (×{{count}}){{/more}}\n  {{link}}\n{{/items}}\n{{/groups}}\nAll your notifications:\n{{link}}\n\n--\nStop this digest:\n{{unsubscribeUrl}}\nManage your notifications:\n{{preferencesUrl}}',
  },
  html: {
    fr:
      '<p>Bonjour {{firstName}},</p><p>Voici ce qui s’est passé pour vous sur Maillage :</p>{{#groups}}<h3 style="font-size:15px;margin:16px 0 4px">{{name}}</h3><ul>{{#items}}<li><a href="{{link}}">{{title}}</a>{{#more}} (×{{count}}){{/more}}</li>{{/items}}</ul>{{/groups}}' +
      mailButton('Toutes vos notifications') +
      '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:12px;color:#555"><a href="{{unsubscribeUrl}}">Ne plus recevoir ce résumé</a> · <a href="{{preferencesUrl}}">Gérer vos notifications</a></p>',
    en:
      '<p>Hello {{firstName}},</p><p>Here is what happened for you on Maillage:</p>{{#groups}}<h3 style="font-size:15px;margin:16px 0 4px">{{name}}</h3><ul>{{#items}}<li><a href="{{link}}">{{title}}</a>{{#more}} (×{{count}}){{/more}}</li>{{/items}}</ul>{{/groups}}' +
      mailButton('All your notifications') +
      '<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px"><p style="font-size:12px;color:#555"><a href="{{unsubscribeUrl}}">Stop this digest</a> · <a href="{{preferencesUrl}}">Manage your notifications</a></p>',
  },
};
