import Mustache from 'mustache';
import { NOTIFICATION_TYPES } from '@maillage/contracts';
import { mailTemplateFor, membershipRequestMail, NOTIFICATION_TYPE_LABELS } from './notifications.mail-templates';

describe('notification mail templates', () => {
  it('builds the plain text from the same words as the HTML, in both languages, main link first', () => {
    expect(membershipRequestMail.text.fr).toBe(
      'Bonjour {{firstName}},\n\nL’entreprise {{company}} demande à rejoindre le réseau {{network}}.\n\n{{#excerpt}}{{excerpt}}\n\n{{/excerpt}}Examiner la demande :\n{{link}}' +
        '\n\n--\nNe plus recevoir ces notifications ({{typeLabel}}) :\n{{unsubscribeUrl}}\nGérer vos notifications :\n{{preferencesUrl}}',
    );
    expect(membershipRequestMail.html.en).toContain(
      '<p>The company <strong>{{company}}</strong> asks to join the network <strong>{{network}}</strong>.</p>',
    );
    expect(membershipRequestMail.html.en).toContain('>Review the request</a>');
    expect(membershipRequestMail.html.fr).toContain('<a href="{{unsubscribeUrl}}">Ne plus recevoir ces notifications</a>');
  });

  it('has a template with an unsubscribe link and a label in both languages for every type', () => {
    for (const type of NOTIFICATION_TYPES) {
      const template = mailTemplateFor(type, { decision: 'approved' });
      for (const locale of ['fr', 'en'] as const) {
        expect(NOTIFICATION_TYPE_LABELS[type][locale]).toBeTruthy();
        expect(template.text[locale]).toContain('{{unsubscribeUrl}}');
        expect(template.html[locale]).toContain('{{unsubscribeUrl}}');
      }
    }
    expect(mailTemplateFor('network.membership_decision', { decision: 'rejected' }).name).toBe('network-membership-rejected');
  });

  it('shows the excerpt only when there is one, escaped in HTML', () => {
    const template = mailTemplateFor('forum.reply', {});
    expect(Mustache.render(template.html.en, { excerpt: '<b>hi</b>', topic: 'T' })).toContain(
      '<blockquote>&lt;b&gt;hi&lt;&#x2F;b&gt;</blockquote>',
    );
    const full = {
      topic: 'T',
      author: 'A',
      network: 'N',
      firstName: 'F',
      link: 'L',
      typeLabel: 'X',
      unsubscribeUrl: 'U',
      preferencesUrl: 'P',
    };
    expect(Mustache.render(template.text.fr, full)).not.toContain('\n\n\n');
  });
});
