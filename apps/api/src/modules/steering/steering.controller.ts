import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  ActionPlan,
  ActionPlanHistoryEntry,
  ActionPlanSummary,
  CockpitResponse,
  MaturityOverview,
  NetworkIndicators,
  NetworkSheet,
  RegionalView,
  SteeringAccess,
  SteeringOpportunities,
  SteeringSettings,
} from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor } from '../../core/auth/auth.decorators';
import {
  ActionDto,
  CockpitQueryDto,
  CopyPlanDto,
  CreatePlanDto,
  EntryDto,
  IndicatorDto,
  MaturityDto,
  ObjectiveDto,
  RegionalQueryDto,
  SettingsDto,
  SheetDto,
  UpdateActionDto,
  UpdateIndicatorDto,
  UpdateObjectiveDto,
  UpdatePlanDto,
} from './dto/steering.dto';
import { ACTION, ENTRY, INDICATOR, NETWORK, OBJECTIVE, ORGANIZATION, PLAN } from './steering.errors';
import { SteeringExportService, type SteeringFile } from './steering-export.service';
import { SteeringNetworksService } from './steering-networks.service';
import { SteeringPlansService } from './steering-plans.service';
import { SteeringService } from './steering.service';

function send(reply: FastifyReply, file: SteeringFile): string | Buffer {
  reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff');
  return file.content;
}

/** Steering: see libs/contracts/src/steering.ts for every path and payload. Every route needs a session. */
@ApiTags('steering')
@Controller('steering')
export class SteeringController {
  constructor(
    private readonly steering: SteeringService,
    private readonly plans: SteeringPlansService,
    private readonly networks: SteeringNetworksService,
    private readonly exports: SteeringExportService,
  ) {}

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<SteeringAccess> {
    return this.steering.me(actor);
  }

  @Get('cockpit')
  async cockpit(@CurrentActor() actor: Actor, @Query() query: CockpitQueryDto): Promise<CockpitResponse> {
    return this.steering.cockpit(actor, query);
  }

