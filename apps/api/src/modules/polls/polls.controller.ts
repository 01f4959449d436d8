import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PollView } from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { TOPIC } from '../forums/forums.errors';
import { CreatePollDto, PollVoteDto } from './dto/polls.dto';
import { PollsService } from './polls.service';

/** A forum topic's poll: /forum/topics/:topicId/poll (see libs/contracts/src/surveys.ts). */
@ApiTags('polls')
@Controller('forum/topics/:topicId/poll')
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Public()
  @Get()
  get(@OptionalActor() actor: MaybeActor, @UuidParam('topicId', TOPIC) topicId: string): Promise<PollView> {
    return this.polls.get(actor, topicId);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) topicId: string, @Body() dto: CreatePollDto): Promise<PollView> {
    return this.polls.create(actor, topicId, dto);
  }

  @Put('vote')
  vote(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) topicId: string, @Body() dto: PollVoteDto): Promise<PollView> {
    return this.polls.vote(actor, topicId, dto.optionIds);
  }

  @Post('close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) topicId: string): Promise<PollView> {
    return this.polls.close(actor, topicId);
  }
}
