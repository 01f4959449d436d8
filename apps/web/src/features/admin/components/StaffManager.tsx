import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type Organization, type StaffRole } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { fullName } from '../../../lib/format';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { adminApi, adminKeys } from '../api/admin.api';

/** The staff of an organisation (admins and animators): add by e-mail, remove. */
export function StaffManager({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useQuery({ queryKey: adminKeys.staff(organization.id), queryFn: () => adminApi.staff(organization.id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: adminKeys.organizations });
  const form = useForm({
    initialValues: { email: '', role: 'animator' as StaffRole },
    validate: { email: rules.email(t) },
  });
  const submit = useFormSubmit(form, async ({ email, role }) => {
    const updated = await adminApi.addStaff(organization.id, { email: email.trim(), role });
    queryClient.setQueryData(adminKeys.staff(organization.id), updated);
    await refresh();
    form.reset();
    notify.success(t('organizations.staff.added', { email: email.trim() }));
  });
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`organizations.staffRoles.${role}`) }));

  return (
    <Stack gap="lg">
      <QueryContent query={staff}>
        {(members) =>
          members.length ? (
            <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {members.map((member) => (
                <Paper component="li" key={member.personId} withBorder p="sm">
                  <Group justify="space-between" gap="sm">
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600}>
                        {fullName(member)} — {t(`organizations.staffRoles.${member.role}`)}
                      </Text>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {member.email}
                      </Text>
                    </Stack>
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      aria-label={t('organizations.staff.removeOf', { name: fullName(member) })}
                      title={t('organizations.staff.removeTitle')}
                      message={t('organizations.staff.removeText', { name: fullName(member), organization: organization.name })}
                      confirmLabel={t('organizations.staff.remove')}
                      onConfirm={async () => {
                        await adminApi.removeStaff(organization.id, member.personId);
                        await queryClient.invalidateQueries({ queryKey: adminKeys.staff(organization.id) });
                        await refresh();
                      }}
                    >
                      {t('organizations.staff.remove')}
                    </ConfirmButton>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text>{t('organizations.staff.none')}</Text>
          )
        }
      </QueryContent>
      <form onSubmit={submit.onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={submit.error} />
          <Group align="flex-start" gap="sm">
            <TextInput label={t('fields.email')} type="email" required style={{ flex: '1 1 14rem' }} {...form.getInputProps('email')} />
            <Select
              label={t('fields.role')}
              data={roleOptions}
              allowDeselect={false}
              w={160}

              {...form.getInputProps('role')}
            />
          </Group>
          <Button type="submit" loading={submit.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('organizations.staff.add')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
