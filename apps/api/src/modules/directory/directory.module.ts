import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { CompanyOffersController, SearchController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { CompanySearchSource, ExpertSearchSource } from './directory.sources';
import { CompanyOffer } from './entities/company-offer.entity';
import { DirectoryImport } from './entities/directory-import.entity';
import { OffersService } from './offers.service';
import { SireneUploadsController } from './sirene-uploads.controller';
import { SireneUploadsService } from './sirene-uploads.service';

@Module({
  imports: [TypeOrmModule.forFeature([CompanyOffer, DirectoryImport])],
  controllers: [SearchController, CompanyOffersController, SireneUploadsController],
  providers: [DirectoryService, OffersService, CompanySearchSource, ExpertSearchSource, SireneUploadsService],
  exports: [DirectoryService, OffersService],
})
export class DirectoryModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly companies: CompanySearchSource,
    private readonly experts: ExpertSearchSource,
  ) {}

  /** Companies and experts are indexed from their tables (through the outbox, and by reindex). */
  onModuleInit() {
    this.indexer.register(this.companies);
    this.indexer.register(this.experts);
  }
}
