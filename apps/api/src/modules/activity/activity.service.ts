import { Injectable } from '@nestjs/common';
import type { ActivityItem } from '@maillage/contracts';
import { AccessPolicy, type NetworkStanding } from '../../core/access/access-policy.service';
import type { MaybeActor } from '../../core/access/actor';
import { AgendaService } from '../agenda/agenda.service';
import { AnnouncementsService } from '../announcements/announcements.service';
import { DocumentsService } from '../documents/documents.service';
import { ForumsService } from '../forums/forums.service';
import { NetworksService } from '../networks/networks.service';

/** How many lines a feed shows. */
export const FEED_MAX = 20;

/**
 * A feed of what happened lately in networks, built from what each owning module exports. Each kind of item is read
 * only for the networks where the reader may see that kind (the access policy, per network and per item kind:
 * members, forum, agenda, library — animators-only folders for the managers only —, announcements), so a private item
 * never reaches someone who may not see it.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly networks: NetworksService,
    private readonly forums: ForumsService,
    private readonly agenda: AgendaService,
    private readonly documents: DocumentsService,
    private readonly announcements: AnnouncementsService,
  ) {}

  /** One network's feed; 404 for a network the reader may not see. */
  async ofNetwork(actor: MaybeActor, networkId: string): Promise<ActivityItem[]> {
    const standing = await this.access.require(actor, 'network.see', { network: networkId }, { hide: 'Network' });
    return this.feed(actor, new Map([[networkId, standing]]));
  }

  /** The feeds of several networks together (the signed-in home), each item filtered by the reader's standing in its network. */
  async ofNetworks(actor: MaybeActor, networkIds: readonly string[]): Promise<ActivityItem[]> {
    return this.feed(actor, await this.access.networkStandings(actor, networkIds));
  }

  private async feed(actor: MaybeActor, standings: Map<string, NetworkStanding>): Promise<ActivityItem[]> {
    const where = (allow: (s: NetworkStanding) => boolean) =>
      [...standings].filter(([, s]) => this.access.canSeeNetwork(s) && allow(s)).map(([id]) => id);
    const forumIds = where((s) => this.access.canReadForum(s));
    const [members, topics, events, documents, announcements, refs] = await Promise.all([
      this.networks.recentMembers(
        where((s) => this.access.canSeeNetworkMembers(s)),
        FEED_MAX,
      ),
      this.forums.newTopics(forumIds, FEED_MAX),
      this.agenda.recentlyPublished(
        where((s) => this.access.canSeeNetworkAgenda(s)),
        FEED_MAX,
      ),
      this.documents.recentDocuments(
        where((s) => this.access.canReadDocuments(s)),
        where((s) => this.access.canManageDocuments(s)),
        FEED_MAX,
      ),
      this.announcements.recent(forumIds, FEED_MAX),
      this.networks.refs([...standings.keys()]),
    ]);
    // People's names go to signed-in readers only (the people rule of the access policy).
    const name = (value: string | null) => (actor ? value : null);
    const items: Omit<ActivityItem, 'networkName' | 'networkSlug'>[] = [
      ...members.map((m) => ({
        kind: 'member' as const,
        id: m.companyId,
        networkId: m.networkId,
        title: m.name,
        actor: null,
        at: m.at,
        path: `/entreprises/${m.companyId}`,
      })),
      ...topics.map((t) => ({
        kind: 'topic' as const,
        id: t.id,
        networkId: t.networkId,
        title: t.title,
        actor: name(t.author),
        at: t.at,
        path: `/forum/sujets/${t.id}`,
      })),
      ...events.map((e) => ({
        kind: 'event' as const,
        id: e.id,
        networkId: e.networkId,
        title: e.title,
        actor: name(e.author),
        at: e.at,
        path: `/evenements/${e.id}`,
      })),
      ...documents.map((d) => ({
        kind: 'document' as const,
        id: d.id,
        networkId: d.networkId,
        title: d.title,
        actor: name(d.author),
        at: d.at,
        path: '',
      })),
      ...announcements.map((a) => ({
        kind: 'announcement' as const,
        id: a.id,
        networkId: a.networkId,
        title: a.title,
        actor: name(a.authorName),
        at: a.createdAt,
        path: '',
      })),
    ].map((item) => ({ ...item, at: item.at.toISOString() }));
    items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id.localeCompare(b.id)));
    return items.slice(0, FEED_MAX).map((item) => {
      const ref = refs.get(item.networkId) ?? { name: '', slug: item.networkId };
      const page = `/reseaux/${ref.slug}`;
      const path = item.kind === 'document' ? `${page}/documents` : item.kind === 'announcement' ? page : item.path;
      return { ...item, path, networkName: ref.name, networkSlug: ref.slug };
    });
  }
}
