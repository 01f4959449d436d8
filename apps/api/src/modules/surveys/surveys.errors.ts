import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../core/errors/app-exception';

export const SURVEY = 'Survey';

const field = (code: string, name: string, message: string) =>
  AppException.badRequest(code, message, [{ field: name, messages: [message] }]);

export const SurveyErrors = {
  audienceNotYours: () =>
    new AppException(
      HttpStatus.FORBIDDEN,
      'SURVEY_AUDIENCE_NOT_YOURS',
      'You may only survey networks you run, or the territory of an organisation you are staff of',
    ),
  emptyTerritory: () => field('SURVEY_EMPTY_TERRITORY', 'audience', 'Choose at least one département or commune'),
  unknownCommune: (code: string) => field('SURVEY_UNKNOWN_COMMUNE', 'audience.communes', `Unknown commune ${code}`),
  choices: (index: number) =>
    field(
      'SURVEY_INVALID_CHOICES',
      `questions.${index}.choices`,
      'Choice questions need 2 or more different choices; other questions none',
    ),
  remindersNeedClosing: () => field('SURVEY_REMINDERS_NEED_CLOSING', 'reminderDays', 'Scheduled reminders need a closing date'),
  closesInPast: () => field('SURVEY_CLOSES_IN_PAST', 'closesAt', 'The closing date must be in the future'),
  notDraft: () => AppException.conflict('SURVEY_NOT_DRAFT', 'This survey has been sent: it cannot change any more'),
  notOpen: () => AppException.conflict('SURVEY_CLOSED', 'This survey is not open for answers'),
  emptyAudience: () => AppException.conflict('SURVEY_EMPTY_AUDIENCE', 'Nobody is in this audience'),
  alreadyAnswered: () => AppException.conflict('SURVEY_ALREADY_ANSWERED', 'This survey has already been answered (by you or your company)'),
  remindedRecently: () => AppException.conflict('SURVEY_REMINDED_RECENTLY', 'A reminder was sent less than an hour ago'),
  company: () => field('SURVEY_INVALID_COMPANY', 'companyId', 'Answer for one of your companies that this survey asks'),
  answer: (questionId: string, message: string) => field('SURVEY_INVALID_ANSWER', `answers.${questionId}`, message),
};
