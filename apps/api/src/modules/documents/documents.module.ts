import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { DocumentsController, NetworkDocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentSearchSource } from './documents.search-source';
import { DocumentsService } from './documents.service';
import { DocumentFolder } from './entities/document-folder.entity';
import { DocumentVersion } from './entities/document-version.entity';
import { LibraryDocument } from './entities/document.entity';
import { DocumentsPersonalData } from './documents.personal-data';

/** Network document libraries. Uses the access policy for every decision, never NetworksModule. */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentFolder, LibraryDocument, DocumentVersion]), NotificationsModule],
  controllers: [NetworkDocumentsController, DocumentsController],
  providers: [DocumentsPersonalData, DocumentsRepository, DocumentSearchSource, DocumentsService],
  exports: [DocumentsService],
})
export class DocumentsModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly documents: DocumentSearchSource,
  ) {}

  /** Documents are indexed from their tables (through the outbox, and by reindex). */
  onModuleInit() {
    this.indexer.register(this.documents);
  }
}
