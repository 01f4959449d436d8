import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { NetworkType, NetworkVisibility } from '@maillage/contracts';
import { findCommune } from '@maillage/referentials';
import { forumAudience } from '../../core/access/access-policy.service';
import { markdownToText } from '../../core/markdown';
import type { SearchDocument } from '../../core/search/search.types';
import type { SearchSource } from '../../core/search/search-indexer.service';
import { parisWallClock } from './agenda-time';

interface EventRow {
  id: string;
  title: string;
  description: string | null;
  format: string;
  commune_code: string | null;
  departement_code: string | null;
  region_code: string | null;
  starts_at: Date;
  /** The home network first, then the networks sharing the event. */
  networks: { id: string; name: string; type: NetworkType; visibility: NetworkVisibility; host: string }[];
}

/**
 * Published events as search documents: title, description, place (never the online link). An event any
 * of whose networks is public is public; otherwise only the readers of its networks' agendas find it
 * (active members and host staff: the forum's audience keys, see AccessPolicy.canSeeNetworkAgenda).
 * Drafts, proposals and cancelled events have no document.
 */
@Injectable()
export class EventSearchSource implements SearchSource {
  readonly kind = 'event' as const;

  constructor(private readonly db: DataSource) {}

  async ids(afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      "SELECT id FROM agenda_events WHERE status = 'published' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2",
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** The events of a network's agenda: its own and those shared with it. */
  async idsOfNetwork(tx: EntityManager, networkId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      'SELECT id FROM agenda_events WHERE network_id = $1 UNION SELECT event_id FROM agenda_event_shares WHERE network_id = $1',
      [networkId],
    );
    return rows.map((r) => r.id);
  }

  async load(ids: string[], options: { audienceOnly?: boolean } = {}): Promise<SearchDocument[]> {
    const rows: EventRow[] = await this.db.query(
      `SELECT e.id, e.title, e.description, e.format, e.commune_code, e.departement_code, e.region_code, e.starts_at,
              (SELECT json_agg(json_build_object('id', n.id, 'name', n.name, 'type', n.type, 'visibility', n.visibility, 'host', n.host_organization_id)
                               ORDER BY n.id <> e.network_id, n.name)
               FROM networks n WHERE n.id = e.network_id OR n.id IN (SELECT s.network_id FROM agenda_event_shares s WHERE s.event_id = e.id)) AS networks
       FROM agenda_events e WHERE e.id = ANY($1::uuid[]) AND e.status = 'published'`,
      [ids],
    );
    return rows.map((e) => {
      const open = e.networks.some((n) => n.visibility === 'public');
      const home = e.networks[0];
      const commune = e.commune_code ? findCommune(e.commune_code) : null;
      return {
        kind: 'event',
        id: e.id,
        visibility: open ? 'public' : 'restricted',
        audience: open ? [] : e.networks.flatMap((n) => forumAudience(n.id, n.host)),
        title: e.title,
        keywords: [commune?.name ?? '', ...e.networks.map((n) => n.name)].filter(Boolean),
        // (A hit's re-check needs the audience only: no text.)
        body: options.audienceOnly ? '' : markdownToText(e.description ?? '', 5000),
        facets: { departement: e.departement_code, region: e.region_code, commune: e.commune_code, networkType: home?.type ?? null },
        location: null,
        payload: {
          networkId: home?.id ?? null,
          networkName: home?.name ?? null,
          startsAt: new Date(e.starts_at).toISOString(),
          localStartsAt: parisWallClock(new Date(e.starts_at)),
          format: e.format,
          communeName: commune?.name ?? null,
        },
      };
    });
  }
}
