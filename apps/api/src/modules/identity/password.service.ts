import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@maillage/contracts';
import { AppException } from '../../core/errors/app-exception';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane); 2 is Algorithm.Argon2id (a const enum).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

const zxcvbn = new ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs });
const COMMON_PASSWORDS = new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** argon2id hashing and the password rule: 12+ characters, not common, not guessable; no composition rules. */
@Injectable()
export class PasswordService {
  private readonly dummyHash = hash('maillage-timing-equaliser', ARGON2);

  hash(password: string): Promise<string> {
    return hash(password, ARGON2);
  }

  /** Verifies against the hash, or against a dummy one when there is none, so timing does not tell. */
  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const ok = await verify(passwordHash ?? (await this.dummyHash), password).catch(() => false);
    return passwordHash !== null && ok;
  }

  /** Throws a 400 naming the field when the password is too weak. */
  assertStrong(password: string, context: string[] = [], field = 'password'): void {
    const problem = this.weakness(password, context);
    if (problem) {
      throw AppException.badRequest('WEAK_PASSWORD', 'The password is too weak', [{ field, messages: [problem] }]);
    }
  }

  weakness(password: string, context: string[]): string | null {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
    if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
    if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is a commonly used password';
    if (zxcvbn.check(password.slice(0, 100), context).score < 3) return 'is too easy to guess';
    return null;
  }
}
