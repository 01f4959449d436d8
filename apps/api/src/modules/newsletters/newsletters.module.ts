import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule } from '../agenda/agenda.module';
import { DocumentsModule } from '../documents/documents.module';
import { ForumsModule } from '../forums/forums.module';
import { NetworksModule } from '../networks/networks.module';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { NewsletterClick } from './entities/newsletter-click.entity';
import { NewsletterNetwork } from './entities/newsletter-network.entity';
import { NewsletterRecipient } from './entities/newsletter-recipient.entity';
import { NewsletterUnsubscribe } from './entities/newsletter-unsubscribe.entity';
import { Newsletter } from './entities/newsletter.entity';
import { NewslettersController } from './newsletters.controller';
import { NewslettersSender } from './newsletters.sender';
import { NewslettersService } from './newsletters.service';

/** Network newsletters (see README.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Newsletter, NewsletterNetwork, NewsletterRecipient, NewsletterUnsubscribe, NewsletterClick]),
    NetworksModule,
    AgendaModule,
    ForumsModule,
    DocumentsModule,
    OpportunitiesModule,
  ],
  controllers: [NewslettersController],
  providers: [NewslettersService, NewslettersSender],
  exports: [NewslettersService],
})
export class NewslettersModule {}
