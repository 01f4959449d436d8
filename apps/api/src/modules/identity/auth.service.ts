import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import type { Locale, SessionUser, StaffRole } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService } from '../../core/mail/mail.service';
import { PersonalDataRegistry } from '../../core/privacy/personal-data.registry';
import { RealtimeService } from '../../core/realtime/realtime.service';
import type { ChangePasswordDto, LoginDto, ResetPasswordDto, SignupDto } from './dto/auth.dto';
import { DevicesService } from './devices.service';
import { AuthToken, type AuthTokenPurpose } from './entities/auth-token.entity';
import { Person } from './entities/person.entity';
import { accountExistsMail, passwordChangedMail, resetPasswordMail, verifyEmailMail } from './identity.mail-templates';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { addressKey, ThrottleService, type ThrottleRule } from './throttle.service';
import { hashToken, newToken } from '../../core/auth/tokens';
import { TwoFactorService, twoFactorRules } from './two-factor.service';

const MINUTE = 60;
const HOUR = 3600;
const TOKEN_TTL: Record<AuthTokenPurpose, number> = { verify_email: 24 * HOUR, reset_password: HOUR, login_two_factor: 5 * MINUTE };

/** Throttling rules: an attacker can slow attempts on an account from their IP, never lock the owner out. */
const rules = {
  loginIp: (ip: string): ThrottleRule => ({ key: `login:ip:${addressKey(ip)}`, limit: 100, windowSeconds: 15 * MINUTE }),
  loginAccountIp: (email: string, ip: string): ThrottleRule => ({
    key: `login:acct-ip:${email}:${addressKey(ip)}`,
    limit: 5,
    windowSeconds: 15 * MINUTE,
  }),
  /** Applies only to devices that never signed in to the account (OWASP "device cookies", DevicesService). */
  loginAccount: (email: string): ThrottleRule => ({ key: `login:acct:${email}`, limit: 50, windowSeconds: HOUR }),
  signupIp: (ip: string): ThrottleRule => ({ key: `signup:ip:${addressKey(ip)}`, limit: 20, windowSeconds: HOUR }),
  mailIp: (ip: string): ThrottleRule => ({ key: `mail:ip:${addressKey(ip)}`, limit: 20, windowSeconds: HOUR }),
  mailAccount: (email: string): ThrottleRule => ({ key: `mail:acct:${email}`, limit: 3, windowSeconds: HOUR }),
  tokenIp: (ip: string): ThrottleRule => ({ key: `token:ip:${addressKey(ip)}`, limit: 30, windowSeconds: 15 * MINUTE }),
};

export interface LoginResult {
  user: SessionUser;
  sessionToken: string;
  deviceToken: string;
}

/** The password was right; the account asks for a code next (the token goes in a short-lived cookie). */
export interface TwoFactorPending {
  challengeToken: string;
}

