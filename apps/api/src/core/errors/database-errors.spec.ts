import { QueryFailedError } from 'typeorm';
import { fromDatabaseError } from './database-errors';

const pgError = (fields: Record<string, string>) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('db'), fields));

describe('fromDatabaseError', () => {
  it('maps constraint errors to the 4xx they stand for', () => {
    const referenced = fromDatabaseError(
      pgError({ code: '23503', table: 'networks', detail: 'Key (id)=(x) is still referenced from table "networks".' }),
    );
    expect([referenced?.getStatus(), referenced?.code, referenced?.details]).toEqual([
      409,
      'STILL_REFERENCED',
      expect.objectContaining({ referencedBy: 'networks' }),
    ]);
    expect(referenced?.message).toMatch(/networks/);
    // PostgreSQL 18 (PGlite) reports ON DELETE RESTRICT as its own code.
    expect(
      fromDatabaseError(pgError({ code: '23001', table: 'networks', detail: 'Key (id)=(x) is referenced from table "networks".' }))
        ?.details,
    ).toMatchObject({ referencedBy: 'networks' });
    expect(
      fromDatabaseError(pgError({ code: '23503', detail: 'Key (parent_id)=(x) is not present in table "organizations".' }))?.code,
    ).toBe('REFERENCE_NOT_FOUND');
    expect(fromDatabaseError(pgError({ code: '23505' }))?.getStatus()).toBe(409);
    for (const code of ['23514', '23502', '22P02', '22001', '22003', '22007', '22021', '22P05']) {
      expect([code, fromDatabaseError(pgError({ code }))?.getStatus()]).toEqual([code, 400]);
    }
    expect(fromDatabaseError(pgError({ code: '40001' }))?.getStatus()).toBe(409);
  });

  it('leaves other errors alone (they stay 500s, logged)', () => {
    expect(fromDatabaseError(pgError({ code: '53300' }))).toBeNull();
    expect(fromDatabaseError(new Error('boom'))).toBeNull();
  });
});
