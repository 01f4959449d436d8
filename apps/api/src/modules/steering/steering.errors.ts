import { AppException } from '../../core/errors/app-exception';

export const NETWORK = 'Network';
export const PLAN = 'Action plan';
export const OBJECTIVE = 'Objective';
export const ACTION = 'Action';
export const INDICATOR = 'Indicator';
export const ENTRY = 'Indicator entry';
export const ORGANIZATION = 'Organization';

/** A 400 naming the field at fault. */
const invalidField = (code: string, field: string, message: string) =>
  AppException.badRequest(code, message, [{ field, messages: [message] }]);

export const SteeringErrors = {
  dueBeforeStart: (field = 'dueDate') => invalidField('STEERING_DUE_BEFORE_START', field, `${field} must not be before the start date`),
  invalidObjective: () => invalidField('STEERING_INVALID_OBJECTIVE', 'objectiveId', 'The objective belongs to another plan'),
  invalidEvents: () => invalidField('STEERING_INVALID_EVENT', 'eventIds', 'Only events of the plan’s network can be linked'),
  manualOnly: () => invalidField('STEERING_MANUAL_ONLY', 'source', 'Entries are only recorded on manual indicators'),
  futureDate: (field: string) => invalidField('STEERING_FUTURE_DATE', field, `${field} must not be in the future`),
  invalidDate: (field: string) => invalidField('VALIDATION_FAILED', field, `${field} must be a real calendar date (YYYY-MM-DD)`),
  planExists: (year: number) =>
    AppException.conflict('STEERING_PLAN_EXISTS', `This network already has an action plan for ${year}`, { year }),
  noOrganization: () => AppException.notFound(ORGANIZATION),
};
