import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  Newsletter,
  NewsletterBlockSuggestion,
  NewsletterNetworkRef,
  NewsletterPreview,
  NewsletterSummary,
  NewsletterUnsubscribePreview,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { NewsletterDraftDto, NewsletterSendDto, NewsletterSuggestDto, NewsletterTokenDto } from './dto/newsletters.dto';
import { NewslettersSender } from './newsletters.sender';
import { NewslettersService } from './newsletters.service';

const NEWSLETTER = 'Newsletter';

@ApiTags('newsletters')
@Controller()
export class NewslettersController {
  constructor(
    private readonly newsletters: NewslettersService,
    private readonly sender: NewslettersSender,
  ) {}

  /** The networks the caller may write to. */
  @Get('newsletters/networks')
  writable(@CurrentActor() actor: Actor): Promise<NewsletterNetworkRef[]> {
    return this.newsletters.writableNetworks(actor);
  }

  /** A network's newsletters: its archive (sent ones), and every state for its managers. */
  @Public()
  @Get('networks/:networkId/newsletters')
  list(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', 'Network') networkId: string): Promise<NewsletterSummary[]> {
    return this.newsletters.listForNetwork(actor, networkId);
  }

  @Post('newsletters')
  create(@CurrentActor() actor: Actor, @Body() dto: NewsletterDraftDto): Promise<Newsletter> {
    return this.newsletters.create(actor, dto);
  }

  @Post('newsletters/suggestions')
  @HttpCode(200)
  suggest(@CurrentActor() actor: Actor, @Body() dto: NewsletterSuggestDto): Promise<NewsletterBlockSuggestion> {
    return this.newsletters.suggest(actor, dto.kind, dto.networkIds);
  }

  /** The signed link of a mail (no login): which networks' newsletters it stops, changing nothing (scanners follow links). */
  @Public()
  @Get('newsletters/unsubscribe')
  unsubscribePreview(@Query() query: NewsletterTokenDto): Promise<NewsletterUnsubscribePreview[]> {
    return this.newsletters.unsubscribePreview(query.token);
  }

  /** RFC 8058 one-click (mail clients POST `List-Unsubscribe=One-Click`) and the web page's button; the token is the proof (no CSRF). */
  @Public()
  @Post('newsletters/unsubscribe')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @HttpCode(200)
  unsubscribe(@Query() query: NewsletterTokenDto): Promise<NewsletterUnsubscribePreview[]> {
    return this.newsletters.unsubscribe(query.token);
  }

  /** A counted link: records the click and redirects to the newsletter's own target (never an arbitrary address). */
  @Public()
  @Get('newsletters/l/:token/:index')
  async click(
    @Param('token') token: string,
    @Param('index', new ParseIntPipe({ errorHttpStatusCode: 404 })) index: number,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const target = await this.newsletters.click(token, index);
    await reply.header('cache-control', 'no-store').redirect(target, 302);
  }

  @Public()
  @Get('newsletters/:id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', NEWSLETTER) id: string): Promise<Newsletter> {
    return this.newsletters.get(actor, id);
  }

  /** The web version (archive), or a draft's rendering for its managers. */
  @Public()
  @Get('newsletters/:id/archive')
  archive(@OptionalActor() actor: MaybeActor, @UuidParam('id', NEWSLETTER) id: string): Promise<{ html: string }> {
    return this.newsletters.archive(actor, id);
  }

  @Put('newsletters/:id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', NEWSLETTER) id: string, @Body() dto: NewsletterDraftDto): Promise<Newsletter> {
    return this.newsletters.update(actor, id, dto);
  }

  @Delete('newsletters/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('id', NEWSLETTER) id: string): Promise<void> {
    return this.newsletters.remove(actor, id);
  }

  @Post('newsletters/:id/preview')
  @HttpCode(200)
  preview(@CurrentActor() actor: Actor, @UuidParam('id', NEWSLETTER) id: string): Promise<NewsletterPreview> {
    return this.newsletters.preview(actor, id);
  }

  @Post('newsletters/:id/test')
  @HttpCode(202)
  sendTest(@CurrentActor() actor: Actor, @UuidParam('id', NEWSLETTER) id: string): Promise<void> {
    return this.newsletters.sendTest(actor, id);
  }

  @Post('newsletters/:id/send')
  @HttpCode(200)
  async send(@CurrentActor() actor: Actor, @UuidParam('id', NEWSLETTER) id: string, @Body() dto: NewsletterSendDto): Promise<Newsletter> {
    const result = await this.newsletters.send(actor, id, dto.scheduledAt);
    if (!dto.scheduledAt) this.sender.kick();
    return result;
  }

  @Post('newsletters/:id/unschedule')
  @HttpCode(200)
  unschedule(@CurrentActor() actor: Actor, @UuidParam('id', NEWSLETTER) id: string): Promise<Newsletter> {
    return this.newsletters.unschedule(actor, id);
  }
}
