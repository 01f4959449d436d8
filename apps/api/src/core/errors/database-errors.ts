import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppException } from './app-exception';

interface PgError {
  code?: string;
  table?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

/** Tables named in messages as people read them (the rest keep their table name, with spaces). */
const TABLE_LABELS: Record<string, string> = {
  networks: 'networks',
  organization_staff: 'staff members',
  company_members: 'company members',
  network_memberships: 'network memberships',
};

const label = (table: string | undefined) => (table ? (TABLE_LABELS[table] ?? table.replace(/_/g, ' ')) : 'other records');

/**
 * A database constraint error as the 4xx it stands for: a rule the request broke, never a 500.
 * unique → 409, foreign key → 409 (what still refers to the row, or the missing row it refers to),
 * check / not-null / invalid text, number or date → 400, concurrent update → 409. Null for anything else.
 */
export function fromDatabaseError(exception: unknown): AppException | null {
  if (!(exception instanceof QueryFailedError)) return null;
  const pg = (exception.driverError ?? {}) as PgError;
  const details = { constraint: pg.constraint ?? null, table: pg.table ?? null };
  switch (pg.code) {
    case '23505':
      return AppException.conflict('ALREADY_EXISTS', 'This already exists', details);
    case '23503':
    case '23001': {
      // On a delete (or key change), PostgreSQL names the table still referring to the row (23001 for ON DELETE
      // RESTRICT on PostgreSQL 18, 23503 before); on an insert, the row referred to is missing.
      const stillReferenced = /is (?:still )?referenced from table "([^"]+)"/.exec(pg.detail ?? '')?.[1];
      if (stillReferenced) {
        return AppException.conflict('STILL_REFERENCED', `Still in use by ${label(stillReferenced)}: remove or move them first`, {
          ...details,
          referencedBy: stillReferenced,
        });
      }
      return AppException.conflict('REFERENCE_NOT_FOUND', 'A record this refers to does not exist (any more)', details);
    }
    case '23514':
    case '23502':
    case '23P01':
      return AppException.badRequest('CONSTRAINT_VIOLATED', 'The request breaks a rule of the data', {
        ...details,
        column: pg.column ?? null,
      });
    case '22P02':
    case '22003':
    case '22001':
    case '22007':
    case '22008':
    case '22021':
    case '22P05':
    case '22023':
    case '2201W':
    case '2201X':
    case '22004':
      return AppException.badRequest('INVALID_VALUE', 'A value of the request is invalid');
    case '40001':
    case '40P01':
    case '55P03':
      return new AppException(HttpStatus.CONFLICT, 'CONCURRENT_UPDATE', 'Someone else changed this at the same time: try again');
    default:
      return null;
  }
}
