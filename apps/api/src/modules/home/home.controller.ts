import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ActivityFeed, HomeFigures, HomeMine } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { HomeService } from './home.service';

@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  /** Live figures for the landing page. */
  @Public()
  @Get('figures')
  figures(): Promise<HomeFigures> {
    return this.home.figures();
  }

  /** The signed-in person's networks with their unread topics, and the recent activity of their forums. */
  @Get('me')
  mine(@CurrentActor() actor: Actor): Promise<HomeMine> {
    return this.home.mine(actor);
  }

  /** What happened lately in the person's networks (their activity feeds together). */
  @Get('activity')
  async activity(@CurrentActor() actor: Actor): Promise<ActivityFeed> {
    return { items: await this.home.activityFeed(actor) };
  }
}
