import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { FilesService } from '../../core/storage/files.service';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  ForumAttachment,
  ForumCategory,
  ForumMentionCandidate,
  ForumOverview,
  ForumPost,
  ForumPostRevision,
  ForumPostsAfter,
  ForumReactionSummary,
  ForumShareTarget,
  ForumTopic,
  ForumTopicListItem,
  ForumTopicPage,
  Page,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import {
  CreateForumPostDto,
  CreateForumTopicDto,
  FollowForumTopicDto,
  ForumCategoryDto,
  ForumMentionQueryDto,
  ForumModerationDto,
  ForumPageQueryDto,
  ForumPostsAfterQueryDto,
  ForumTopicListQueryDto,
  LockForumTopicDto,
  MarkForumTopicReadDto,
  MoveForumTopicDto,
  PinForumTopicDto,
  SolveForumTopicDto,
  UpdateForumCategoryDto,
  UpdateForumPostDto,
  UpdateForumTopicDto,
} from './dto/forum.dto';
import { ForumPostsService } from './forum-posts.service';
import { ForumTopicsService } from './forum-topics.service';
import { ATTACHMENT, CATEGORY, FORUM, POST, TOPIC } from './forums.errors';

/** A network's forum: /networks/:networkId/forum… (see libs/contracts/src/forums.ts for every path). */
@ApiTags('forums')
@Controller('networks/:networkId/forum')
export class NetworkForumController {
  constructor(
    private readonly topics: ForumTopicsService,
    private readonly posts: ForumPostsService,
  ) {}

  @Public()
  @Get()
  overview(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', FORUM) networkId: string): Promise<ForumOverview> {
    return this.topics.overview(actor, networkId);
  }

  @Public()
  @Get('categories')
  categories(@OptionalActor() actor: MaybeActor, @UuidParam('networkId', FORUM) networkId: string): Promise<ForumCategory[]> {
    return this.topics.categories(actor, networkId);
  }

  @Post('categories')
  createCategory(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', FORUM) networkId: string,
    @Body() dto: ForumCategoryDto,
  ): Promise<ForumCategory> {
    return this.topics.createCategory(actor, networkId, dto);
  }

  @Public()
  @Get('topics')
  list(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('networkId', FORUM) networkId: string,
    @Query() query: ForumTopicListQueryDto,
  ): Promise<Page<ForumTopicListItem>> {
    return this.topics.list(actor, networkId, query);
  }

  @Post('topics')
  createTopic(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', FORUM) networkId: string,
    @Body() dto: CreateForumTopicDto,
  ): Promise<ForumTopic> {
    return this.topics.create(actor, networkId, dto);
  }

  @Get('mentions')
  mentions(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', FORUM) networkId: string,
    @Query() query: ForumMentionQueryDto,
  ): Promise<ForumMentionCandidate[]> {
    return this.topics.mentionCandidates(actor, networkId, query.q);
  }

  @Post('attachments')
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentActor() actor: Actor,
    @UuidParam('networkId', FORUM) networkId: string,
    @Upload() upload: UploadSource,
  ): Promise<ForumAttachment> {
    return this.posts.upload(actor, networkId, upload);
  }
}

/** Categories, topics, posts and attachments addressed by their own id: /forum/… */
@ApiTags('forums')
@Controller('forum')
export class ForumController {
  constructor(
    private readonly topics: ForumTopicsService,
    private readonly posts: ForumPostsService,
    private readonly files: FilesService,
  ) {}

  // ---------- categories ----------

  @Patch('categories/:categoryId')
  updateCategory(
    @CurrentActor() actor: Actor,
    @UuidParam('categoryId', CATEGORY) id: string,
    @Body() dto: UpdateForumCategoryDto,
  ): Promise<ForumCategory> {
    return this.topics.updateCategory(actor, id, dto);
  }

  @Delete('categories/:categoryId')
  @HttpCode(204)
  deleteCategory(@CurrentActor() actor: Actor, @UuidParam('categoryId', CATEGORY) id: string): Promise<void> {
    return this.topics.deleteCategory(actor, id);
  }

  // ---------- topics ----------

  @Public()
  @Get('topics/:topicId')
  page(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('topicId', TOPIC) id: string,
    @Query() query: ForumPageQueryDto,
  ): Promise<ForumTopicPage> {
    return this.topics.page(actor, id, query);
  }

  @Public()
  @Get('topics/:topicId/posts')
  postsAfter(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('topicId', TOPIC) id: string,
    @Query() query: ForumPostsAfterQueryDto,
  ): Promise<ForumPostsAfter> {
    return this.topics.postsAfter(actor, id, query);
  }

  @Patch('topics/:topicId')
  updateTopic(
    @CurrentActor() actor: Actor,
    @UuidParam('topicId', TOPIC) id: string,
    @Body() dto: UpdateForumTopicDto,
  ): Promise<ForumTopic> {
    return this.topics.update(actor, id, dto.title);
  }

