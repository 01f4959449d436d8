// Polls inside forum topics (modules/polls) and standalone questionnaires (modules/surveys). Shared by the API and the web app.

// ---------- polls ----------

export const POLL_QUESTION_MAX = 300;
export const POLL_OPTION_MAX = 200;
export const POLL_OPTIONS_MIN = 2;
export const POLL_OPTIONS_MAX = 20;

/** When voters see the counts: once they voted (or the poll closed), or only once it closed. */
export const POLL_RESULTS_VISIBILITIES = ['after_vote', 'after_close'] as const;
export type PollResultsVisibility = (typeof POLL_RESULTS_VISIBILITIES)[number];

export interface CreatePollRequest {
  question: string;
  /** Several options may be chosen at once. */
  multiple: boolean;
  options: string[];
  /** ISO date-time; null: open until someone closes it. */
  closesAt?: string | null;
  resultsVisibility: PollResultsVisibility;
}

export interface PollVoteRequest {
  optionIds: string[];
}

export interface PollOptionView {
  id: string;
  label: string;
  /** Null while the reader may not see the results. */
  votes: number | null;
}

/** GET/POST /forum/topics/:topicId/poll, PUT …/poll/vote, POST …/poll/close. */
export interface PollView {
  id: string;
  topicId: string;
  question: string;
  multiple: boolean;
  resultsVisibility: PollResultsVisibility;
  closesAt: string | null;
  closed: boolean;
  options: PollOptionView[];
  /** People who voted (null while the results are hidden from the reader). */
  voters: number | null;
  /** The reader's choice (empty when they did not vote). */
  myVote: string[];
  resultsVisible: boolean;
  canVote: boolean;
  /** Close it early: its author and the topic's moderators. */
  canClose: boolean;
}

// ---------- surveys ----------

export const SURVEY_TITLE_MAX = 200;
export const SURVEY_INTRO_MAX = 5000;
export const SURVEY_QUESTIONS_MAX = 50;
export const SURVEY_LABEL_MAX = 300;
export const SURVEY_CHOICE_MAX = 200;
export const SURVEY_CHOICES_MAX = 30;
export const SURVEY_SHORT_TEXT_MAX = 300;
export const SURVEY_LONG_TEXT_MAX = 5000;
export const SURVEY_NUMBER_ABS_MAX = 1_000_000_000;

export const SURVEY_QUESTION_KINDS = ['single', 'multiple', 'scale', 'short_text', 'long_text', 'number'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];

/** One answer per company (any of its people answers for it) or one per person. */
export const SURVEY_ANSWER_PER = ['company', 'person'] as const;
export type SurveyAnswerPer = (typeof SURVEY_ANSWER_PER)[number];

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/**
 * Who is asked: the people of the active member companies of networks one manages, or (host organisation staff)
 * the people of the companies of a territory of that organisation (départements and/or communes).
 */
export type SurveyAudience =
  { kind: 'networks'; networkIds: string[] } | { kind: 'territory'; organizationId: string; departements: string[]; communes: string[] };

export interface SurveyQuestionInput {
  kind: SurveyQuestionKind;
  label: string;
  required: boolean;
  /** The choices of single and multiple choice questions (2 or more), nothing for the others. */
  choices?: string[];
}

export interface SurveyQuestion extends SurveyQuestionInput {
  id: string;
  choices: string[];
}

/** Scheduled reminders: at most this many, each 1 to SURVEY_REMINDER_DAYS_MAX days before the closing date. */
export const SURVEY_REMINDERS_MAX = 3;
export const SURVEY_REMINDER_DAYS_MAX = 60;

export interface SurveyDraftRequest {
  title: string;
  intro?: string | null;
  /** ISO date-time in the future; null: open until closed by hand. */
  closesAt?: string | null;
  answerPer: SurveyAnswerPer;
  audience: SurveyAudience;
  questions: SurveyQuestionInput[];
  /** Respondents may see the aggregated results (never the answers themselves). */
  resultsShared?: boolean;
  /** Reminders sent automatically this many days before `closesAt` to those who have not answered (needs a closing date). */
  reminderDays?: number[];
}

/** An answer to one question: the choice ids' labels are the question's choices (by index). */
export type SurveyAnswerValue = number | string | number[] | null;

export interface SurveyAnswerRequest {
  /** Company mode: the company the person answers for (one of theirs in the audience). */
  companyId?: string | null;
  /** By question id: single → choice index; multiple → choice indexes; scale → 1–5; number; short/long text. */
  answers: Record<string, SurveyAnswerValue>;
}

export interface SurveySummary {
  id: string;
  title: string;
  status: SurveyStatus;
  closesAt: string | null;
  sentAt: string | null;
  answerPer: SurveyAnswerPer;
  /** Owners: how many were asked (people) and how many answers arrived. Null for respondents. */
  recipients: number | null;
  responses: number | null;
  /** Respondents: whether they (or their company, in company mode) have answered. */
  answered: boolean;
  isOwner: boolean;
}

export interface SurveyView extends SurveySummary {
  intro: string | null;
  audience: SurveyAudience;
  /** Names of the audience's networks or organisation (for the owners' page). */
  audienceLabel: string;
  questions: SurveyQuestion[];
  resultsShared: boolean;
  lastRemindedAt: string | null;
  /** Owners: the scheduled reminders (days before closing, largest first); empty for respondents. */
  reminderDays: number[];
  /** Company mode: the reader's companies that are asked, and whether each one has answered. */
  companies: { id: string; name: string; answered: boolean }[];
  canAnswer: boolean;
  canSeeResults: boolean;
}

export interface SurveyQuestionResult {
  questionId: string;
  kind: SurveyQuestionKind;
  label: string;
  answered: number;
  /** Choice questions: count per choice (same order as the choices); scale: count per value 1–5. */
  counts: { label: string; count: number }[];
  /** Scale and number questions. */
  average: number | null;
  /** Text answers: owners only (respondents see how many answered, never the texts). */
  texts: string[] | null;
}

export interface SurveyResults {
  surveyId: string;
  title: string;
  responses: number;
  recipients: number | null;
  questions: SurveyQuestionResult[];
}

/** Territories an organisation's staff may survey (départements of its seat and of its networks, its descendants' too). */
export interface SurveyOrganizationOption {
  id: string;
  name: string;
  departements: string[];
}

export interface SurveyOptions {
  /** Networks the person manages (audience `networks`). */
  networks: { id: string; name: string }[];
  organizations: SurveyOrganizationOption[];
}
