import { Injectable } from '@nestjs/common';
import type { ActivityItem, HomeFigures, HomeMine } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { ActivityService } from '../activity/activity.service';
import { AgendaService } from '../agenda/agenda.service';
import { ForumsService } from '../forums/forums.service';
import { NetworksService } from '../networks/networks.service';

const DAY = 24 * 3600 * 1000;
/** How far ahead the landing page counts upcoming events. */
const UPCOMING_DAYS = 92;
const ACTIVITY_ITEMS = 6;

/** What the home pages show, composed from the modules that own it (no table of its own). */
@Injectable()
export class HomeService {
  constructor(
    private readonly networks: NetworksService,
    private readonly agenda: AgendaService,
    private readonly forums: ForumsService,
    private readonly activity: ActivityService,
  ) {}

  async figures(): Promise<HomeFigures> {
    const now = new Date();
    const [figures, events] = await Promise.all([
      this.networks.publicFigures(),
      // Exactly what a visitor's territory agenda lists for the coming months.
      this.agenda.list(null, {
        scope: 'territory',
        from: now.toISOString(),
        to: new Date(now.getTime() + UPCOMING_DAYS * DAY).toISOString(),
      }),
    ]);
    return { ...figures, upcomingEvents: events.length };
  }

  async mine(actor: Actor): Promise<HomeMine> {
    const networks = await this.networks.networksOf(actor.personId);
    const ids = networks.map((n) => n.id);
    // Members and host staff read these networks' forums: the counts and topics below are theirs to see.
    const [unread, activity] = await Promise.all([
      this.forums.unreadTopicCounts(actor.personId, ids),
      this.forums.recentTopics(ids, ACTIVITY_ITEMS),
    ]);
    return {
      networks: networks.map((n) => ({ ...n, unreadTopics: unread.get(n.id) ?? 0 })),
      activity: activity.map(({ id, ...topic }) => ({ topicId: id, ...topic })),
      animates: networks.some((n) => n.role === 'staff' || n.role === 'animator'),
    };
  }

  /** The activity feeds of the person's networks together, each item as far as they may see it. */
  async activityFeed(actor: Actor): Promise<ActivityItem[]> {
    const networks = await this.networks.networksOf(actor.personId);
    return this.activity.ofNetworks(
      actor,
      networks.map((n) => n.id),
    );
  }
}
