import { useState } from 'react';
import { Button, EmptyState, Group, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationInput } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { QueryContent } from '../../../components/QueryContent';
import { notify } from '../../../lib/notify';
import { useCommune } from '../../../lib/referentials';
import { adminApi, adminKeys } from '../api/admin.api';
import { OrganizationForm } from '../../../components/OrganizationForm';
import { StaffManager } from './StaffManager';

type Dialog = { kind: 'edit'; organization: Organization | null } | { kind: 'staff'; organization: Organization } | null;

function CommuneName({ code }: { code: string | null }) {
  const commune = useCommune(code);
  return <>{commune.data ? `${commune.data.name} (${commune.data.departement.code})` : (code ?? '—')}</>;
}

/** Organisations (CCIs, federations…): list, create, edit, delete, staff. */
export function OrganizationsAdmin() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organizations = useQuery({ queryKey: adminKeys.organizations, queryFn: adminApi.organizations });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations });

  const logoSaved = async (saved: Organization) => {
    await refresh();
    return saved;
  };

  const logoActions = (id: string) => ({
    upload: (file: File) => adminApi.uploadOrganizationLogo(id, file).then(logoSaved),
    remove: () => adminApi.removeOrganizationLogo(id).then(logoSaved),
  });

  const save = async (input: OrganizationInput) => {
    const editing = dialog?.kind === 'edit' ? dialog.organization : null;
    if (editing) await adminApi.updateOrganization(editing.id, input);
    else await adminApi.createOrganization(input);
    await refresh();
    notify.success(t('organizations.saved', { name: input.name }));
    close();
  };
  const create = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'edit', organization: null })}>
      {t('organizations.create')}
    </Button>
  );

  return (
    <>
      <QueryContent query={organizations}>
        {(list) => {
          const nameOf = (id: string | null) => list.find((o) => o.id === id)?.name ?? '—';
          if (!list.length) {
            return (
              <EmptyState icon={<IconBuildingCommunity size={32} aria-hidden />} withIndicatorBackground title={t('organizations.empty')}>
                <EmptyState.Actions>{create}</EmptyState.Actions>
              </EmptyState>
            );
          }
          return (
            <>
              <Group justify="flex-end" mb="md">
                {create}
              </Group>
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('fields.name')}</Table.Th>
                      <Table.Th scope="col">{t('fields.kind')}</Table.Th>
                      <Table.Th scope="col">{t('fields.parent')}</Table.Th>
                      <Table.Th scope="col">{t('fields.commune')}</Table.Th>
                      <Table.Th scope="col">{t('organizations.staffCount')}</Table.Th>
                      <Table.Th scope="col">{t('common.actions')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((organization) => (
                      <Table.Tr key={organization.id}>
                        <Table.Th scope="row" fw={600}>
                          {organization.name}
                        </Table.Th>
                        <Table.Td>{t(`organizations.kinds.${organization.kind}`)}</Table.Td>
                        <Table.Td>{nameOf(organization.parentId)}</Table.Td>
                        <Table.Td>
                          <CommuneName code={organization.communeCode} />
                        </Table.Td>
                        <Table.Td>{organization.staffCount}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              aria-label={t('organizations.editOf', { name: organization.name })}
                              onClick={() => setDialog({ kind: 'edit', organization })}
                            >
                              {t('common.edit')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              aria-label={t('organizations.staffOf', { name: organization.name })}
                              onClick={() => setDialog({ kind: 'staff', organization })}
                            >
                              {t('organizations.staff.title')}
                            </Button>
                            <ConfirmButton
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              aria-label={t('organizations.deleteOf', { name: organization.name })}
                              title={t('organizations.deleteTitle', { name: organization.name })}
                              message={t('organizations.deleteText')}
                              confirmLabel={t('common.delete')}
                              onConfirm={async () => {
                                await adminApi.deleteOrganization(organization.id);
                                await refresh();
                                notify.success(t('organizations.deleted', { name: organization.name }));
                              }}
                            >
                              {t('common.delete')}
                            </ConfirmButton>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="sm" mt="sm">
                {t('organizations.count', { count: list.length })}
              </Text>
            </>
          );
        }}
      </QueryContent>

      <Dialog
        opened={dialog?.kind === 'edit'}
        onClose={close}
        size="lg"
        title={
          dialog?.kind === 'edit' && dialog.organization
            ? t('organizations.editTitle', { name: dialog.organization.name })
            : t('organizations.create')
        }
      >
        {dialog?.kind === 'edit' ? (
          <OrganizationForm
            organization={dialog.organization}
            organizations={organizations.data ?? []}
            onSubmit={save}
            onCancel={close}
            logo={dialog.organization ? logoActions(dialog.organization.id) : undefined}
          />
        ) : null}
      </Dialog>
      <Dialog
        opened={dialog?.kind === 'staff'}
        onClose={close}
        size="lg"
        title={dialog?.kind === 'staff' ? t('organizations.staff.titleOf', { name: dialog.organization.name }) : ''}
      >
        {dialog?.kind === 'staff' ? <StaffManager organization={dialog.organization} /> : null}
      </Dialog>
    </>
  );
}
