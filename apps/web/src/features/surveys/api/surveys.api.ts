import type { SurveyAnswerRequest, SurveyDraftRequest, SurveyOptions, SurveyResults, SurveySummary, SurveyView } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  options: ['surveys', 'options'] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  results: (id: string) => ['surveys', 'results', id] as const,
};

const id = encodeURIComponent;

export const surveysApi = {
  list: () => api.get<SurveySummary[]>('/surveys'),
  options: () => api.get<SurveyOptions>('/surveys/options'),
  get: (surveyId: string) => api.get<SurveyView>(`/surveys/${id(surveyId)}`),
  create: (body: SurveyDraftRequest) => api.post<SurveyView>('/surveys', body),
  update: (surveyId: string, body: SurveyDraftRequest) => api.put<SurveyView>(`/surveys/${id(surveyId)}`, body),
  remove: (surveyId: string) => api.delete(`/surveys/${id(surveyId)}`),
  send: (surveyId: string) => api.post<SurveyView>(`/surveys/${id(surveyId)}/send`),
  remind: (surveyId: string) => api.post<{ reminded: number }>(`/surveys/${id(surveyId)}/remind`),
  close: (surveyId: string) => api.post<SurveyView>(`/surveys/${id(surveyId)}/close`),
  share: (surveyId: string, resultsShared: boolean) => api.put<SurveyView>(`/surveys/${id(surveyId)}/sharing`, { resultsShared }),
  answer: (surveyId: string, body: SurveyAnswerRequest) => api.post<SurveyView>(`/surveys/${id(surveyId)}/responses`, body),
  results: (surveyId: string) => api.get<SurveyResults>(`/surveys/${id(surveyId)}/results`),
  exportUrl: (surveyId: string, format: 'csv' | 'xlsx') => `/api/v1/surveys/${id(surveyId)}/responses.${format}`,
};

export const surveyPath = (surveyId: string) => `/enquetes/${surveyId}`;