  @Get('cockpit.csv')
  @ApiProduces('text/csv')
  @Header('cache-control', 'private, no-store')
  async cockpitCsv(@CurrentActor() actor: Actor, @Query() query: CockpitQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.cockpit(actor, query, 'csv'));
  }

  @Get('cockpit.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('cache-control', 'private, no-store')
  async cockpitXlsx(@CurrentActor() actor: Actor, @Query() query: CockpitQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.cockpit(actor, query, 'xlsx'));
  }

  @Get('opportunities')
  opportunities(@CurrentActor() actor: Actor): Promise<SteeringOpportunities> {
    return this.steering.opportunities(actor);
  }

  @Get('networks/:networkId/indicators')
  indicators(@CurrentActor() actor: Actor, @UuidParam('networkId', NETWORK) networkId: string): Promise<NetworkIndicators> {
    return this.steering.indicators(actor, networkId);
  }

  @Get('networks/:networkId/action-plans')
  listPlans(@CurrentActor() actor: Actor, @UuidParam('networkId', NETWORK) networkId: string): Promise<ActionPlanSummary[]> {
    return this.plans.list(actor, networkId);
  }

  @Post('networks/:networkId/action-plans')
  createPlan(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', NETWORK) networkId: string,
    @Body() dto: CreatePlanDto,
  ): Promise<ActionPlan> {
    return this.plans.create(actor, networkId, dto);
  }

  @Get('action-plans/:planId')
  plan(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string): Promise<ActionPlan> {
    return this.plans.get(actor, planId);
  }

  @Patch('action-plans/:planId')
  updatePlan(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string, @Body() dto: UpdatePlanDto): Promise<ActionPlan> {
    return this.plans.update(actor, planId, dto);
  }

  @Delete('action-plans/:planId')
  @HttpCode(204)
  async removePlan(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string): Promise<void> {
    await this.plans.remove(actor, planId);
  }

  @Post('action-plans/:planId/copy')
  copyPlan(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string, @Body() dto: CopyPlanDto): Promise<ActionPlan> {
    return this.plans.copy(actor, planId, dto.year);
  }

  @Get('action-plans/:planId/history')
  history(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string): Promise<ActionPlanHistoryEntry[]> {
    return this.plans.history(actor, planId);
  }

  @Post('action-plans/:planId/objectives')
  addObjective(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string, @Body() dto: ObjectiveDto): Promise<ActionPlan> {
    return this.plans.addObjective(actor, planId, dto);
  }

  @Patch('objectives/:objectiveId')
  updateObjective(
    @CurrentActor() actor: Actor,
    @UuidParam('objectiveId', OBJECTIVE) id: string,
    @Body() dto: UpdateObjectiveDto,
  ): Promise<ActionPlan> {
    return this.plans.updateObjective(actor, id, dto);
  }

  @Delete('objectives/:objectiveId')
  removeObjective(@CurrentActor() actor: Actor, @UuidParam('objectiveId', OBJECTIVE) id: string): Promise<ActionPlan> {
    return this.plans.removeObjective(actor, id);
  }

  @Post('action-plans/:planId/actions')
  addAction(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string, @Body() dto: ActionDto): Promise<ActionPlan> {
    return this.plans.addAction(actor, planId, dto);
  }

  @Patch('actions/:actionId')
  updateAction(@CurrentActor() actor: Actor, @UuidParam('actionId', ACTION) id: string, @Body() dto: UpdateActionDto): Promise<ActionPlan> {
    return this.plans.updateAction(actor, id, dto);
  }

  @Delete('actions/:actionId')
  removeAction(@CurrentActor() actor: Actor, @UuidParam('actionId', ACTION) id: string): Promise<ActionPlan> {
    return this.plans.removeAction(actor, id);
  }

  @Post('action-plans/:planId/indicators')
  addIndicator(@CurrentActor() actor: Actor, @UuidParam('planId', PLAN) planId: string, @Body() dto: IndicatorDto): Promise<ActionPlan> {
    return this.plans.addIndicator(actor, planId, dto);
  }

  @Patch('indicators/:indicatorId')
  updateIndicator(
    @CurrentActor() actor: Actor,
    @UuidParam('indicatorId', INDICATOR) id: string,
    @Body() dto: UpdateIndicatorDto,
  ): Promise<ActionPlan> {
    return this.plans.updateIndicator(actor, id, dto);
  }

  @Delete('indicators/:indicatorId')
  removeIndicator(@CurrentActor() actor: Actor, @UuidParam('indicatorId', INDICATOR) id: string): Promise<ActionPlan> {
    return this.plans.removeIndicator(actor, id);
  }

  @Post('indicators/:indicatorId/entries')
  addEntry(@CurrentActor() actor: Actor, @UuidParam('indicatorId', INDICATOR) id: string, @Body() dto: EntryDto): Promise<ActionPlan> {
    return this.plans.addEntry(actor, id, dto);
  }

  @Delete('indicator-entries/:entryId')
  removeEntry(@CurrentActor() actor: Actor, @UuidParam('entryId', ENTRY) id: string): Promise<ActionPlan> {
    return this.plans.removeEntry(actor, id);
  }

  @Get('networks/:networkId/maturity')
  maturity(@CurrentActor() actor: Actor, @UuidParam('networkId', NETWORK) networkId: string): Promise<MaturityOverview> {
    return this.networks.maturity(actor, networkId);
  }

  @Post('networks/:networkId/maturity')
  assess(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', NETWORK) networkId: string,
    @Body() dto: MaturityDto,
  ): Promise<MaturityOverview> {
    return this.networks.assess(actor, networkId, dto);
  }

  @Get('networks/:networkId/sheet')
  sheet(@CurrentActor() actor: Actor, @UuidParam('networkId', NETWORK) networkId: string): Promise<NetworkSheet> {
    return this.networks.sheet(actor, networkId);
  }

  @Put('networks/:networkId/sheet')
  saveSheet(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', NETWORK) networkId: string,
    @Body() dto: SheetDto,
  ): Promise<NetworkSheet> {
    return this.networks.saveSheet(actor, networkId, dto);
  }

  @Get('regional')
  regional(@CurrentActor() actor: Actor, @Query() query: RegionalQueryDto): Promise<RegionalView> {
    return this.steering.regional(actor, query);
  }

  @Get('regional/schema.csv')
  @ApiProduces('text/csv')
  @Header('cache-control', 'private, no-store')
  async regionalCsv(@CurrentActor() actor: Actor, @Query() query: RegionalQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.regional(actor, query, 'csv'));
  }

  @Get('regional/schema.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('cache-control', 'private, no-store')
  async regionalXlsx(@CurrentActor() actor: Actor, @Query() query: RegionalQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.regional(actor, query, 'xlsx'));
  }

  @Get('organizations/:organizationId/settings')
  settings(@CurrentActor() actor: Actor, @UuidParam('organizationId', ORGANIZATION) id: string): Promise<SteeringSettings> {
    return this.steering.settings(actor, id);
  }

  @Put('organizations/:organizationId/settings')
  saveSettings(
    @CurrentActor() actor: Actor,
    @UuidParam('organizationId', ORGANIZATION) id: string,
    @Body() dto: SettingsDto,
  ): Promise<SteeringSettings> {
    return this.steering.updateSettings(actor, id, dto.dormantAfterDays);
  }
}
