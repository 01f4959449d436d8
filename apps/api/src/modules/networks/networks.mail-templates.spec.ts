import { membershipRequestMail, networkInvitationMail } from './networks.mail-templates';

describe('network mail templates', () => {
  it('builds the plain text from the same words as the HTML, in both languages', () => {
    expect(membershipRequestMail.text.fr).toBe(
      'Bonjour,\n\nL’entreprise {{company}} demande à rejoindre le réseau {{network}}.\n\nExaminer la demande :\n{{link}}',
    );
    expect(membershipRequestMail.html.en).toContain('<p>The company <strong>{{company}}</strong> asks to join the network <strong>{{network}}</strong>.</p>');
    expect(membershipRequestMail.html.en).toContain('>Review the request</a>');
    expect(networkInvitationMail.text.en).toMatch(/Invitation valid for \{\{days\}\} days:\n\{\{link\}\}$/);
    expect(networkInvitationMail.html.fr).toContain('Invitation valable {{days}} jours : {{link}}');
  });
});
