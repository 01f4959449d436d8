import type { ActivityFeed, Announcement, AnnouncementRequest } from '@maillage/contracts';
import { api } from '../../../lib/api';

export const announcementKeys = {
  network: (networkId: string) => ['announcements', 'network', networkId] as const,
  activity: (networkId: string) => ['activity', 'network', networkId] as const,
};

const id = encodeURIComponent;

export const announcementsApi = {
  ofNetwork: (networkId: string) => api.get<Announcement[]>(`/networks/${id(networkId)}/announcements`),
  create: (networkId: string, body: AnnouncementRequest) => api.post<Announcement>(`/networks/${id(networkId)}/announcements`, body),
  update: (announcementId: string, body: AnnouncementRequest) => api.put<Announcement>(`/announcements/${id(announcementId)}`, body),
  unpin: (announcementId: string) => api.post<Announcement>(`/announcements/${id(announcementId)}/unpin`),
  remove: (announcementId: string) => api.delete(`/announcements/${id(announcementId)}`),
  activity: (networkId: string) => api.get<ActivityFeed>(`/networks/${id(networkId)}/activity`),
};
