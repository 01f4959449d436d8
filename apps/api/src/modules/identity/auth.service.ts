import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import type { Locale, SessionUser, StaffRole } from '@maillage/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { MailService } from '../../core/mail/mail.service';
import { RealtimeService } from '../../core/realtime/realtime.service';
import type { ChangePasswordDto, LoginDto, ResetPasswordDto, SignupDto } from './dto/auth.dto';
import { AuthToken, type AuthTokenPurpose } from './entities/auth-token.entity';
import { Person } from './entities/person.entity';
import { accountExistsMail, passwordChangedMail, resetPasswordMail, verifyEmailMail } from './identity.mail-templates';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { ThrottleService, type ThrottleRule } from './throttle.service';
import { hashToken, newToken } from './tokens';

const MINUTE = 60;
const HOUR = 3600;
const TOKEN_TTL: Record<AuthTokenPurpose, number> = { verify_email: 24 * HOUR, reset_password: HOUR };

/** Throttling rules: an attacker can slow attempts on an account from their IP, never lock the owner out. */
const rules = {
  loginIp: (ip: string): ThrottleRule => ({ key: `login:ip:${ip}`, limit: 100, windowSeconds: 15 * MINUTE }),
  loginAccountIp: (email: string, ip: string): ThrottleRule => ({ key: `login:acct-ip:${email}:${ip}`, limit: 5, windowSeconds: 15 * MINUTE }),
  /** Applies only to devices that never signed in to the account (OWASP "device cookies"). */
  loginAccount: (email: string): ThrottleRule => ({ key: `login:acct:${email}`, limit: 50, windowSeconds: HOUR }),
  signupIp: (ip: string): ThrottleRule => ({ key: `signup:ip:${ip}`, limit: 20, windowSeconds: HOUR }),
  mailIp: (ip: string): ThrottleRule => ({ key: `mail:ip:${ip}`, limit: 20, windowSeconds: HOUR }),
  mailAccount: (email: string): ThrottleRule => ({ key: `mail:acct:${email}`, limit: 3, windowSeconds: HOUR }),
  tokenIp: (ip: string): ThrottleRule => ({ key: `token:ip:${ip}`, limit: 30, windowSeconds: 15 * MINUTE }),
};

export interface LoginResult {
  user: SessionUser;
  sessionToken: string;
  deviceToken: string;
}

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
        await this.mail.send({ to: existing.email, locale: existing.locale, template: accountExistsMail, data: { link: this.link('/mot-de-passe-oublie') } });
      }
      return;
    }
    await this.db.transaction(async (tx) => {
      // A concurrent sign-up with the same address loses on the unique index and gets the same answer.
      const inserted = await tx.createQueryBuilder().insert().into(Person)
        .values({ email: dto.email, passwordHash, firstName: dto.firstName, lastName: dto.lastName, locale })
        .orIgnore().returning('*').execute();
      const person = inserted.generatedMaps[0] as Person | undefined;
      if (person?.id) await this.sendTokenMail(tx, { ...person, email: dto.email, firstName: dto.firstName, locale } as Person, 'verify_email');
    });
  }

  async resendVerification(email: string, ip: string): Promise<void> {
    await this.throttle.consume(rules.mailIp(ip));
    const person = await this.db.manager.findOneBy(Person, { email });
    if (person && !person.emailVerifiedAt && (await this.underMailQuota(email))) {
      await this.sendTokenMail(this.db.manager, person, 'verify_email');
    }
  }

  async verifyEmail(token: string, ip: string): Promise<void> {
    await this.throttle.consume(rules.tokenIp(ip));
    await this.db.transaction(async (tx) => {
      const row = await this.useToken(tx, token, 'verify_email');
      await tx.update(Person, { id: row.personId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: new Date() });
    });
  }

  async login(dto: LoginDto, ip: string, deviceToken: string | undefined): Promise<LoginResult> {
    const knownDevice = this.isDeviceOf(deviceToken, dto.email);
    const accountRules = [rules.loginAccountIp(dto.email, ip), ...(knownDevice ? [] : [rules.loginAccount(dto.email)])];
    await this.throttle.assertUnder(rules.loginIp(ip), ...accountRules);
    const person = await this.db.manager.findOneBy(Person, { email: dto.email });
    const ok = await this.passwords.verify(person?.passwordHash ?? null, dto.password);
    if (!person || !ok) {
      await this.throttle.hit(rules.loginIp(ip));
      for (const rule of accountRules) await this.throttle.hit(rule);
      throw new AppException(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', 'Incorrect e-mail or password');
    }
    if (!person.emailVerifiedAt) {
      throw new AppException(HttpStatus.FORBIDDEN, 'EMAIL_NOT_VERIFIED', 'Confirm your e-mail address first: we sent you a link');
    }
    await this.throttle.reset(rules.loginAccountIp(dto.email, ip).key);
    const sessionToken = await this.sessions.create(person.id, undefined);
    return { user: await this.sessionUser(person.id), sessionToken, deviceToken: this.deviceTokenFor(dto.email) };
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

  async sessionUser(personId: string): Promise<SessionUser> {
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
    };
  }

  // ---- helpers ----

  private async afterPasswordChange(tx: EntityManager, person: Person) {
    await tx.query('UPDATE people SET session_generation = session_generation + 1 WHERE id = $1', [person.id]);
    await tx.query('DELETE FROM sessions WHERE person_id = $1', [person.id]);
    await tx.update(AuthToken, { personId: person.id, purpose: 'reset_password', usedAt: IsNull() }, { usedAt: new Date() });
    await this.mail.send(
      { to: person.email, locale: person.locale, template: passwordChangedMail, data: { firstName: person.firstName, link: this.link('/mot-de-passe-oublie') } },
      tx,
    );
  }

  private async underMailQuota(email: string): Promise<boolean> {
    const rule = rules.mailAccount(email);
    return (await this.throttle.hit(rule)) <= rule.limit;
  }

  private async sendTokenMail(tx: EntityManager, person: Person, purpose: AuthTokenPurpose) {
    const { token, hash } = newToken();
    await tx.insert(AuthToken, { tokenHash: hash, personId: person.id, purpose, expiresAt: new Date(Date.now() + TOKEN_TTL[purpose] * 1000) });
    const path = purpose === 'verify_email' ? '/verifier-email' : '/reinitialiser-mot-de-passe';
    const template = purpose === 'verify_email' ? verifyEmailMail : resetPasswordMail;
    await this.mail.send(
      { to: person.email, locale: person.locale as Locale, template, data: { firstName: person.firstName, link: this.link(`${path}?token=${token}`) } },
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

  private deviceTokenFor(email: string): string {
    return createHmac('sha256', this.config.SESSION_SECRET!).update(`device:${email}`).digest('base64url');
  }

  private isDeviceOf(token: string | undefined, email: string): boolean {
    if (!token) return false;
    const expected = Buffer.from(this.deviceTokenFor(email));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
