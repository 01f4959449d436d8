import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { MessagingModule } from '../messaging/messaging.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OpportunityDigestSubscription } from './entities/opportunity-digest.entity';
import { OpportunityAttachment } from './entities/opportunity-attachment.entity';
import { OpportunityGroup, OpportunityGroupMember, OpportunityGroupMessage } from './entities/opportunity-group.entity';
import { OpportunityInvitation } from './entities/opportunity-invitation.entity';
import { OpportunityNetwork } from './entities/opportunity-network.entity';
import { OpportunityResponse } from './entities/opportunity-response.entity';
import { Opportunity } from './entities/opportunity.entity';
import { CompanyOpportunitiesController, OpportunitiesController } from './opportunities.controller';
import { OpportunitiesService } from './opportunities.service';
import { OpportunitySearchSource } from './opportunities.search-source';
import { OpportunityDigestService } from './opportunity-digest.service';
import { OpportunityGroupsService } from './opportunity-groups.service';
import { OpportunityMatchingService } from './opportunity-matching.service';
import { OpportunityNotifier } from './opportunity-notifier';
import { OpportunityRemindersService } from './opportunity-reminders.service';
import { OpportunityViews } from './opportunity-views';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Opportunity,
      OpportunityNetwork,
      OpportunityInvitation,
      OpportunityAttachment,
      OpportunityResponse,
      OpportunityGroup,
      OpportunityGroupMember,
      OpportunityGroupMessage,
      OpportunityDigestSubscription,
    ]),
    NotificationsModule,
    ModerationModule,
    MessagingModule,
  ],
  controllers: [OpportunitiesController, CompanyOpportunitiesController],
  providers: [
    OpportunityDigestService,
    OpportunityGroupsService,
    OpportunitiesService,
    OpportunityMatchingService,
    OpportunityNotifier,
    OpportunityRemindersService,
    OpportunitySearchSource,
    OpportunityViews,
  ],
  exports: [OpportunitiesService, OpportunityMatchingService, OpportunityGroupsService],
})
export class OpportunitiesModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly source: OpportunitySearchSource,
  ) {}

  /** Open opportunities are indexed from their tables (through the outbox, and by reindex). */
  onModuleInit() {
    this.indexer.register(this.source);
  }
}
