import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as OTPAuth from 'otpauth';
import * as QRCode from 'qrcode';
import type { RecoveryCodes, SecuritySettingsView, TwoFactorEnrolment, TwoFactorStatus } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { Person } from './entities/person.entity';
import { SecuritySettings, TwoFactorCredential } from './entities/two-factor.entity';
import { PasswordService } from './password.service';
import { SecretBox } from './secret-box.service';
import { SessionService } from './session.service';
import { addressKey, ThrottleService, type ThrottleRule } from './throttle.service';
import { hashToken } from '../../core/auth/tokens';

const PERIOD = 30;
const RECOVERY_CODES = 10;
const ISSUER = 'Maillage';

/** Code attempts are counted like passwords: per account (whoever tries) and per address. */
export const twoFactorRules = {
  account: (personId: string): ThrottleRule => ({ key: `2fa:acct:${personId}`, limit: 10, windowSeconds: 15 * 60 }),
  address: (ip: string): ThrottleRule => ({ key: `login:ip:${addressKey(ip)}`, limit: 100, windowSeconds: 15 * 60 }),
};

const invalidCode = () => AppException.badRequest('INVALID_TWO_FACTOR_CODE', 'This code is not valid (or was already used)');

/** "abcd-efgh-ij" and "ABCD EFGH IJ" are the same recovery code. */
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten characters from an alphabet without look-alikes (about 48 bits), shown as "abcde-fghij". */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function newRecoveryCode(): string {
  const raw = [...randomBytes(10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/**
 * Two-factor sign-in with TOTP (RFC 6238, 30-second steps, one step of drift either way) and single-use
 * recovery codes. The last accepted step is stored and moved forward in one conditional UPDATE, so a code
 * is honoured once even when two requests race with it. Attempts are counted before any check.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly db: DataSource,
    private readonly box: SecretBox,
    private readonly passwords: PasswordService,
    private readonly throttle: ThrottleService,
    private readonly sessions: SessionService,
    private readonly access: AccessPolicy,
  ) {}

  async isEnabled(personId: string, tx: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM two_factor_credentials WHERE person_id = $1 AND confirmed_at IS NOT NULL', [
      personId,
    ]);
    return rows.length > 0;
  }

  /** The platform requires it of platform admins and of the staff of host organisations, when the admin says so. */
  async isRequired(personId: string): Promise<boolean> {
    const rows: { required: boolean }[] = await this.db.query(
      `SELECT (SELECT require_two_factor_for_staff FROM security_settings WHERE id = 1)
          AND (p.platform_role = 'admin' OR EXISTS (SELECT 1 FROM organization_staff s WHERE s.person_id = p.id)) AS required
       FROM people p WHERE p.id = $1`,
      [personId],
    );
    return rows[0]?.required === true;
  }

  async status(actor: Actor): Promise<TwoFactorStatus> {
    const [left]: { count: number }[] = await this.db.query(
      'SELECT count(*)::int AS count FROM two_factor_recovery_codes WHERE person_id = $1 AND used_at IS NULL',
      [actor.personId],
    );
    return {
      enabled: await this.isEnabled(actor.personId),
      required: await this.isRequired(actor.personId),
      recoveryCodesLeft: left.count,
    };
  }

  /** A fresh secret, not in force until a first code confirms it (a second call replaces it). */
  async startEnrolment(actor: Actor): Promise<TwoFactorEnrolment> {
    if (await this.isEnabled(actor.personId))
      throw AppException.conflict('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already set up');
    const person = await this.db.manager.findOneByOrFail(Person, { id: actor.personId });
    const secret = new OTPAuth.Secret({ size: 20 });
    await this.db.query(
      `INSERT INTO two_factor_credentials (person_id, secret_encrypted, confirmed_at, last_step) VALUES ($1, $2, NULL, 0)
       ON CONFLICT (person_id) DO UPDATE SET secret_encrypted = EXCLUDED.secret_encrypted, last_step = 0, created_at = now()
       WHERE two_factor_credentials.confirmed_at IS NULL`,
      [actor.personId, this.box.seal(secret.base32)],
    );
    const otpauthUri = this.totp(secret.base32, person.email).toString();
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    return { secret: secret.base32, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** The first code proves the app holds the secret: two-factor sign-in is on, and the recovery codes are shown once. */
  async confirmEnrolment(actor: Actor, code: string, ip: string): Promise<RecoveryCodes> {
    await this.throttle.consume(twoFactorRules.address(ip), twoFactorRules.account(actor.personId));
    const codes = await this.db.transaction(async (tx) => {
      const row = await tx.findOne(TwoFactorCredential, { where: { personId: actor.personId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw AppException.badRequest('TWO_FACTOR_NOT_STARTED', 'Start the set-up first');
      if (row.confirmedAt) throw AppException.conflict('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already set up');
      if (!(await this.acceptTotp(tx, actor.personId, row.secretEncrypted, code, false))) throw invalidCode();
      await tx.update(TwoFactorCredential, actor.personId, { confirmedAt: new Date() });
      return this.replaceRecoveryCodes(tx, actor.personId);
    });
    await this.throttle.reset(twoFactorRules.account(actor.personId).key);
    await this.sessions.enrolmentDone(actor.personId);
    return { codes };
  }

  /** New recovery codes (the old ones stop working); asks for a current code. */
  async regenerateRecoveryCodes(actor: Actor, code: string, ip: string): Promise<RecoveryCodes> {
    await this.throttle.consume(twoFactorRules.address(ip), twoFactorRules.account(actor.personId));
    if (!(await this.isEnabled(actor.personId)))
      throw AppException.badRequest('TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not set up');
    const codes = await this.db.transaction(async (tx) => {
      if (!(await this.verify(tx, actor.personId, code))) throw invalidCode();
      return this.replaceRecoveryCodes(tx, actor.personId);
    });
    await this.throttle.reset(twoFactorRules.account(actor.personId).key);
    return { codes };
  }

  /** Turning it off takes the password and a code; not while the platform requires it of the person. */
  async disable(actor: Actor, password: string, code: string, ip: string): Promise<void> {
    await this.throttle.consume(twoFactorRules.address(ip), twoFactorRules.account(actor.personId));
    if (!(await this.isEnabled(actor.personId)))
      throw AppException.badRequest('TWO_FACTOR_NOT_ENABLED', 'Two-factor sign-in is not set up');
    if (await this.isRequired(actor.personId)) {
      throw AppException.conflict('TWO_FACTOR_REQUIRED', 'Two-factor sign-in is required for your account');
    }
    const person = await this.db.manager.findOneByOrFail(Person, { id: actor.personId });
    if (!(await this.passwords.verify(person.passwordHash, password))) {
      throw AppException.badRequest('INVALID_CREDENTIALS', 'The password is incorrect', [
        { field: 'password', messages: ['is incorrect'] },
      ]);
    }
    await this.db.transaction(async (tx) => {
      if (!(await this.verify(tx, actor.personId, code))) throw invalidCode();
      await tx.query('DELETE FROM two_factor_recovery_codes WHERE person_id = $1', [actor.personId]);
      await tx.query('DELETE FROM two_factor_credentials WHERE person_id = $1', [actor.personId]);
    });
  }

  /**
   * A code from the app (each time step honoured once) or an unused recovery code (then spent).
   * The caller has counted the attempt already.
   */
  async verify(tx: EntityManager, personId: string, code: string): Promise<boolean> {
    const trimmed = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(trimmed)) {
      const rows: { secret_encrypted: string }[] = await tx.query(
        'SELECT secret_encrypted FROM two_factor_credentials WHERE person_id = $1 AND confirmed_at IS NOT NULL',
        [personId],
      );
      return rows[0] ? this.acceptTotp(tx, personId, rows[0].secret_encrypted, trimmed, true) : false;
    }
    const normalised = normaliseRecovery(code);
    if (normalised.length !== 10) return false;
    const [used]: [unknown[], number] = await tx.query(
      `UPDATE two_factor_recovery_codes SET used_at = now() WHERE person_id = $1 AND code_hash = $2 AND used_at IS NULL
         AND EXISTS (SELECT 1 FROM two_factor_credentials c WHERE c.person_id = $1 AND c.confirmed_at IS NOT NULL) RETURNING id`,
      [personId, hashToken(normalised)],
    );
    return used.length > 0;
  }

  async settings(actor: Actor): Promise<SecuritySettingsView> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    // The migration writes the row; without it (an emptied database) the defaults apply.
    const row = await this.db.manager.findOneBy(SecuritySettings, { id: 1 });
    return { requireTwoFactorForStaff: row?.requireTwoFactorForStaff ?? false };
  }

  async updateSettings(actor: Actor, dto: SecuritySettingsView): Promise<SecuritySettingsView> {
    await this.access.assert(this.access.canAdministerPlatform(actor));
    await this.db.manager.upsert(SecuritySettings, { id: 1, requireTwoFactorForStaff: dto.requireTwoFactorForStaff }, ['id']);
    return this.settings(actor);
  }

  private totp(base32: string, label: string): OTPAuth.TOTP {
    return new OTPAuth.TOTP({
      issuer: ISSUER,
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD,
      secret: OTPAuth.Secret.fromBase32(base32),
    });
  }

  /** Checks the code and moves the last accepted step forward, in one statement: a step already used is refused. */
  private async acceptTotp(tx: EntityManager, personId: string, sealed: string, code: string, confirmed: boolean): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const now = Date.now();
    const delta = this.totp(this.box.open(sealed), ISSUER).validate({ token: code, timestamp: now, window: 1 });
    if (delta === null) return false;
    const step = Math.floor(now / 1000 / PERIOD) + delta;
    const [moved]: [unknown[], number] = await tx.query(
      `UPDATE two_factor_credentials SET last_step = $2 WHERE person_id = $1 AND last_step < $2
         AND (confirmed_at IS NOT NULL) = $3 RETURNING person_id`,
      [personId, step, confirmed],
    );
    return moved.length > 0;
  }

  private async replaceRecoveryCodes(tx: EntityManager, personId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await tx.query('DELETE FROM two_factor_recovery_codes WHERE person_id = $1', [personId]);
    for (const code of codes) {
      await tx.query('INSERT INTO two_factor_recovery_codes (person_id, code_hash) VALUES ($1, $2)', [
        personId,
        hashToken(normaliseRecovery(code)),
      ]);
    }
    return codes;
  }
}
