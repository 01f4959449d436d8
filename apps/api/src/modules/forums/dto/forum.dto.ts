import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  FORUM_ATTACHMENTS_MAX,
  FORUM_CATEGORY_DESCRIPTION_MAX,
  FORUM_CATEGORY_NAME_MAX,
  FORUM_PAGE_SIZE_DEFAULT,
  FORUM_PAGE_SIZE_MAX,
  FORUM_POST_MAX,
  FORUM_REASON_MAX,
  FORUM_TITLE_MAX,
  FORUM_TOPIC_FILTERS,
  type CreateForumPostRequest,
  type CreateForumTopicRequest,
  type FollowForumTopicRequest,
  type ForumCategoryInput,
  type ForumModerationRequest,
  type ForumTopicFilter,
  type LockForumTopicRequest,
  type MarkForumTopicReadRequest,
  type MoveForumTopicRequest,
  type PinForumTopicRequest,
  type SolveForumTopicRequest,
  type UpdateForumPostRequest,
  type UpdateForumTopicRequest,
} from '@maillage/contracts';
import { Trim, TrimList, TrimToNull } from '../../../core/http/transforms';
import { SingleLine } from '../../../core/http/validators';

const Nullable = () => ValidateIf((_, v) => v !== null);
/** A Markdown body: kept as written (leading spaces matter), but not blank. */
const Body = () => applyDecorators(IsString(), MaxLength(FORUM_POST_MAX), Matches(/\S/, { message: '$property must not be empty' }));
const AttachmentIds = () =>
  applyDecorators(IsOptional(), TrimList(), IsArray(), ArrayMaxSize(FORUM_ATTACHMENTS_MAX), IsUUID(undefined, { each: true }));

export class ForumCategoryDto implements ForumCategoryInput {
  @Trim()
  @IsString()
  @Length(1, FORUM_CATEGORY_NAME_MAX)
  @SingleLine()
  name: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(FORUM_CATEGORY_DESCRIPTION_MAX)
  description?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class UpdateForumCategoryDto implements Partial<ForumCategoryInput> {
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, FORUM_CATEGORY_NAME_MAX)
  @SingleLine()
  name?: string;

  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(FORUM_CATEGORY_DESCRIPTION_MAX)
  description?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class ForumPageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FORUM_PAGE_SIZE_MAX)
  pageSize = FORUM_PAGE_SIZE_DEFAULT;
}

export class ForumTopicListQueryDto extends ForumPageQueryDto {
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @IsOptional()
  @IsIn(FORUM_TOPIC_FILTERS)
  filter: ForumTopicFilter = 'all';
}

export class ForumPostsAfterQueryDto {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  after: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FORUM_PAGE_SIZE_MAX)
  limit = FORUM_PAGE_SIZE_MAX;
}

export class ForumMentionQueryDto {
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  q?: string;
}

export class CreateForumTopicDto implements CreateForumTopicRequest {
  @IsUUID()
  categoryId: string;

  @Trim()
  @IsString()
  @Length(1, FORUM_TITLE_MAX)
  @SingleLine()
  title: string;

  @Body()
  body: string;

  @AttachmentIds()
  attachmentIds?: string[];
}

export class UpdateForumTopicDto implements UpdateForumTopicRequest {
  @Trim()
  @IsString()
  @Length(1, FORUM_TITLE_MAX)
  @SingleLine()
  title: string;
}

export class CreateForumPostDto implements CreateForumPostRequest {
  @Body()
  body: string;

  @IsOptional()
  @Nullable()
  @IsUUID()
  quotePostId?: string | null;

  @AttachmentIds()
  attachmentIds?: string[];
}

export class UpdateForumPostDto implements UpdateForumPostRequest {
  @Body()
  body: string;
}

export class ForumModerationDto implements ForumModerationRequest {
  @IsOptional()
  @TrimToNull()
  @Nullable()
  @IsString()
  @MaxLength(FORUM_REASON_MAX)
  reason?: string | null;
}

export class PinForumTopicDto implements PinForumTopicRequest {
  @IsBoolean()
  pinned: boolean;
}

export class LockForumTopicDto implements LockForumTopicRequest {
  @IsBoolean()
  locked: boolean;
}

export class SolveForumTopicDto implements SolveForumTopicRequest {
  @IsDefined()
  @Nullable()
  @IsUUID()
  postId: string | null;
}

export class MoveForumTopicDto implements MoveForumTopicRequest {
  @IsUUID()
  categoryId: string;
}

export class FollowForumTopicDto implements FollowForumTopicRequest {
  @IsBoolean()
  following: boolean;
}

export class MarkForumTopicReadDto implements MarkForumTopicReadRequest {
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  sequence: number;
}
