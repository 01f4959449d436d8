import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NewsletterStatus } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { newNewsletterPath, newsletterKeys, newslettersApi, newsletterPath } from '../api/newsletters.api';

export const STATUS_COLORS: Record<NewsletterStatus, string> = { draft: 'gray', scheduled: 'blue', sending: 'orange', sent: 'teal' };

/** A network's newsletters: the archive for its members (anyone for a public network), every state for its managers. */
export default function NetworkNewslettersTab({ networkId, canManage }: { networkId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: newsletterKeys.network(networkId), queryFn: () => newslettersApi.ofNetwork(networkId) });
  return (
    <Stack gap="md">
      {canManage ? (
        <Group justify="flex-end">
          <Button component={Link} to={newNewsletterPath(networkId)} leftSection={<IconMailPlus size={18} aria-hidden />}>
            {t('newsletters.new')}
          </Button>
        </Group>
      ) : null}
      <QueryContent query={list}>
        {(items) =>
          items.length === 0 ? (
            <Text c="dimmed">{canManage ? t('newsletters.emptyManager') : t('newsletters.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('newsletters.subject')}</Table.Th>
                    <Table.Th>{t('newsletters.date')}</Table.Th>
                    {canManage ? <Table.Th>{t('newsletters.status')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((n) => (
                    <Table.Tr key={n.id}>
                      <Table.Td>
                        <Anchor component={Link} to={newsletterPath(n.id)}>
                          {n.subject}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatDateTime(n.sentAt ?? n.scheduledAt ?? n.updatedAt)}</Table.Td>
                      {canManage ? (
                        <Table.Td>
                          <Badge variant="light" color={STATUS_COLORS[n.status]}>
                            {t(`newsletters.statuses.${n.status}`)}
                          </Badge>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryContent>
    </Stack>
  );
}
