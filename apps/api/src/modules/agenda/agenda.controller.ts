import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  checkInAddress,
  CHECK_IN_CODE_LENGTH,
  type AgendaAttendee,
  type AgendaCodeCheckIn,
  type AgendaEvent,
  type AgendaEventSummary,
  type AgendaFeedStatus,
  type AgendaMyRegistration,
  type AgendaSettings,
  type AgendaShareTarget,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import * as QRCode from 'qrcode';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AppException } from '../../core/errors/app-exception';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { AgendaIcsService, type IcsFile } from './agenda-ics.service';
import { AgendaRegistrationsService } from './agenda-registrations.service';
import { AgendaService } from './agenda.service';
import { EVENT, NETWORK, REGISTRATION } from './agenda.errors';
import {
  AgendaCheckInDto,
  AgendaCodeCheckInDto,
  AgendaListQueryDto,
  AgendaRegistrationDto,
  AgendaSettingsDto,
  CreateAgendaEventDto,
  UpdateAgendaEventDto,
} from './dto/agenda.dto';

/** Sends a file as an attachment (`text/calendar` or `text/csv`), never sniffed nor cached by shared caches. */
function attachment(reply: FastifyReply, type: string, file: IcsFile): string {
  reply
    .header('content-type', `${type}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  return file.content;
}

/** A network's agenda: /networks/:networkId/agenda… (see libs/contracts/src/agenda.ts for every path). */
@ApiTags('agenda')
@Controller('networks/:networkId')
export class NetworkAgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly ics: AgendaIcsService,
  ) {}

  @Post('agenda/events')
  create(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', NETWORK) networkId: string,
    @Body() dto: CreateAgendaEventDto,
  ): Promise<AgendaEvent[]> {
    return this.agenda.create(actor, networkId, dto);
  }

  @Public()
  @Get('agenda/settings')
  settings(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', NETWORK) networkId: string): Promise<AgendaSettings> {
    return this.agenda.settings(actor, networkId);
  }

  @Get('agenda/share-targets')
  shareTargets(@CurrentActor() actor: Actor, @UuidParam('networkId', NETWORK) networkId: string): Promise<AgendaShareTarget[]> {
    return this.agenda.shareTargets(actor, networkId);
  }

  @Put('agenda/settings')
  updateSettings(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', NETWORK) networkId: string,
    @Body() dto: AgendaSettingsDto,
  ): Promise<AgendaSettings> {
    return this.agenda.updateSettings(actor, networkId, dto.memberProposals);
  }

  @Public()
  @Get('agenda.ics')
  @ApiProduces('text/calendar')
  async feed(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('networkId', NETWORK) networkId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return attachment(reply, 'text/calendar', await this.ics.network(actor, networkId));
  }
}

/** Events addressed by their own id, the agenda lists and the personal feed: /agenda/… */
@ApiTags('agenda')
@Controller('agenda')
export class AgendaController {
  constructor(
    private readonly agenda: AgendaService,
    private readonly registrations: AgendaRegistrationsService,
    private readonly ics: AgendaIcsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('events')
  list(@OptionalActor() actor: MaybeActor, @Query() query: AgendaListQueryDto): Promise<AgendaEventSummary[]> {
    return this.agenda.list(actor, query);
  }

  @Public()
  @Get('events/:id')
  get(@OptionalActor() actor: MaybeActor, @UuidParam('id', EVENT) id: string): Promise<AgendaEvent> {
    return this.agenda.get(actor, id);
  }

  @Patch('events/:id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string, @Body() dto: UpdateAgendaEventDto): Promise<AgendaEvent> {
    return this.agenda.update(actor, id, dto);
  }

  @Post('events/:id/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string): Promise<AgendaEvent> {
    return this.agenda.publish(actor, id);
  }

  @Post('events/:id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string): Promise<AgendaEvent> {
    return this.agenda.cancel(actor, id);
  }

  /** Takes the event out of a network it is shared with (its managers, or that network's moderators). */
  @Delete('events/:id/shares/:networkId')
  @HttpCode(204)
  unshare(
    @CurrentActor() actor: Actor,
    @UuidParam('id', EVENT) id: string,
    @UuidParam('networkId', NETWORK) networkId: string,
  ): Promise<void> {
    return this.agenda.unshare(actor, id, networkId);
  }

  @Put('events/:id/cover')
  @ApiConsumes('multipart/form-data')
  setCover(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string, @Upload() upload: UploadSource): Promise<AgendaEvent> {
    return this.agenda.setCover(actor, id, upload);
  }

  @Delete('events/:id/cover')
  removeCover(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string): Promise<AgendaEvent> {
    return this.agenda.setCover(actor, id, null);
  }

  @Public()
  @Get('events/:id/event.ics')
  @ApiProduces('text/calendar')
  async eventIcs(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('id', EVENT) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return attachment(reply, 'text/calendar', await this.ics.event(actor, id));
  }

  @Post('events/:id/registrations')
  register(
    @CurrentActor() actor: Actor,
    @UuidParam('id', EVENT) id: string,
    @Body() dto: AgendaRegistrationDto,
  ): Promise<AgendaMyRegistration> {
    return this.registrations.register(actor, id, dto.answers ?? {});
  }

  @Delete('events/:id/registrations/me')
  unregister(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string): Promise<AgendaMyRegistration> {
    return this.registrations.cancel(actor, id);
  }

  @Get('events/:id/registrations')
  attendees(@CurrentActor() actor: Actor, @UuidParam('id', EVENT) id: string): Promise<AgendaAttendee[]> {
    return this.registrations.attendees(actor, id);
  }

  @Put('events/:id/registrations/:registrationId/check-in')
  checkIn(
    @CurrentActor() actor: Actor,
    @UuidParam('id', EVENT) id: string,
    @UuidParam('registrationId', REGISTRATION) registrationId: string,
    @Body() dto: AgendaCheckInDto,
  ): Promise<AgendaAttendee> {
    return this.registrations.checkIn(actor, id, registrationId, dto.present);
  }

  /** The organisers' check-in by the code of a registration's QR code (scanned or typed). */
  @Post('events/:id/check-in')
  @HttpCode(200)
  checkInByCode(
    @CurrentActor() actor: Actor,
    @UuidParam('id', EVENT) id: string,
    @Body() dto: AgendaCodeCheckInDto,
  ): Promise<AgendaCodeCheckIn> {
    return this.registrations.checkInByCode(actor, id, dto.code);
  }

  /**
   * The QR code of a check-in code (for e-mails, calendars and the holder's page). It only draws the address made of
   * what it is given, without reading the database: it tells nothing to whoever does not already hold the code.
   */
  @Public()
  @Get('check-in-codes/:eventId/:file')
  @ApiProduces('image/png')
  async checkInQr(
    @UuidParam('eventId', EVENT) eventId: string,
    @Param('file') file: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const code = new RegExp(`^([0-9A-F]{${CHECK_IN_CODE_LENGTH}})\\.png$`).exec(file)?.[1];
    if (!code) throw AppException.notFound('Check-in code');
    const png = await QRCode.toBuffer(checkInAddress(this.config.PUBLIC_URL, eventId, code), {
      // Whole pixels per module (a fixed width scaled modules unevenly) and the four-module quiet zone of the QR standard.
      type: 'png',
      scale: 8,
      margin: 4,
      errorCorrectionLevel: 'M',
    });
    reply.header('content-type', 'image/png').header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=86400');
    return png;
  }

  @Get('events/:id/attendees.csv')
  @ApiProduces('text/csv')
  async csv(
    @CurrentActor() actor: Actor,
    @UuidParam('id', EVENT) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return attachment(reply, 'text/csv', await this.registrations.csv(actor, id));
  }

  @Get('feed')
  @Header('cache-control', 'private, no-store')
  feedStatus(@CurrentActor() actor: Actor): Promise<AgendaFeedStatus> {
    return this.ics.feedStatus(actor);
  }

  @Post('feed')
  @Header('cache-control', 'private, no-store')
  regenerateFeed(@CurrentActor() actor: Actor): Promise<AgendaFeedStatus> {
    return this.ics.regenerateFeed(actor);
  }

  @Delete('feed')
  @HttpCode(204)
  revokeFeed(@CurrentActor() actor: Actor): Promise<void> {
    return this.ics.revokeFeed(actor);
  }

  /** The personal feed, for calendar clients (no session: the token in the address is the credential). */
  @Public()
  @Get('feed/:file')
  @ApiProduces('text/calendar')
  async personalFeed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return attachment(reply, 'text/calendar', await this.ics.personal(file));
  }
}
