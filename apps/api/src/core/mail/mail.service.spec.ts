import { loadConfig } from '../../config/config';
import { MailService } from './mail.service';
import { JobRunner } from '../jobs/job-runner';
import type { MailTemplate } from './mail.types';

const template: MailTemplate = {
  name: 'test',
  subject: { fr: 'Bonjour {{name}}', en: 'Hello {{name}}' },
  text: { fr: 'Lien : {{link}}', en: 'Link: {{link}}' },
  html: { fr: '<p>{{name}} <a href="{{link}}">lien</a></p>', en: '<p>{{name}}</p>' },
};

describe('MailService.render', () => {
  const service = new MailService({} as never, new JobRunner({} as never), loadConfig({ PUBLIC_URL: 'https://maillage.example' }));

  it('escapes HTML in the HTML part only, and wraps it in the layout', () => {
    const out = service.render({ locale: 'fr', template, data: { name: '<b>Léa</b>', link: 'https://x.example/a?token=a/b' } });
    expect(out.subject).toBe('Bonjour <b>Léa</b>');
    expect(out.text).toBe('Lien : https://x.example/a?token=a/b');
    expect(out.html).toContain('&lt;b&gt;Léa&lt;&#x2F;b&gt;');
    expect(out.html).toContain('<html lang="fr">');
  });

  it('keeps the subject on one line whatever the values hold', () => {
    const out = service.render({ locale: 'fr', template, data: { name: 'Léa\r\nBcc: victim@example.org\u2028x' } });
    expect(out.subject).toBe('Bonjour Léa Bcc: victim@example.org x');
  });

  it('renders the English version', () => {
    expect(service.render({ locale: 'en', template, data: { name: 'Tom' } }).subject).toBe('Hello Tom');
  });
  it('elides « de » before a name that starts with a vowel sound, in every part', () => {
    const elided: MailTemplate = {
      name: 'elision',
      subject: { fr: 'Demande {{#de}}{{company}}{{/de}}', en: 'Request from {{company}}' },
      text: { fr: 'Demande {{#de}}{{company}}{{/de}}', en: '' },
      html: { fr: '<p>La demande {{#de}}<strong>{{company}}</strong>{{/de}}</p>', en: '' },
    };
    const atelier = service.render({ locale: 'fr', template: elided, data: { company: 'Atelier & Fils' } });
    expect(atelier.subject).toBe('Demande d’Atelier & Fils');
    expect(atelier.text).toBe('Demande d’Atelier & Fils');
    expect(atelier.html).toContain('<p>La demande d’<strong>Atelier &amp; Fils</strong></p>');
    expect(service.render({ locale: 'fr', template: elided, data: { company: 'Peugeot' } }).subject).toBe('Demande de Peugeot');
    expect(service.render({ locale: 'fr', template: elided, data: { company: 'Hôtel du Parc' } }).subject).toBe('Demande d’Hôtel du Parc');
  });
});
