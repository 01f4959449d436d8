import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ActivityFeed } from '@maillage/contracts';
import type { MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { OptionalActor, Public } from '../../core/auth/auth.decorators';
import { ActivityService } from './activity.service';

@ApiTags('activity')
@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  /** What happened lately in a network (new members, topics, events, documents, announcements), as far as the reader may see each item. */
  @Public()
  @Get('networks/:networkId/activity')
  async ofNetwork(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', 'Network') networkId: string): Promise<ActivityFeed> {
    return { items: await this.activity.ofNetwork(actor, networkId) };
  }
}
