import { SignedIdTokens } from '../../core/mail/signed-id-tokens';

export interface RecipientClaim {
  newsletterId: string;
  personId: string;
}

/**
 * The token of one recipient of one newsletter, in every link of their mail (unsubscribe, counted links): the
 * newsletter and person ids, signed (SignedIdTokens). It replaces a placeholder in the rendered mail without escaping.
 */
export class NewsletterTokens {
  private readonly tokens: SignedIdTokens;

  constructor(secret: string) {
    this.tokens = new SignedIdTokens(secret, 'maillage:newsletters:recipient:v1', 2);
  }

  sign(claim: RecipientClaim): string {
    return this.tokens.sign([claim.newsletterId, claim.personId]);
  }

  verify(token: string): RecipientClaim | null {
    const ids = this.tokens.verify(token);
    return ids ? { newsletterId: ids[0], personId: ids[1] } : null;
  }
}
