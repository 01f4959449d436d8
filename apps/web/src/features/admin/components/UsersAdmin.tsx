import { Badge, EmptyState, Group, Switch, Table } from '@mantine/core';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '@maillage/contracts';
import { Pager } from '../../../components/Pager';
import { QueryContent } from '../../../components/QueryContent';
import { formatDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { fullName } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { useSession } from '../../../lib/session';
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

  /** Suspension, a data export (for a request received by post) and deletion: each one is logged by the API. */
  const act = async (done: string, user: AdminUser, action: () => Promise<unknown>) => {
    await action();
    await queryClient.invalidateQueries({ queryKey: adminKeys.users });
    notify.success(t(done, { name: fullName(user) }));
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
              <Table.ScrollContainer minWidth={960}>
                <Table striped verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('fields.email')}</Table.Th>
                      <Table.Th scope="col">{t('users.status')}</Table.Th>
                      <Table.Th scope="col">{t('users.createdAt')}</Table.Th>
                      <Table.Th scope="col">{t('users.admin')}</Table.Th>
                      <Table.Th scope="col">{t('users.actions')}</Table.Th>
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
                          <Group gap={4}>
                            <Badge variant="light" color={user.emailVerified ? 'teal' : 'orange'}>
                              {t(user.emailVerified ? 'users.verified' : 'users.unverified')}
                            </Badge>
                            {user.suspended ? (
                              <Badge variant="light" color="red">
                                {t('users.suspended')}
                              </Badge>
                            ) : null}
                          </Group>
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
                        <Table.Td>
                          {user.id === me?.id ? null : (
                            <Group gap={4} wrap="nowrap">
                              <ConfirmButton
                                size="xs"
                                variant="subtle"
                                aria-label={t(user.suspended ? 'users.reactivateOf' : 'users.suspendOf', { name: fullName(user) })}
                                title={t(user.suspended ? 'users.reactivate' : 'users.suspend')}
                                message={t(user.suspended ? 'users.reactivateText' : 'users.suspendText', { name: fullName(user) })}
                                confirmLabel={t(user.suspended ? 'users.reactivate' : 'users.suspend')}
                                onConfirm={() =>
                                  act(user.suspended ? 'users.reactivated' : 'users.suspendedDone', user, () =>
                                    adminApi.suspendUser(user.id, !user.suspended),
                                  )
                                }
                              >
                                {t(user.suspended ? 'users.reactivate' : 'users.suspend')}
                              </ConfirmButton>
                              <ConfirmButton
                                size="xs"
                                variant="subtle"
                                aria-label={t('users.exportOf', { name: fullName(user) })}
                                title={t('users.export')}
                                message={t('users.exportText', { name: fullName(user) })}
                                confirmLabel={t('users.export')}
                                onConfirm={() => act('users.exportRequested', user, () => adminApi.exportUser(user.id))}
                              >
                                {t('users.export')}
                              </ConfirmButton>
                              <ConfirmButton
                                size="xs"
                                variant="subtle"
                                color="red"
                                aria-label={t('users.deleteOf', { name: fullName(user) })}
                                title={t('users.delete')}
                                message={t('users.deleteText', { name: fullName(user) })}
                                confirmLabel={t('users.delete')}
                                onConfirm={() => act('users.deleted', user, () => adminApi.deleteUser(user.id))}
                              >
                                {t('users.delete')}
                              </ConfirmButton>
                            </Group>
                          )}
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