  @Delete('topics/:topicId')
  @HttpCode(204)
  deleteTopic(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: ForumModerationDto): Promise<void> {
    return this.topics.remove(actor, id, dto ?? {});
  }

  @Put('topics/:topicId/pin')
  pin(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: PinForumTopicDto): Promise<ForumTopic> {
    return this.topics.pin(actor, id, dto.pinned);
  }

  @Put('topics/:topicId/lock')
  lock(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: LockForumTopicDto): Promise<ForumTopic> {
    return this.topics.lock(actor, id, dto.locked);
  }

  @Put('topics/:topicId/solution')
  solve(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: SolveForumTopicDto): Promise<ForumTopic> {
    return this.topics.solve(actor, id, dto.postId);
  }

  @Post('topics/:topicId/move')
  @HttpCode(200)
  move(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: MoveForumTopicDto): Promise<ForumTopic> {
    return this.topics.move(actor, id, dto.categoryId);
  }

  @Put('topics/:topicId/follow')
  follow(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: FollowForumTopicDto): Promise<ForumTopic> {
    return this.topics.follow(actor, id, dto.following);
  }

  @Put('topics/:topicId/read')
  @HttpCode(204)
  read(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: MarkForumTopicReadDto): Promise<void> {
    return this.topics.markRead(actor, id, dto.sequence);
  }

  @Get('topics/:topicId/shares')
  shares(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string): Promise<ForumShareTarget[]> {
    return this.topics.shareTargets(actor, id);
  }

  @Put('topics/:topicId/shares/:networkId')
  share(
    @CurrentActor() actor: Actor,
    @UuidParam('topicId', TOPIC) id: string,
    @UuidParam('networkId', 'Network') networkId: string,
  ): Promise<ForumShareTarget[]> {
    return this.topics.share(actor, id, networkId, true);
  }

  @Delete('topics/:topicId/shares/:networkId')
  unshare(
    @CurrentActor() actor: Actor,
    @UuidParam('topicId', TOPIC) id: string,
    @UuidParam('networkId', 'Network') networkId: string,
  ): Promise<ForumShareTarget[]> {
    return this.topics.share(actor, id, networkId, false);
  }

  @Post('topics/:topicId/posts')
  createPost(@CurrentActor() actor: Actor, @UuidParam('topicId', TOPIC) id: string, @Body() dto: CreateForumPostDto): Promise<ForumPost> {
    return this.posts.create(actor, id, dto);
  }

  // ---------- posts ----------

  @Public()
  @Get('posts/:postId')
  post(@OptionalActor() actor: MaybeActor, @UuidParam('postId', POST) id: string): Promise<ForumPost> {
    return this.posts.get(actor, id);
  }

  @Patch('posts/:postId')
  updatePost(@CurrentActor() actor: Actor, @UuidParam('postId', POST) id: string, @Body() dto: UpdateForumPostDto): Promise<ForumPost> {
    return this.posts.update(actor, id, dto);
  }

  @Delete('posts/:postId')
  deletePost(@CurrentActor() actor: Actor, @UuidParam('postId', POST) id: string, @Body() dto: ForumModerationDto): Promise<ForumPost> {
    return this.posts.remove(actor, id, dto ?? {});
  }

  @Public()
  @Get('posts/:postId/revisions')
  revisions(@OptionalActor() actor: MaybeActor, @UuidParam('postId', POST) id: string): Promise<ForumPostRevision[]> {
    return this.posts.revisions(actor, id);
  }

  @Post('posts/:postId/hide')
  @HttpCode(200)
  hide(@CurrentActor() actor: Actor, @UuidParam('postId', POST) id: string, @Body() dto: ForumModerationDto): Promise<ForumPost> {
    return this.posts.setHidden(actor, id, true, dto);
  }

  @Post('posts/:postId/restore')
  @HttpCode(200)
  restore(@CurrentActor() actor: Actor, @UuidParam('postId', POST) id: string, @Body() dto: ForumModerationDto): Promise<ForumPost> {
    return this.posts.setHidden(actor, id, false, dto);
  }

  @Put('posts/:postId/reactions/:reaction')
  react(
    @CurrentActor() actor: Actor,
    @UuidParam('postId', POST) id: string,
    @Param('reaction') reaction: string,
  ): Promise<ForumReactionSummary[]> {
    return this.posts.react(actor, id, reaction, true);
  }

  @Delete('posts/:postId/reactions/:reaction')
  unreact(
    @CurrentActor() actor: Actor,
    @UuidParam('postId', POST) id: string,
    @Param('reaction') reaction: string,
  ): Promise<ForumReactionSummary[]> {
    return this.posts.react(actor, id, reaction, false);
  }

  // ---------- attachments ----------

  @Public()
  @Get('attachments/:attachmentId')
  async download(
    @OptionalActor() actor: MaybeActor,
    @UuidParam('attachmentId', ATTACHMENT) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.files.send(await this.posts.download(actor, id), reply);
  }
}
