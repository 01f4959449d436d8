import { Foundation1795712744342 } from './1795712744342-foundation';

/** Every migration, in order. New ones are appended here (`npm run migration:generate -- Name`). */
export const MIGRATIONS = [Foundation1795712744342];
