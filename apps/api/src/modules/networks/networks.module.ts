import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ForumsModule } from '../forums/forums.module';
import { IdentityModule } from '../identity/identity.module';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MembershipEvent } from './entities/membership-event.entity';
import { Membership } from './entities/membership.entity';
import { NetworkInvitation } from './entities/network-invitation.entity';
import { NetworkFormerSlug } from './entities/network-former-slug.entity';
import { NetworkParent } from './entities/network-parent.entity';
import { Network } from './entities/network.entity';
import { NetworkExportService } from './network-export.service';
import { NetworkInvitationsController } from './network-invitations.controller';
import { NetworkInvitationsService } from './network-invitations.service';
import { NetworkNotifier } from './network-notifier';
import { NetworksController } from './networks.controller';
import { NetworksService } from './networks.service';
import { NetworkSearchSource } from './networks.search-source';
import { SearchIndexer } from '../../core/search/search-indexer.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Network, NetworkParent, NetworkFormerSlug, Membership, MembershipEvent, NetworkInvitation]),
    IdentityModule,
    ModerationModule,
    ForumsModule,
    NotificationsModule,
  ],
  controllers: [NetworkInvitationsController, NetworksController],
  providers: [NetworkSearchSource, NetworksService, NetworkInvitationsService, NetworkExportService, NetworkNotifier],
  exports: [NetworksService],
})
export class NetworksModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly searchSource: NetworkSearchSource,
  ) {}

  /** Networks are indexed from their table (through the outbox, and by reindex). */
  onModuleInit() {
    this.indexer.register(this.searchSource);
  }
}
