// The home pages' figures and the signed-in home (apps/api/src/modules/home).
import type { MembershipRole } from './networks';

/** `GET /home/figures`: live figures of the landing page (what anyone may see). */
export interface HomeFigures {
  networks: number;
  memberCompanies: number;
  upcomingEvents: number;
}

/** `GET /home/me`: the signed-in home's networks (with their unread topics) and recent forum activity. */
export interface HomeMine {
  networks: { id: string; slug: string; name: string; logoUrl: string | null; role: MembershipRole | 'staff'; unreadTopics: number }[];
  activity: {
    topicId: string;
    title: string;
    networkId: string;
    networkName: string;
    lastPostAt: string;
    lastAuthor: string | null;
    postCount: number;
  }[];
  /** The person animates networks (host staff or an animator company): the steering cockpit is theirs. */
  animates: boolean;
}
