import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModerationModule } from '../moderation/moderation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ForumAttachment } from './entities/forum-attachment.entity';
import { ForumCategory } from './entities/forum-category.entity';
import { ForumMention } from './entities/forum-mention.entity';
import { ForumPostRevision } from './entities/forum-post-revision.entity';
import { ForumPost } from './entities/forum-post.entity';
import { ForumReaction } from './entities/forum-reaction.entity';
import { ForumTopicFollow } from './entities/forum-topic-follow.entity';
import { ForumTopicRead } from './entities/forum-topic-read.entity';
import { ForumTopicShare } from './entities/forum-topic-share.entity';
import { ForumTopic } from './entities/forum-topic.entity';
import { ForumContextService } from './forum-context.service';
import { ForumNotifier } from './forum-notifier';
import { ForumReader } from './forum-reader';
import { ForumPostsService } from './forum-posts.service';
import { ForumTopicsService } from './forum-topics.service';
import { ForumController, NetworkForumController } from './forums.controller';
import { ForumsRepository } from './forums.repository';
import { ForumsService } from './forums.service';
import { TopicSearchSource } from './forums.search-source';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { ForumsPersonalData } from './forums.personal-data';

/** Network forums. Uses the access policy for every decision, never NetworksModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ForumCategory,
      ForumTopic,
      ForumPost,
      ForumPostRevision,
      ForumReaction,
      ForumTopicFollow,
      ForumTopicRead,
      ForumMention,
      ForumAttachment,
      ForumTopicShare,
    ]),
    ModerationModule,
    NotificationsModule,
  ],
  controllers: [NetworkForumController, ForumController],
  providers: [
    ForumsPersonalData,
    TopicSearchSource,
    ForumsRepository,
    ForumReader,
    ForumContextService,
    ForumNotifier,
    ForumPostsService,
    ForumTopicsService,
    ForumsService,
  ],
  exports: [ForumsService, ForumTopicsService],
})
export class ForumsModule implements OnModuleInit {
  constructor(
    private readonly indexer: SearchIndexer,
    private readonly topics: TopicSearchSource,
  ) {}

  /** Topics are indexed from their tables (through the outbox, and by reindex). */
  onModuleInit() {
    this.indexer.register(this.topics);
  }
}
