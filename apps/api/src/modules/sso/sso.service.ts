import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import * as oidc from 'openid-client';
import type { SsoOption, SsoProviderView } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { AuthService } from '../identity/auth.service';
import { SecretBox } from '../identity/secret-box.service';
import { addressKey, ThrottleService, type ThrottleRule } from '../identity/throttle.service';
import { hashToken, newToken } from '../../core/auth/tokens';
import { OrganizationsService } from '../organizations/organizations.service';
import type { SsoProviderDto } from './dto/sso.dto';
import { SsoFlow } from './entities/sso-flow.entity';
import { SsoIdentity } from './entities/sso-identity.entity';
import { SsoProvider } from './entities/sso-provider.entity';

const FLOW_TTL_SECONDS = 10 * 60;
export const CALLBACK_PATH = '/api/v1/auth/sso/callback';

/** Starting and finishing sign-ins share the sign-in budget of an address. */
const rules = {
  address: (ip: string): ThrottleRule => ({ key: `sso:ip:${addressKey(ip)}`, limit: 30, windowSeconds: 15 * 60 }),
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface StartedFlow {
  authorizationUrl: string;
  browserToken: string;
}

/**
 * Staff single sign-on with OpenID Connect (authorization code flow with PKCE, state and nonce), through
 * `openid-client`: discovery, the code exchange and the ID token checks (issuer, audience, nonce, expiry,
 * signature against the provider's JWKS). The flow is kept server-side under the hash of its state and
 * bound to the browser by a cookie; it is deleted when the browser comes back, so a callback works once.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);

  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly box: SecretBox,
    private readonly throttle: ThrottleService,
    private readonly auth: AuthService,
    private readonly organizations: OrganizationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get flowTtlSeconds(): number {
    return FLOW_TTL_SECONDS;
  }

  /** The organisations whose staff can sign in through their provider (the sign-in page). */
  async options(): Promise<SsoOption[]> {
    const rows: { organization_id: string; name: string }[] = await this.db.query(
      `SELECT p.organization_id, o.name FROM sso_providers p JOIN organizations o ON o.id = p.organization_id WHERE p.enabled ORDER BY o.name`,
    );
    return rows.map((r) => ({ organizationId: r.organization_id, organizationName: r.name }));
  }

  async list(actor: Actor): Promise<SsoProviderView[]> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const rows = await this.db.manager.find(SsoProvider, { relations: { organization: true }, order: { updatedAt: 'ASC' } });
    return rows.map(toView);
  }

  /** Creates or replaces an organisation's provider; the client secret is kept when left out of an update. */
  async save(actor: Actor, organizationId: string, dto: SsoProviderDto): Promise<SsoProviderView> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const issuer = this.checkIssuer(dto.issuer);
    await this.organizations.get(organizationId);
    await this.db.transaction(async (tx) => {
      const existing = await tx.findOne(SsoProvider, { where: { organizationId }, lock: { mode: 'pessimistic_write' } });
      if (!existing && !dto.clientSecret) {
        throw AppException.badRequest('VALIDATION_FAILED', 'The client secret is required', [
          { field: 'clientSecret', messages: ['is required'] },
        ]);
      }
      const clientSecretEncrypted = dto.clientSecret ? this.box.seal(dto.clientSecret) : (existing?.clientSecretEncrypted ?? '');
      await tx.save(SsoProvider, {
        organizationId,
        issuer,
        clientId: dto.clientId,
        clientSecretEncrypted,
        allowedDomains: [...new Set(dto.allowedDomains)],
        enabled: dto.enabled,
      });
    });
    const saved = await this.db.manager.findOneOrFail(SsoProvider, { where: { organizationId }, relations: { organization: true } });
    return toView(saved);
  }

  async remove(actor: Actor, organizationId: string): Promise<void> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    const { affected } = await this.db.manager.delete(SsoProvider, { organizationId });
    if (!affected) throw AppException.notFound('Single sign-on provider');
  }

  /** Discovers the provider, records the flow and gives the address to send the browser to. */
  async start(organizationId: string, ip: string): Promise<StartedFlow> {
    await this.throttle.consume(rules.address(ip));
    const provider = await this.db.manager.findOneBy(SsoProvider, { organizationId, enabled: true });
    if (!provider) throw AppException.notFound('Single sign-on provider');
    const client = await this.discover(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const browser = newToken();
    await this.db.query('DELETE FROM sso_flows WHERE expires_at < now()');
    await this.db.manager.insert(SsoFlow, {
      stateHash: hashToken(state),
      browserHash: browser.hash,
      organizationId,
      nonce,
      codeVerifier,
      expiresAt: new Date(Date.now() + FLOW_TTL_SECONDS * 1000),
    });
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { authorizationUrl: url.href, browserToken: browser.token };
  }

  /**
   * The browser is back from the provider. Counted first; then the flow is taken (once) and checked against
   * the browser's cookie, the code exchanged and the ID token validated; only then is anyone found or created.
   */
  async finish(
    query: Record<string, string>,
    browserToken: string | undefined,
    ip: string,
    userAgent: string | undefined,
  ): Promise<{ sessionToken: string }> {
    await this.throttle.consume(rules.address(ip));
    const state = typeof query.state === 'string' ? query.state : '';
    if (!state || state.length > 200) throw ssoError('SSO_STATE_INVALID', 'This sign-in is unknown or was already used');
    const [taken]: [SsoFlowRow[], number] = await this.db.query(
      'DELETE FROM sso_flows WHERE state_hash = $1 RETURNING browser_hash, organization_id, nonce, code_verifier, expires_at',
      [hashToken(state)],
    );
    const flow = taken[0];
    if (!flow || !browserToken || hashToken(browserToken) !== flow.browser_hash) {
      throw ssoError('SSO_STATE_INVALID', 'This sign-in is unknown or was already used');
    }
    if (flow.expires_at.getTime() <= Date.now()) throw ssoError('SSO_FLOW_EXPIRED', 'This sign-in took too long: start again');
    if (typeof query.error === 'string') throw ssoError('SSO_PROVIDER_REFUSED', 'The provider did not sign you in');
    const provider = await this.db.manager.findOneBy(SsoProvider, { organizationId: flow.organization_id, enabled: true });
    if (!provider) throw AppException.notFound('Single sign-on provider');

    const client = await this.discover(provider);
    const current = new URL(this.redirectUri());
    for (const [key, value] of Object.entries(query)) if (typeof value === 'string') current.searchParams.set(key, value);
    let claims: oidc.IDToken | undefined;
    let profile: Record<string, unknown> = {};
    try {
      const tokens = await oidc.authorizationCodeGrant(client, current, {
        pkceCodeVerifier: flow.code_verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      profile = { ...claims };
      // Many providers put the e-mail in the userinfo answer only; it must be about the same subject.
      if (claims && typeof claims.email !== 'string')
        profile = { ...(await oidc.fetchUserInfo(client, tokens.access_token, claims.sub)), ...claims };
    } catch (err) {
      this.logger.warn(
        `Single sign-on refused for organisation ${flow.organization_id}: ${err instanceof Error ? err.message : String(err)}`,
      );
      throw ssoError('SSO_TOKEN_INVALID', 'The provider’s answer could not be verified');
    }
    if (!claims) throw ssoError('SSO_TOKEN_INVALID', 'The provider’s answer could not be verified');

    const email = typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : '';
    if (!email || profile.email_verified !== true)
      throw ssoError('SSO_EMAIL_NOT_VERIFIED', 'The provider did not vouch for an e-mail address');
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!provider.allowedDomains.includes(domain)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        'SSO_DOMAIN_NOT_ALLOWED',
        'This e-mail address is not one of the organisation’s domains',
      );
    }
    const personId = await this.db.transaction(async (tx) => {
      const linked = await tx.findOneBy(SsoIdentity, { organizationId: provider.organizationId, subject: claims.sub });
      if (linked) return linked.personId;
      const person = await this.auth.findOrCreateVerifiedPerson(
        tx,
        email,
        stringClaim(profile.given_name, 'Prénom'),
        stringClaim(profile.family_name, 'Nom'),
      );
      if (person.created) await this.organizations.enlistFromSingleSignOn(tx, provider.organizationId, person.id);
      await tx.insert(SsoIdentity, { organizationId: provider.organizationId, subject: claims.sub, personId: person.id });
      return person.id;
    });
    const { sessionToken } = await this.auth.openTrustedSession(personId, userAgent);
    return { sessionToken };
  }

  private redirectUri(): string {
    return new URL(CALLBACK_PATH, this.config.PUBLIC_URL).href;
  }

  private checkIssuer(issuer: string): string {
    const url = new URL(issuer);
    if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
      throw AppException.badRequest('VALIDATION_FAILED', 'The issuer must use https', [{ field: 'issuer', messages: ['must use https'] }]);
    }
    return url.href.replace(/\/$/, '');
  }

  private async discover(provider: SsoProvider): Promise<oidc.Configuration> {
    const url = new URL(provider.issuer);
    try {
      const client = await oidc.discovery(
        url,
        provider.clientId,
        { client_secret: this.box.open(provider.clientSecretEncrypted) },
        oidc.ClientSecretBasic(this.box.open(provider.clientSecretEncrypted)),
        // Plain http only to a provider on this machine (tests, development).
        { execute: url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      );
      // The ID token's signature is checked against the provider's keys too, not only its claims.
      oidc.enableNonRepudiationChecks(client);
      return client;
    } catch (err) {
      this.logger.warn(`OpenID Connect discovery failed for ${provider.issuer}: ${err instanceof Error ? err.message : String(err)}`);
      throw new AppException(
        HttpStatus.BAD_GATEWAY,
        'SSO_PROVIDER_UNAVAILABLE',
        'The organisation’s sign-in service cannot be reached or is misconfigured',
      );
    }
  }
}

type SsoFlowRow = { browser_hash: string; organization_id: string; nonce: string; code_verifier: string; expires_at: Date };

const ssoError = (code: string, message: string) => AppException.badRequest(code, message);

const stringClaim = (value: unknown, fallback: string) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, 100) : fallback;

function toView(row: SsoProvider): SsoProviderView {
  return {
    organizationId: row.organizationId,
    organizationName: row.organization?.name ?? '',
    issuer: row.issuer,
    clientId: row.clientId,
    allowedDomains: row.allowedDomains,
    enabled: row.enabled,
    hasClientSecret: row.clientSecretEncrypted !== '',
  };
}
