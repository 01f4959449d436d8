import { AppException } from '../../core/errors/app-exception';

export const EVENT = 'Event';
export const NETWORK = 'Network';
export const REGISTRATION = 'Registration';
export const FEED = 'Feed';

/** A 400 naming the field at fault. */
const invalidField = (code: string, field: string, message: string) =>
  AppException.badRequest(code, message, [{ field, messages: [message] }]);

export const AgendaErrors = {
  invalidTime: (field: string, reason: 'format' | 'impossible' | 'nonexistent') =>
    invalidField(
      'AGENDA_INVALID_DATE',
      field,
      reason === 'nonexistent'
        ? `${field} does not exist in Europe/Paris (daylight-saving change)`
        : `${field} is not a valid date and time`,
    ),
  endBeforeStart: () => invalidField('AGENDA_END_BEFORE_START', 'endsAt', 'The event must end after it starts'),
  deadlineAfterStart: () =>
    invalidField('AGENDA_INVALID_DEADLINE', 'registrationDeadline', 'The registration deadline must be before the start'),
  placeRequired: () => invalidField('AGENDA_PLACE_REQUIRED', 'communeCode', 'An in-person event needs an address and a commune'),
  unknownCommune: () => invalidField('AGENDA_UNKNOWN_COMMUNE', 'communeCode', 'Unknown INSEE commune code'),
  linkRequired: () => invalidField('AGENDA_LINK_REQUIRED', 'onlineUrl', 'An online event needs its link'),
  invalidChoices: () => invalidField('AGENDA_INVALID_QUESTION', 'questions', 'A choice question needs 2 to 10 distinct choices'),
  invalidShare: () => invalidField('AGENDA_INVALID_SHARE', 'sharedNetworkIds', 'Events are shared with other networks you manage'),
  invalidAnswers: (message: string) => invalidField('AGENDA_INVALID_ANSWERS', 'answers', message),
  alreadyRegistered: () =>
    AppException.conflict('AGENDA_ALREADY_REGISTERED', 'You are already registered (or on the waitlist) for this event'),
  notRegistered: () => AppException.conflict('AGENDA_NOT_REGISTERED', 'You are not registered for this event'),
  registrationClosed: (reason: string) =>
    AppException.conflict('AGENDA_REGISTRATION_CLOSED', `Registration is closed (${reason})`, { reason }),
  capacityBelowRegistrations: (registered: number) =>
    AppException.conflict(
      'AGENDA_CAPACITY_BELOW_REGISTRATIONS',
      `The capacity cannot be lower than the ${registered} people already registered`,
      { registered },
    ),
  notEditable: () => AppException.conflict('AGENDA_EVENT_CANCELLED', 'A cancelled event cannot be changed'),
  notPublishable: () => AppException.conflict('AGENDA_NOT_PUBLISHABLE', 'Only drafts and proposals are published'),
  checkInRegisteredOnly: () => AppException.conflict('AGENDA_CHECK_IN_REGISTERED_ONLY', 'Only registered people are checked in'),
  invalidCheckInCode: () => invalidField('AGENDA_INVALID_CHECK_IN_CODE', 'code', 'A check-in code has 16 characters (0-9, A-F)'),
  unknownCheckInCode: () => new AppException(404, 'AGENDA_CHECK_IN_CODE_UNKNOWN', 'No registration of this event has this code'),
  rangeTooLong: () => invalidField('AGENDA_RANGE_TOO_LONG', 'to', 'The period asked is too long'),
};
