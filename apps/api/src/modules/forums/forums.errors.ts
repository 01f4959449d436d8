import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app-exception';

export const TOPIC = 'Topic';
export const POST = 'Post';
export const FORUM = 'Forum';
export const CATEGORY = 'Category';
export const ATTACHMENT = 'Attachment';

/** A 400 naming the field at fault. */
export const invalidField = (code: string, field: string, message: string) =>
  AppException.badRequest(code, message, [{ field, messages: [message] }]);

export const ForumErrors = {
  locked: () => new AppException(HttpStatus.FORBIDDEN, 'FORUM_TOPIC_LOCKED', 'This topic is locked'),
  categoryNotEmpty: () => AppException.conflict('FORUM_CATEGORY_NOT_EMPTY', 'Move or delete the topics of this category first'),
  openingPost: () => AppException.conflict('FORUM_OPENING_POST', 'The opening post goes with its topic: delete the topic instead'),
  postGone: () => AppException.conflict('FORUM_POST_UNAVAILABLE', 'This post is hidden or deleted'),
  invalidCategory: () => invalidField('INVALID_CATEGORY', 'categoryId', 'Unknown category in this forum'),
  invalidReaction: () => invalidField('INVALID_REACTION', 'reaction', 'Unknown reaction'),
  invalidQuote: () => invalidField('INVALID_QUOTE', 'quotePostId', 'The quoted post must be a visible post of this topic'),
  invalidAttachments: () => invalidField('INVALID_ATTACHMENT', 'attachmentIds', 'Unknown attachment, or already used'),
  invalidSolution: () => invalidField('INVALID_SOLUTION', 'postId', 'The solution must be a visible post of this topic'),
  invalidShareTarget: () =>
    invalidField(
      'INVALID_SHARE_TARGET',
      'networkId',
      'Topics are shared only into sibling networks (of the same federation) that you also run',
    ),
};
