import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app-exception';

export const CONVERSATION = 'Conversation';
export const MESSAGE = 'Message';
export const PERSON = 'Person';
export const ATTACHMENT = 'Attachment';

const invalidField = (code: string, field: string, message: string) =>
  AppException.badRequest(code, message, [{ field, messages: [message] }]);

export const MessagingErrors = {
  blocked: () =>
    new AppException(HttpStatus.FORBIDDEN, 'MESSAGING_BLOCKED', 'A block stands between you and this person: you cannot write to them'),
  groupOnly: () => AppException.badRequest('MESSAGING_INVALID_CONVERSATION', 'Only group conversations allow this'),
  notOwner: () => AppException.forbidden('Only the owner of the group may do this'),
  notSender: () => AppException.forbidden('Only the sender may change this message'),
  deleted: () => AppException.conflict('MESSAGING_MESSAGE_DELETED', 'This message was deleted'),
  unknownPeople: (field: string) => invalidField('MESSAGING_UNKNOWN_PERSON', field, 'Unknown person (or yourself)'),
  invalidAttachments: () => invalidField('INVALID_ATTACHMENT', 'attachmentIds', 'Unknown attachment, or already sent'),
  invalidReaction: () => invalidField('INVALID_REACTION', 'reaction', 'Unknown reaction'),
  selfBlock: () => invalidField('MESSAGING_INVALID_PERSON', 'id', 'You cannot block yourself'),
  invalidKindFields: (field: string) => invalidField('VALIDATION_FAILED', field, `${field} does not belong to this kind of conversation`),
};