const CHALLENGE_TTL_SECONDS = 5 * MINUTE;

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly throttle: ThrottleService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly realtime: RealtimeService,
    private readonly devices: DevicesService,
    private readonly personalData: PersonalDataRegistry,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** Same answer, and the same work (one argon2 hash), whether the address is taken or not. */
  async signup(dto: SignupDto, ip: string): Promise<void> {
    this.passwords.assertStrong(dto.password, [dto.email, dto.firstName, dto.lastName]);
    await this.throttle.consume(rules.signupIp(ip));
    const passwordHash = await this.passwords.hash(dto.password);
    const locale = dto.locale ?? 'fr';
    const existing = await this.db.manager.findOneBy(Person, { email: dto.email });
    if (existing) {
      if (await this.underMailQuota(dto.email)) {
        await this.mail.send({
          to: existing.email,
          locale: existing.locale,
          template: accountExistsMail,
          data: { link: this.link('/mot-de-passe-oublie') },
        });
      }
      return;
    }
    await this.db.transaction(async (tx) => {
      // A concurrent sign-up with the same address loses on the unique index and gets the same answer.
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Person)
        .values({ email: dto.email, passwordHash, firstName: dto.firstName, lastName: dto.lastName, locale })
        .orIgnore()
        .returning('*')
        .execute();
      const person = inserted.generatedMaps[0] as Person | undefined;
      if (person?.id && dto.consents) await this.personalData.signedUp(tx, person.id, dto.consents);
      if (person?.id)
        await this.sendTokenMail(tx, { ...person, email: dto.email, firstName: dto.firstName, locale } as Person, 'verify_email');
    });
  }

  async resendVerification(email: string, ip: string): Promise<void> {
    await this.throttle.consume(rules.mailIp(ip));
    const person = await this.db.manager.findOneBy(Person, { email });
    if (person && !person.emailVerifiedAt && (await this.underMailQuota(email))) {
      await this.sendTokenMail(this.db.manager, person, 'verify_email');
    }
  }

  /** Confirms the address and opens a session (the link proves the mailbox, as a login would). */
  async verifyEmail(token: string, ip: string): Promise<{ user: SessionUser; sessionToken: string }> {
    await this.throttle.consume(rules.tokenIp(ip));
    const personId = await this.db.transaction(async (tx) => {
      const row = await this.useToken(tx, token, 'verify_email');
      await tx.update(Person, { id: row.personId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
      return row.personId;
    });
    const sessionToken = await this.sessions.create(personId, undefined);
    return { user: await this.sessionUser(personId), sessionToken };
  }

  /**
   * Every attempt is counted (per address, per account and address, per account from unknown devices)
   * before the password is checked: parallel attempts cannot all see a count under the limit.
   */
  async login(dto: LoginDto, ip: string, deviceToken: string | undefined, userAgent?: string): Promise<LoginResult | TwoFactorPending> {
    const knownDevice = await this.devices.find(deviceToken, dto.email);
    const accountIp = rules.loginAccountIp(dto.email, ip);
    await this.throttle.consume(rules.loginIp(ip), accountIp, ...(knownDevice ? [] : [rules.loginAccount(dto.email)]));
    const person = await this.db.manager.findOneBy(Person, { email: dto.email });
    const ok = await this.passwords.verify(person?.passwordHash ?? null, dto.password);
    if (!person || !ok) throw new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Incorrect e-mail or password');
    if (person.suspendedAt)
      throw new AppException(HttpStatus.FORBIDDEN, 'ACCOUNT_SUSPENDED', 'This account is suspended: contact the platform administrators');
    if (!person.emailVerifiedAt) {
      throw new AppException(HttpStatus.FORBIDDEN, 'EMAIL_NOT_VERIFIED', 'Confirm your e-mail address first: we sent you a link');
    }
    await this.throttle.reset(accountIp.key);
    if (await this.twoFactor.isEnabled(person.id)) {
      const { token, hash } = newToken();
      await this.db.manager.insert(AuthToken, {
        tokenHash: hash,
        personId: person.id,
        purpose: 'login_two_factor',
        expiresAt: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000),
      });
      return { challengeToken: token };
    }
    // Required but not set up yet: the session opens the enrolment only (AuthGuard).
    const mustEnrol = await this.twoFactor.isRequired(person.id);
    return this.openSession(person.id, knownDevice, userAgent, mustEnrol);
  }

  get challengeTtlSeconds(): number {
    return CHALLENGE_TTL_SECONDS;
  }

  /**
   * The second step of a sign-in: the code is counted (per account, per address) before it is checked;
   * a wrong code leaves the challenge open until it expires, a right one spends it and opens the session.
   */
  async completeTwoFactorLogin(
    challengeToken: string | undefined,
    code: string,
    ip: string,
    deviceToken: string | undefined,
    userAgent?: string,
  ): Promise<LoginResult> {
    const expired = () => AppException.badRequest('TWO_FACTOR_CHALLENGE_EXPIRED', 'Sign in again: this sign-in has expired');
    if (!challengeToken || challengeToken.length > 100) throw expired();
    const pending = await this.db.manager.findOneBy(AuthToken, {
      tokenHash: hashToken(challengeToken),
      purpose: 'login_two_factor',
      usedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
    if (!pending) throw expired();
    await this.throttle.consume(twoFactorRules.address(ip), twoFactorRules.account(pending.personId));
    const personId = await this.db.transaction(async (tx) => {
      const [spent]: [{ person_id: string }[], number] = await tx.query(
        `UPDATE auth_tokens SET used_at = now() WHERE token_hash = $1 AND purpose = 'login_two_factor' AND used_at IS NULL AND expires_at > now() RETURNING person_id`,
        [pending.tokenHash],
      );
      if (!spent[0]) throw expired();
      if (!(await this.twoFactor.verify(tx, spent[0].person_id, code))) {
        throw AppException.badRequest('INVALID_TWO_FACTOR_CODE', 'This code is not valid (or was already used)');
      }
      return spent[0].person_id;
    });
    await this.throttle.reset(twoFactorRules.account(personId).key);
    const person = await this.db.manager.findOneByOrFail(Person, { id: personId });
    const knownDevice = await this.devices.find(deviceToken, person.email);
    return this.openSession(person.id, knownDevice, userAgent, false);
  }

  /** A session for someone who proved who they are by other means (an organisation's single sign-on). */
  async openTrustedSession(personId: string, userAgent: string | undefined): Promise<{ user: SessionUser; sessionToken: string }> {
    const sessionToken = await this.sessions.create(personId, userAgent);
    return { user: await this.sessionUser(personId), sessionToken };
  }

  /**
   * The person with this address, or a new one (no password: they sign in through their organisation);
   * the address counts as verified since the caller's provider vouched for it.
   */
  async findOrCreateVerifiedPerson(
    tx: EntityManager,
    email: string,
    firstName: string,
    lastName: string,
  ): Promise<{ id: string; created: boolean }> {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Person)
      .values({ email, passwordHash: null, firstName, lastName, locale: 'fr', emailVerifiedAt: new Date() })
      .orIgnore()
      .returning(['id'])
      .execute();
    const created = inserted.raw as { id: string }[];
    if (created[0]) return { id: created[0].id, created: true };
    const existing = await tx.findOneByOrFail(Person, { email });
    if (!existing.emailVerifiedAt) await tx.update(Person, existing.id, { emailVerifiedAt: new Date() });
    return { id: existing.id, created: false };
  }

  private async openSession(
    personId: string,
    knownDevice: string | null,
    userAgent: string | undefined,
    mustEnrol: boolean,
  ): Promise<LoginResult> {
    const device = await this.devices.remember(personId, knownDevice, userAgent);
    const sessionToken = await this.sessions.create(personId, userAgent, device.id, mustEnrol);
    return { user: await this.sessionUser(personId, mustEnrol), sessionToken, deviceToken: device.token };
  }

  async forgotPassword(email: string, ip: string): Promise<void> {
    await this.throttle.consume(rules.mailIp(ip));
    const person = await this.db.manager.findOneBy(Person, { email });
    if (person && (await this.underMailQuota(email))) {
      await this.sendTokenMail(this.db.manager, person, 'reset_password');
    }
  }

  async resetPassword(dto: ResetPasswordDto, ip: string): Promise<void> {
    this.passwords.assertStrong(dto.password);
    await this.throttle.consume(rules.tokenIp(ip));
    const passwordHash = await this.passwords.hash(dto.password);
    const personId = await this.db.transaction(async (tx) => {
      const row = await this.useToken(tx, dto.token, 'reset_password');
      const person = await tx.findOneByOrFail(Person, { id: row.personId });
      this.passwords.assertStrong(dto.password, [person.email, person.firstName, person.lastName]);
      await tx.update(Person, person.id, { passwordHash, emailVerifiedAt: person.emailVerifiedAt ?? new Date() });
      await this.afterPasswordChange(tx, person);
      return person.id;
    });
    this.realtime.disconnectPerson(personId);
  }

  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const person = await this.db.manager.findOneByOrFail(Person, { id: actor.personId });
    if (!(await this.passwords.verify(person.passwordHash, dto.currentPassword))) {
      throw AppException.badRequest('INVALID_CREDENTIALS', 'The current password is incorrect', [
        { field: 'currentPassword', messages: ['is incorrect'] },
      ]);
    }
    this.passwords.assertStrong(dto.newPassword, [person.email, person.firstName, person.lastName], 'newPassword');
    const passwordHash = await this.passwords.hash(dto.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.update(Person, person.id, { passwordHash });
      await this.afterPasswordChange(tx, person);
    });
    this.realtime.disconnectPerson(person.id);
  }

  async sessionUser(personId: string, mustEnrolTwoFactor = false): Promise<SessionUser> {
    const person = await this.db.manager.findOneByOrFail(Person, { id: personId });
    const staff: { organization_id: string; name: string; role: StaffRole }[] = await this.db.query(
      `SELECT s.organization_id, o.name, s.role FROM organization_staff s JOIN organizations o ON o.id = s.organization_id
       WHERE s.person_id = $1 ORDER BY o.name`,
      [personId],
    );
    return {
      id: person.id,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      locale: person.locale,
      platformRole: person.platformRole,
      emailVerified: person.emailVerifiedAt !== null,
      staffOf: staff.map((s) => ({ organizationId: s.organization_id, organizationName: s.name, role: s.role })),
      consentRequired: await this.personalData.consentRequired(person.id),
      twoFactorEnabled: await this.twoFactor.isEnabled(personId),
      mustEnrolTwoFactor,
    };
  }

  // ---- helpers ----

  private async afterPasswordChange(tx: EntityManager, person: Person) {
    await tx.query('UPDATE people SET session_generation = session_generation + 1 WHERE id = $1', [person.id]);
    await tx.query('DELETE FROM sessions WHERE person_id = $1', [person.id]);
    await tx.update(AuthToken, { personId: person.id, purpose: 'reset_password', usedAt: IsNull() }, { usedAt: new Date() });
    await this.mail.send(
      {
        to: person.email,
        locale: person.locale,
        template: passwordChangedMail,
        data: { firstName: person.firstName, link: this.link('/mot-de-passe-oublie') },
      },
      tx,
    );
  }

  private underMailQuota(email: string): Promise<boolean> {
    return this.throttle.allow(rules.mailAccount(email));
  }

  private async sendTokenMail(tx: EntityManager, person: Person, purpose: AuthTokenPurpose) {
    const { token, hash } = newToken();
    await tx.insert(AuthToken, {
      tokenHash: hash,
      personId: person.id,
      purpose,
      expiresAt: new Date(Date.now() + TOKEN_TTL[purpose] * 1000),
    });
    const path = purpose === 'verify_email' ? '/verifier-email' : '/reinitialiser-mot-de-passe';
    const template = purpose === 'verify_email' ? verifyEmailMail : resetPasswordMail;
    await this.mail.send(
      {
        to: person.email,
        locale: person.locale as Locale,
        template,
        data: { firstName: person.firstName, link: this.link(`${path}?token=${token}`) },
      },
      tx,
    );
  }

  private async useToken(tx: EntityManager, token: string, purpose: AuthTokenPurpose): Promise<AuthToken> {
    const row = await tx.findOne(AuthToken, {
      where: { tokenHash: hashToken(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw AppException.badRequest('INVALID_TOKEN', 'This link is invalid or has expired');
    await tx.update(AuthToken, row.tokenHash, { usedAt: new Date() });
    return row;
  }

  private link(path: string): string {
    return new URL(path, this.config.PUBLIC_URL).toString();
  }
}
