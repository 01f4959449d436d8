import { Anchor, Badge, EmptyState, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxMail } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { adminApi, adminKeys } from '../api/admin.api';
import { useAdminList } from '../hooks/useAdminList';
import { AdminSearchField } from './AdminSearchField';

const STATUS_COLORS: Record<OutboxMail['status'], string> = { pending: 'orange', sending: 'blue', sent: 'teal', failed: 'red' };

export function MailStatus({ status }: { status: OutboxMail['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`mails.status.${status}`)}
    </Badge>
  );
}

/** The e-mail outbox (what the platform sent or will send), newest first. */
export function MailsAdmin() {
  const { t } = useTranslation();
  const list = useAdminList(adminKeys.mails, adminApi.mails);
  return (
    <>
      <AdminSearchField hint={t('mails.searchHint')} value={list.search} onChange={list.setSearch} />
      <QueryContent query={list.query}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={list.search.trim() ? t('search.nothingFound') : t('mails.empty')} />
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('mails.date')}</Table.Th>
                      <Table.Th scope="col">{t('mails.to')}</Table.Th>
                      <Table.Th scope="col">{t('mails.subject')}</Table.Th>
                      <Table.Th scope="col">{t('mails.statusLabel')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((mail) => (
                      <Table.Tr key={mail.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(mail.createdAt)}</Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{mail.to}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/admin/e-mails/${mail.id}`}>
                            {mail.subject}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <MailStatus status={mail.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager page={page.page} pageSize={page.pageSize} total={page.total} onChange={list.setPage} />
            </>
          )
        }
      </QueryContent>
    </>
  );
}
