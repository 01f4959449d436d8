import { mailButton, type MailTemplate } from '../../core/mail/mail.types';

/** To a member mentioned in a post (only people who may read the topic). */
export const forumMentionMail: MailTemplate = {
  name: 'forum-mention',
  subject: { fr: '{{author}} vous a mentionné dans « {{topic}} »', en: '{{author}} mentioned you in “{{topic}}”' },
  text: {
    fr: 'Bonjour {{firstName}},\n\n{{author}} vous a mentionné dans le sujet « {{topic}} » du forum {{network}} :\n\n{{excerpt}}\n\nLire le message :\n{{link}}',
    en: 'Hello {{firstName}},\n\n{{author}} mentioned you in the topic “{{topic}}” of the {{network}} forum:\n\n{{excerpt}}\n\nRead the post:\n{{link}}',
  },
  html: {
    fr: '<p>Bonjour {{firstName}},</p><p>{{author}} vous a mentionné dans le sujet <strong>{{topic}}</strong> du forum {{network}} :</p><blockquote>{{excerpt}}</blockquote>' + mailButton('Lire le message'),
    en: '<p>Hello {{firstName}},</p><p>{{author}} mentioned you in the topic <strong>{{topic}}</strong> of the {{network}} forum:</p><blockquote>{{excerpt}}</blockquote>' + mailButton('Read the post'),
  },
};

/** To the followers of a topic when someone replies (only people who may still read it). */
export const forumReplyMail: MailTemplate = {
  name: 'forum-reply',
  subject: { fr: 'Nouvelle réponse dans « {{topic}} »', en: 'New reply in “{{topic}}”' },
  text: {
    fr: 'Bonjour {{firstName}},\n\n{{author}} a répondu dans le sujet « {{topic}} » que vous suivez ({{network}}) :\n\n{{excerpt}}\n\nLire la réponse :\n{{link}}\n\nVous recevez ce message car vous suivez ce sujet.',
    en: 'Hello {{firstName}},\n\n{{author}} replied in the topic “{{topic}}” you follow ({{network}}):\n\n{{excerpt}}\n\nRead the reply:\n{{link}}\n\nYou receive this e-mail because you follow this topic.',
  },
  html: {
    fr: '<p>Bonjour {{firstName}},</p><p>{{author}} a répondu dans le sujet <strong>{{topic}}</strong> que vous suivez ({{network}}) :</p><blockquote>{{excerpt}}</blockquote>' + mailButton('Lire la réponse', 'Vous recevez ce message car vous suivez ce sujet.'),
    en: '<p>Hello {{firstName}},</p><p>{{author}} replied in the topic <strong>{{topic}}</strong> you follow ({{network}}):</p><blockquote>{{excerpt}}</blockquote>' + mailButton('Read the reply', 'You receive this e-mail because you follow this topic.'),
  },
};
