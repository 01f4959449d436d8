import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/agenda.module';
import { CompaniesModule } from '../companies/companies.module';
import { DocumentsModule } from '../documents/documents.module';
import { ForumsModule } from '../forums/forums.module';
import { MessagingModule } from '../messaging/messaging.module';
import { NetworksModule } from '../networks/networks.module';
import { NewslettersModule } from '../newsletters/newsletters.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { PeopleModule } from '../people/people.module';
import {
  SteeringCockpitLine,
  SteeringCompanyDay,
  SteeringDaily,
  SteeringMemberSpan,
  SteeringRefreshState,
  SteeringSnapshot,
} from './entities/steering-aggregate.entity';
import { SteeringMaturityAssessment, SteeringNetworkSheet, SteeringSettingsRow } from './entities/steering-network.entity';
import {
  SteeringAction,
  SteeringIndicator,
  SteeringIndicatorEntry,
  SteeringObjective,
  SteeringPlan,
  SteeringPlanHistory,
} from './entities/steering-plan.entity';
import { SteeringController } from './steering.controller';
import { SteeringExportService } from './steering-export.service';
import { SteeringLinesService } from './steering-lines.service';
import { SteeringNetworksService } from './steering-networks.service';
import { SteeringPlansService } from './steering-plans.service';
import { SteeringRefreshService } from './steering-refresh.service';
import { SteeringService } from './steering.service';

/** Steering networks: cockpit, indicators (from the aggregates the refresh job keeps), action plans, maturity, sheets, regional view. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SteeringPlan,
      SteeringObjective,
      SteeringAction,
      SteeringIndicator,
      SteeringIndicatorEntry,
      SteeringPlanHistory,
      SteeringMaturityAssessment,
      SteeringNetworkSheet,
      SteeringSettingsRow,
      SteeringDaily,
      SteeringCompanyDay,
      SteeringMemberSpan,
      SteeringSnapshot,
      SteeringRefreshState,
      SteeringCockpitLine,
    ]),
    NetworksModule,
    ForumsModule,
    AgendaModule,
    DocumentsModule,
    MessagingModule,
    CompaniesModule,
    PeopleModule,
    OpportunitiesModule,
    NewslettersModule,
  ],
  controllers: [SteeringController],
  providers: [
    SteeringService,
    SteeringLinesService,
    SteeringPlansService,
    SteeringNetworksService,
    SteeringExportService,
    SteeringRefreshService,
  ],
  exports: [SteeringRefreshService],
})
export class SteeringModule {}
