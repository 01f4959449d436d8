import { Body, Controller, Delete, Get, Header, HttpCode, Post, Put, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { SurveyOptions, SurveyResults, SurveySummary, SurveyView } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { SurveyAnswerDto, SurveyDraftDto, SurveySharingDto } from './dto/surveys.dto';
import { SurveysExportService, type SurveyFile } from './surveys-export.service';
import { SURVEY } from './surveys.errors';
import { SurveysService } from './surveys.service';

function send(reply: FastifyReply, file: SurveyFile): string | Buffer {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff');
  return file.content;
}

/** Questionnaires: /surveys… (see libs/contracts/src/surveys.ts). Every route needs a session. */
@ApiTags('surveys')
@Controller('surveys')
export class SurveysController {
  constructor(
    private readonly surveys: SurveysService,
    private readonly exports: SurveysExportService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<SurveySummary[]> {
    return this.surveys.list(actor);
  }

  @Get('options')
  options(@CurrentActor() actor: Actor): Promise<SurveyOptions> {
    return this.surveys.options(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: SurveyDraftDto): Promise<SurveyView> {
    return this.surveys.create(actor, dto);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string): Promise<SurveyView> {
    return this.surveys.get(actor, id);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string, @Body() dto: SurveyDraftDto): Promise<SurveyView> {
    return this.surveys.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string): Promise<void> {
    return this.surveys.remove(actor, id);
  }

  @Post(':id/send')
  @HttpCode(200)
  send(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string): Promise<SurveyView> {
    return this.surveys.send(actor, id);
  }

  @Post(':id/remind')
  @HttpCode(200)
  remind(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string): Promise<{ reminded: number }> {
    return this.surveys.remind(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string): Promise<SurveyView> {
    return this.surveys.close(actor, id);
  }

  @Put(':id/sharing')
  sharing(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string, @Body() dto: SurveySharingDto): Promise<SurveyView> {
    return this.surveys.setResultsShared(actor, id, dto.resultsShared);
  }

  @Post(':id/responses')
  answer(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string, @Body() dto: SurveyAnswerDto): Promise<SurveyView> {
    return this.surveys.answer(actor, id, dto);
  }

  @Get(':id/results')
  results(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string): Promise<SurveyResults> {
    return this.surveys.results(actor, id);
  }

  @Get(':id/responses.csv')
  @ApiProduces('text/csv')
  @Header('cache-control', 'private, no-store')
  async csv(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.answers(actor, id, 'csv'));
  }

  @Get(':id/responses.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('cache-control', 'private, no-store')
  async xlsx(@CurrentActor() actor: Actor, @UuidParam('id', SURVEY) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.answers(actor, id, 'xlsx'));
  }
}
