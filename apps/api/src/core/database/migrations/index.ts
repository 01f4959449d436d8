import { Foundation1764172800000 } from './1764172800000-foundation';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Foundation1764172800000];
