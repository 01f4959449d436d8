import { useState } from 'react';
import { Anchor, Badge, Box, Checkbox, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AgendaAttendee, AgendaEvent } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { agendaApi, agendaKeys } from '../api/agenda.api';
import { useAttendees } from '../hooks/useAgenda';
import { CheckInByCode } from './CheckInByCode';

/** Lower case without accents: « Hélène » is found by « helene ». */
const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The managers' list: registered people (check-in on the day, found by name or company), the waitlist, the CSV export. */
export function AttendeesPanel({ event, checkInCode }: { event: AgendaEvent; checkInCode?: string | null }) {
  const { t } = useTranslation();
  const attendees = useAttendees(event.id, event.canManage);
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  /** Optimistic: the box follows the click at once, and comes back if the API refuses. */
  const checkIn = async (attendee: AgendaAttendee, present: boolean) => {
    const key = agendaKeys.attendees(event.id);
    const set = (updated: AgendaAttendee) =>
      queryClient.setQueryData<AgendaAttendee[]>(key, (list) => list?.map((a) => (a.id === updated.id ? updated : a)));
    set({ ...attendee, checkedInAt: present ? new Date().toISOString() : null });
    try {
      set(await agendaApi.checkIn(event.id, attendee.id, present));
    } catch (error) {
      set(attendee);
      notify.error(errorMessage(error, t));
    }
  };
  return (
    <QueryContent query={attendees}>
      {(list) => {
        const registered = list.filter((a) => a.status !== 'cancelled');
        const present = registered.filter((a) => a.checkedInAt).length;
        const words = folded(q).split(/\s+/).filter(Boolean);
        const active = registered.filter((a) => {
          const text = folded([a.name, ...a.companies].join(' '));
          return words.every((word) => text.includes(word));
        });
        return (
          <Stack gap="sm">
            <Group justify="space-between">
              <Text size="sm">
                {t('agenda.attendees.summary', {
                  registered: t('agenda.event.registeredNoLimit', { count: event.registeredCount }),
                  waitlisted: event.waitlistCount,
                  present: t('agenda.attendees.present', { count: present }),
                })}
              </Text>
              <Anchor href={agendaApi.attendeesCsvUrl(event.id)} download>
                <IconDownload size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 6 }} />
                {t('agenda.attendees.export')}
              </Anchor>
            </Group>
            {event.status === 'published' && registered.length ? <CheckInByCode eventId={event.id} initialCode={checkInCode} /> : null}
            {registered.length ? (
              <TextInput
                type="search"
                label={t('agenda.attendees.search')}
                placeholder={t('agenda.attendees.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                maw={420}
              />
            ) : null}
            {registered.length && !active.length ? (
              <Text c="dimmed" role="status">
                {t('agenda.attendees.noMatch', { q: q.trim() })}
              </Text>
            ) : null}
            {active.length ? (
              <>
                <Box visibleFrom="sm">
                  <Table.ScrollContainer minWidth={480}>
                    <Table striped>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('agenda.attendees.name')}</Table.Th>
                          <Table.Th>{t('agenda.attendees.status')}</Table.Th>
                          {event.questions.map((q) => (
                            <Table.Th key={q.id}>{q.label}</Table.Th>
                          ))}
                          <Table.Th>{t('agenda.attendees.present')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {active.map((a) => (
                          <Table.Tr key={a.id}>
                            <Table.Td>
                              <Text size="sm" fw={500}>
                                {a.name}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {a.companies.join(', ')} · {formatDateTime(a.registeredAt)}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Badge variant="light" color={a.status === 'registered' ? 'teal' : 'orange'}>
                                {t(`agenda.registrationStatuses.${a.status}`)}
                              </Badge>
                            </Table.Td>
                            {event.questions.map((q) => (
                              <Table.Td key={q.id}>{a.answers[q.id] ?? ''}</Table.Td>
                            ))}
                            <Table.Td>
                              {a.status === 'registered' ? (
                                <Checkbox
                                  checked={!!a.checkedInAt}
                                  onChange={(e) => void checkIn(a, e.currentTarget.checked)}
                                  aria-label={t('agenda.attendees.checkIn', { name: a.name })}
                                />
                              ) : null}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Box>
                {/* Phones: one card per person, the check-in box within reach. */}
                <Stack gap="xs" hiddenFrom="sm">
                  {active.map((a) => (
                    <Paper key={a.id} withBorder p="sm" radius="md">
                      <Group justify="space-between" wrap="nowrap" align="flex-start">
                        <Stack gap={2} style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500}>
                            {a.name}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {a.companies.join(', ')}
                          </Text>
                          {event.questions.map((q) =>
                            a.answers[q.id] ? <Text key={q.id} size="xs">{`${q.label} : ${a.answers[q.id]}`}</Text> : null,
                          )}
                          <Badge variant="light" color={a.status === 'registered' ? 'teal' : 'orange'}>
                            {t(`agenda.registrationStatuses.${a.status}`)}
                          </Badge>
                        </Stack>
                        {a.status === 'registered' ? (
                          <Checkbox
                            size="md"
                            checked={!!a.checkedInAt}
                            onChange={(e) => void checkIn(a, e.currentTarget.checked)}
                            label={t('agenda.attendees.present')}
                            aria-label={t('agenda.attendees.checkIn', { name: a.name })}
                          />
                        ) : null}
                      </Group>
                    </Paper>
                  ))}
                </Stack>
              </>
            ) : registered.length ? null : (
              <Text c="dimmed">{t('agenda.attendees.empty')}</Text>
            )}
          </Stack>
        );
      }}
    </QueryContent>
  );
}
