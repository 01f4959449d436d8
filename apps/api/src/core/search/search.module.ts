import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SearchDocumentRow, SearchIndexRow, SearchStateRow, SearchTermRow, SearchTombstoneRow } from './entities/search-document.entity';
import { SearchOutboxRow } from './entities/search-outbox.entity';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SearchIndexer } from './search-indexer.service';
import { SEARCH_ENGINE, type SearchEngine } from './search.types';

/** The engine chosen by configuration (MEILI_URL → Meilisearch, else PostgreSQL), initialised at boot. */
async function createEngine(config: AppConfig, db: DataSource): Promise<SearchEngine> {
  const engine = config.MEILI_URL
    ? await MeilisearchEngine.connect(config.MEILI_URL, config.MEILI_MASTER_KEY, config.MEILI_INDEX)
    : new PostgresSearchEngine(db, { parallel: Boolean(config.DATABASE_URL) });
  try {
    await engine.init();
  } catch (err) {
    throw new Error(`Search engine ${engine.name} could not start: ${(err as Error).message}`);
  }
  new Logger('Search').log(`Search engine: ${engine.name}`);
  return engine;
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([SearchIndexRow, SearchDocumentRow, SearchStateRow, SearchTombstoneRow, SearchTermRow, SearchOutboxRow]),
  ],
  providers: [{ provide: SEARCH_ENGINE, inject: [APP_CONFIG, DataSource], useFactory: createEngine }, SearchIndexer],
  exports: [SEARCH_ENGINE, SearchIndexer],
})
export class SearchModule {}
