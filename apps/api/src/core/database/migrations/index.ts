import { Foundation1795712744342 } from './1795712744342-foundation';
import { SearchAndDirectory1795715478817 } from './1795715478817-search-and-directory';
import { Networks1795719619784 } from './1795719619784-networks';
import { Forums1795722332859 } from './1795722332859-forums';
import { Moderation1795722352684 } from './1795722352684-moderation';
import { DirectoryImports1795723000000 } from './1795723000000-directory-imports';
import { NetworkInvitations1795724000000 } from './1795724000000-network-invitations';
import { SearchFacetStore1795725000000 } from './1795725000000-search-facet-store';
import { Messaging1795726000000 } from './1795726000000-messaging';
import { Notifications1795727000000 } from './1795727000000-notifications';
import { Agenda1795728000000 } from './1795728000000-agenda';
import { Documents1795729000000 } from './1795729000000-documents';
import { SearchWordsInMemory1795730000000 } from './1795730000000-search-words-in-memory';
import { NetworkFormerSlugs1795758908102 } from './1795758908102-network-former-slugs';
import { ForumReadVersions1795800000000 } from './1795800000000-forum-read-versions';

/** Every migration, in order. New ones are appended here (`npm run migration:generate -- Name`). */
export const MIGRATIONS = [Foundation1795712744342, SearchAndDirectory1795715478817, Networks1795719619784, Forums1795722332859, Moderation1795722352684, DirectoryImports1795723000000, NetworkInvitations1795724000000, SearchFacetStore1795725000000, Messaging1795726000000, Notifications1795727000000, Agenda1795728000000, Documents1795729000000, SearchWordsInMemory1795730000000, NetworkFormerSlugs1795758908102, ForumReadVersions1795800000000];
