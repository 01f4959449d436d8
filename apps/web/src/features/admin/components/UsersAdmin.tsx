import { Badge, EmptyState, Switch, Table } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { formatDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { fullName } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useSession } from '../../auth/hooks/useSession';
import { adminApi, adminKeys } from '../api/admin.api';
import { useAdminList } from '../hooks/useAdminList';
import { AdminSearchField } from './AdminSearchField';

/** Accounts of the platform: search, and grant or remove the platform admin role. */
export function UsersAdmin() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const queryClient = useQueryClient();
  const list = useAdminList(adminKeys.usersPage, adminApi.users);

  const toggleAdmin = async (user: AdminUser, admin: boolean) => {
    try {
      await adminApi.setUserRole(user.id, admin ? 'admin' : 'user');
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      notify.success(t(admin ? 'users.granted' : 'users.revoked', { name: fullName(user) }));
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };

  return (
    <>
      <AdminSearchField hint={t('users.searchHint')} value={list.search} onChange={list.setSearch} />
      <QueryContent query={list.query}>
        {(page) =>
          page.items.length === 0 ? (
            <EmptyState title={list.search.trim() ? t('search.nothingFound') : t('users.empty')} />
          ) : (
            <>
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('fields.email')}</Table.Th>
                      <Table.Th scope="col">{t('users.status')}</Table.Th>
                      <Table.Th scope="col">{t('users.createdAt')}</Table.Th>
                      <Table.Th scope="col">{t('users.admin')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((user) => (
                      <Table.Tr key={user.id}>
                        <Table.Th scope="row" fw={600}>
                          {fullName(user)}
                        </Table.Th>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.email}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={user.emailVerified ? 'teal' : 'orange'}>
                            {t(user.emailVerified ? 'users.verified' : 'users.unverified')}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                        <Table.Td>
                          <Switch
                            aria-label={t('users.adminOf', { name: fullName(user) })}
                            checked={user.platformRole === 'admin'}
                            disabled={user.id === me?.id}
                            onChange={(event) => void toggleAdmin(user, event.currentTarget.checked)}
                          />
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
