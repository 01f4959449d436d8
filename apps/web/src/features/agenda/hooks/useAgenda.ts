import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { agendaApi, agendaKeys, type AgendaQuery } from '../api/agenda.api';

export function useAgendaEvents(query: AgendaQuery | null) {
  return useQuery({
    queryKey: agendaKeys.events(query ?? undefined),
    queryFn: ({ signal }) => (query ? agendaApi.events(query, signal) : Promise.resolve([])),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useAgendaEvent(id: string) {
  return useQuery({ queryKey: agendaKeys.event(id), queryFn: () => agendaApi.event(id) });
}

export function useAttendees(id: string, enabled: boolean) {
  return useQuery({ queryKey: agendaKeys.attendees(id), queryFn: () => agendaApi.attendees(id), enabled });
}

export function useAgendaSettings(networkId: string) {
  return useQuery({ queryKey: agendaKeys.settings(networkId), queryFn: () => agendaApi.settings(networkId) });
}

/** The other networks a manager may share the network's events with (asked only by the event form's managers). */
export function useAgendaShareTargets(networkId: string, enabled: boolean) {
  return useQuery({ queryKey: agendaKeys.shareTargets(networkId), queryFn: () => agendaApi.shareTargets(networkId), enabled });
}

/** After a change to an event: the event, its attendees and every agenda list. */
export function useRefreshAgenda() {
  const queryClient = useQueryClient();
  return (eventId?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: agendaKeys.events() }),
      eventId ? queryClient.invalidateQueries({ queryKey: agendaKeys.event(eventId) }) : null,
    ]);
}
