import { networkInvitationMail } from './networks.mail-templates';

describe('network mail templates', () => {
  it('builds the plain text from the same words as the HTML, in both languages', () => {
    expect(networkInvitationMail.text.en).toMatch(/Invitation valid for \{\{days\}\} days:\n\{\{link\}\}$/);
    expect(networkInvitationMail.html.fr).toContain('Invitation valable {{days}} jours : {{link}}');
  });
});
