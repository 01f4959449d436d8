import {
  API_PREFIX,
  type AgendaAttendee,
  type AgendaCodeCheckIn,
  type AgendaEvent,
  type AgendaEventInput,
  type AgendaEventSummary,
  type AgendaFeedStatus,
  type AgendaMyRegistration,
  type AgendaSettings,
  type AgendaShareTarget,
  type NetworkType,
} from '@maillage/contracts';
import { api } from '../../../lib/api';

export interface AgendaQuery {
  from: string;
  to: string;
  networkId?: string;
  scope?: 'mine' | 'territory';
  departement?: string;
  region?: string;
  networkType?: NetworkType;
  theme?: string;
}

export const agendaKeys = {
  all: ['agenda'] as const,
  events: (query?: AgendaQuery) => (query ? ['agenda', 'events', query] : ['agenda', 'events']) as readonly unknown[],
  event: (id: string) => ['agenda', 'event', id] as const,
  attendees: (id: string) => ['agenda', 'event', id, 'attendees'] as const,
  settings: (networkId: string) => ['agenda', 'settings', networkId] as const,
  shareTargets: (networkId: string) => ['agenda', 'share-targets', networkId] as const,
  feed: ['agenda', 'feed'] as const,
};

const id = encodeURIComponent;
const event = (eventId: string) => `/agenda/events/${id(eventId)}`;

export const agendaApi = {
  events: (query: AgendaQuery, signal?: AbortSignal) => api.get<AgendaEventSummary[]>('/agenda/events', { ...query }, signal),
  event: (eventId: string) => api.get<AgendaEvent>(event(eventId)),
  create: (networkId: string, body: AgendaEventInput) => api.post<AgendaEvent[]>(`/networks/${id(networkId)}/agenda/events`, body),
  update: (eventId: string, body: Partial<AgendaEventInput>) => api.patch<AgendaEvent>(event(eventId), body),
  publish: (eventId: string) => api.post<AgendaEvent>(`${event(eventId)}/publish`),
  cancel: (eventId: string) => api.post<AgendaEvent>(`${event(eventId)}/cancel`),
  uploadCover: (eventId: string, file: File) => api.upload<AgendaEvent>(`${event(eventId)}/cover`, file, 'PUT'),
  removeCover: (eventId: string) => api.delete<AgendaEvent>(`${event(eventId)}/cover`),
  register: (eventId: string, answers: Record<string, string>) =>
    api.post<AgendaMyRegistration>(`${event(eventId)}/registrations`, { answers }),
  unregister: (eventId: string) => api.delete<AgendaMyRegistration>(`${event(eventId)}/registrations/me`),
  attendees: (eventId: string) => api.get<AgendaAttendee[]>(`${event(eventId)}/registrations`),
  checkIn: (eventId: string, registrationId: string, present: boolean) =>
    api.put<AgendaAttendee>(`${event(eventId)}/registrations/${id(registrationId)}/check-in`, { present }),
  settings: (networkId: string) => api.get<AgendaSettings>(`/networks/${id(networkId)}/agenda/settings`),
  shareTargets: (networkId: string) => api.get<AgendaShareTarget[]>(`/networks/${id(networkId)}/agenda/share-targets`),
  updateSettings: (networkId: string, memberProposals: boolean) =>
    api.put<AgendaSettings>(`/networks/${id(networkId)}/agenda/settings`, { memberProposals }),
  feed: () => api.get<AgendaFeedStatus>('/agenda/feed'),
  regenerateFeed: () => api.post<AgendaFeedStatus>('/agenda/feed'),
  revokeFeed: () => api.delete('/agenda/feed'),
  eventIcsUrl: (eventId: string) => `${API_PREFIX}${event(eventId)}/event.ics`,
  networkIcsUrl: (networkId: string) => `${API_PREFIX}/networks/${id(networkId)}/agenda.ics`,
  checkInByCode: (eventId: string, code: string) => api.post<AgendaCodeCheckIn>(`${event(eventId)}/check-in`, { code }),
  attendeesCsvUrl: (eventId: string) => `${API_PREFIX}${event(eventId)}/attendees.csv`,
};
