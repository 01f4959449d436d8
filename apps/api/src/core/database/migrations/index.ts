import { Foundation1795712744342 } from './1795712744342-foundation';
import { SearchAndDirectory1795715478817 } from './1795715478817-search-and-directory';
import { Networks1795719619784 } from './1795719619784-networks';

/** Every migration, in order. New ones are appended here (`npm run migration:generate -- Name`). */
export const MIGRATIONS = [Foundation1795712744342, SearchAndDirectory1795715478817, Networks1795719619784];
