import { AppException } from '../../core/errors/app-exception';

export const POLL = 'Poll';

const field = (code: string, name: string, message: string) =>
  AppException.badRequest(code, message, [{ field: name, messages: [message] }]);

export const PollErrors = {
  exists: () => AppException.conflict('POLL_EXISTS', 'This topic already has a poll'),
  closed: () => AppException.conflict('POLL_CLOSED', 'This poll is closed'),
  duplicateOptions: () => field('POLL_DUPLICATE_OPTIONS', 'options', 'Each option must be different'),
  closesInPast: () => field('POLL_CLOSES_IN_PAST', 'closesAt', 'The closing date must be in the future'),
  invalidVote: () => field('POLL_INVALID_VOTE', 'optionIds', 'Choose options of this poll (only one unless it allows several)'),
};
