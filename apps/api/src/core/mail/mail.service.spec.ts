import { loadConfig } from '../../config/config';
import { MailService } from './mail.service';
import type { MailTemplate } from './mail.types';

const template: MailTemplate = {
  name: 'test',
  subject: { fr: 'Bonjour {{name}}', en: 'Hello {{name}}' },
  text: { fr: 'Lien : {{link}}', en: 'Link: {{link}}' },
  html: { fr: '<p>{{name}} <a href="{{link}}">lien</a></p>', en: '<p>{{name}}</p>' },
};

describe('MailService.render', () => {
  const service = new MailService({} as never, loadConfig({ PUBLIC_URL: 'https://maillage.example' }));

  it('escapes HTML in the HTML part only, and wraps it in the layout', () => {
    const out = service.render({ locale: 'fr', template, data: { name: '<b>Léa</b>', link: 'https://x.example/a?token=a/b' } });
    expect(out.subject).toBe('Bonjour <b>Léa</b>');
    expect(out.text).toBe('Lien : https://x.example/a?token=a/b');
    expect(out.html).toContain('&lt;b&gt;Léa&lt;&#x2F;b&gt;');
    expect(out.html).toContain('<html lang="fr">');
  });

  it('renders the English version', () => {
    expect(service.render({ locale: 'en', template, data: { name: 'Tom' } }).subject).toBe('Hello Tom');
  });
});
