import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COMPANY_ROLES, type CompanyRole } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { formatDate } from '../../../lib/dates';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { companiesApi, companyKeys } from '../api/companies.api';
import { useCompanyInvitations } from '../hooks/useCompanies';

/** Invite a colleague by e-mail with a role; list and revoke the pending invitations. */
export function InvitationsManager({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useCompanyInvitations(companyId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: companyKeys.invitations(companyId) });
  const form = useForm({
    initialValues: { email: '', role: 'member' as CompanyRole },
    validate: { email: rules.email(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async ({ email, role }) => {
    await companiesApi.invite(companyId, { email: email.trim(), role });
    form.reset();
    await refresh();
    notify.success(t('companies.invitations.sent', { email: email.trim() }));
  });

  return (
    <Stack gap="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          <Group align="flex-start" gap="sm">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="off"
              required
              style={{ flex: '1 1 16rem' }}
              {...form.getInputProps('email')}
            />
            <Select
              label={t('fields.role')}
              data={COMPANY_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              allowDeselect={false}
              w={170}
              {...form.getInputProps('role')}
            />
          </Group>
          <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
            {t('companies.invitations.submit')}
          </Button>
        </Stack>
      </form>
      <QueryContent query={invitations}>
        {(pending) =>
          pending.length ? (
            <Stack
              component="ul"
              gap="sm"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              aria-label={t('companies.invitations.pending')}
            >
              {pending.map((invitation) => (
                <Paper component="li" key={invitation.id} withBorder p="sm">
                  <Group justify="space-between" gap="sm">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {invitation.email}
                      </Text>
                      <Text size="sm">
                        {t('companies.invitations.details', {
                          role: t(`roles.${invitation.role}`),
                          date: formatDate(invitation.expiresAt),
                        })}
                      </Text>
                    </Stack>
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      aria-label={t('companies.invitations.revokeOf', { email: invitation.email })}
                      title={t('companies.invitations.revokeTitle')}
                      message={t('companies.invitations.revokeText', { email: invitation.email })}
                      confirmLabel={t('companies.invitations.revoke')}
                      onConfirm={async () => {
                        await companiesApi.revokeInvitation(companyId, invitation.id);
                        await refresh();
                        notify.success(t('companies.invitations.revoked'));
                      }}
                    >
                      {t('companies.invitations.revoke')}
                    </ConfirmButton>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text>{t('companies.invitations.none')}</Text>
          )
        }
      </QueryContent>
    </Stack>
  );
}
