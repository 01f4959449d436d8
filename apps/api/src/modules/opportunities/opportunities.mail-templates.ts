import type { MailTemplate } from '../../core/mail/mail.types';

/** The weekly e-mail: the new opportunities that fit each of the person's companies, with the engine's reasons. */
export const opportunityDigestMail: MailTemplate = {
  name: 'opportunity-digest',
  subject: {
    fr: 'Opportunités de la semaine pour {{companies}} : {{count}} nouvelle{{#plural}}s{{/plural}}',
    en: 'This week’s opportunities for {{companies}}: {{count}} new',
  },
  text: {
    fr: 'Bonjour {{firstName}},\n\n{{#groups}}Pour {{company}} :\n{{#items}}- {{title}} ({{publisher}}, avant le {{deadline}}) : {{reasons}}\n  {{link}}\n{{/items}}\n{{/groups}}--\nNe plus recevoir cet e-mail (en un clic) :\n{{unsubscribeUrl}}\nVos réglages, sur la page de votre entreprise :\n{{settings}}',
    en: 'Hello {{firstName}},\n\n{{#groups}}For {{company}}:\n{{#items}}- {{title}} ({{publisher}}, before {{deadline}}): {{reasons}}\n  {{link}}\n{{/items}}\n{{/groups}}--\nStop this e-mail (one click):\n{{unsubscribeUrl}}\nYour settings, on your company’s page:\n{{settings}}',
  },
  html: {
    fr: '<p>Bonjour {{firstName}},</p>{{#groups}}<p><strong>Pour {{company}}</strong></p><ul>{{#items}}<li><a href="{{link}}">{{title}}</a> ({{publisher}}, avant le {{deadline}})<br><small>{{reasons}}</small></li>{{/items}}</ul>{{/groups}}<p><small><a href="{{unsubscribeUrl}}">Ne plus recevoir cet e-mail</a> · <a href="{{settings}}">Vos réglages, sur la page de votre entreprise</a></small></p>',
    en: '<p>Hello {{firstName}},</p>{{#groups}}<p><strong>For {{company}}</strong></p><ul>{{#items}}<li><a href="{{link}}">{{title}}</a> ({{publisher}}, before {{deadline}})<br><small>{{reasons}}</small></li>{{/items}}</ul>{{/groups}}<p><small><a href="{{unsubscribeUrl}}">Stop this e-mail</a> · <a href="{{settings}}">Your settings, on your company’s page</a></small></p>',
  },
};
