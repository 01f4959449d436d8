import { useState } from 'react';
import { Badge, Button, Checkbox, Group, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SsoProviderView } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { adminApi, adminKeys } from '../api/admin.api';
import { securityApi, securityKeys } from '../api/security.api';

/** Whether platform admins and host staff must use two-factor sign-in. */
function TwoFactorRequirement() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: securityKeys.settings, queryFn: ({ signal }) => securityApi.settings(signal) });
  const update = useMutation({
    mutationFn: (requireTwoFactorForStaff: boolean) => securityApi.updateSettings({ requireTwoFactorForStaff }),
    onSuccess: (saved) => {
      queryClient.setQueryData(securityKeys.settings, saved);
      notify.success(t(saved.requireTwoFactorForStaff ? 'accounts.admin.requiredOn' : 'accounts.admin.requiredOff'));
    },
  });
  return (
    <QueryContent query={settings} loading={<LoadingLines lines={2} />}>
      {(current) => (
        <Stack gap="xs">
          <ErrorAlert error={update.error} />
          <Switch
            label={t('accounts.admin.requireLabel')}
            description={t('accounts.admin.requireHint')}
            checked={current.requireTwoFactorForStaff}
            disabled={update.isPending}
            onChange={(event) => update.mutate(event.currentTarget.checked)}
          />
        </Stack>
      )}
    </QueryContent>
  );
}

const splitDomains = (value: string) =>
  value
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);

/** Create or edit one organisation's OpenID Connect provider. */
function SsoProviderForm({ provider, onDone }: { provider: SsoProviderView | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organizations = useQuery({ queryKey: adminKeys.organizations, queryFn: () => adminApi.organizations() });
  const form = useForm({
    initialValues: {
      organizationId: provider?.organizationId ?? '',
      issuer: provider?.issuer ?? '',
      clientId: provider?.clientId ?? '',
      clientSecret: '',
      allowedDomains: provider?.allowedDomains.join(', ') ?? '',
      enabled: provider?.enabled ?? true,
    },
    validate: {
      organizationId: rules.required(t),
      issuer: rules.required(t),
      clientId: rules.required(t),
      clientSecret: (value) => (provider || value.trim() ? null : t('validation.required')),
      allowedDomains: (value) => (splitDomains(value).length ? null : t('validation.required')),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    await securityApi.saveSsoProvider(values.organizationId, {
      issuer: values.issuer.trim(),
      clientId: values.clientId.trim(),
      ...(values.clientSecret.trim() ? { clientSecret: values.clientSecret.trim() } : {}),
      allowedDomains: splitDomains(values.allowedDomains),
      enabled: values.enabled,
    });
    notify.success(t('accounts.admin.ssoSaved'));
    await queryClient.invalidateQueries({ queryKey: securityKeys.sso });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('accounts.admin.ssoFormLabel')}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <Select
          label={t('accounts.admin.organization')}
          required
          searchable
          disabled={provider !== null}
          data={(organizations.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          {...form.getInputProps('organizationId')}
        />
        <TextInput
          label={t('accounts.admin.issuer')}
          description={t('accounts.admin.issuerHint')}
          required
          type="url"
          {...form.getInputProps('issuer')}
        />
        <TextInput label={t('accounts.admin.clientId')} required autoComplete="off" {...form.getInputProps('clientId')} />
        <PasswordInput
          label={t('accounts.admin.clientSecret')}
          description={provider ? t('accounts.admin.clientSecretKeep') : undefined}
          required={!provider}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('password.toggle') }}
          {...form.getInputProps('clientSecret')}
        />
        <TextInput
          label={t('accounts.admin.domains')}
          description={t('accounts.admin.domainsHint')}
          required
          {...form.getInputProps('allowedDomains')}
        />
        <Checkbox label={t('accounts.admin.enabled')} {...form.getInputProps('enabled', { type: 'checkbox' })} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('common.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SsoProviders() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const providers = useQuery({ queryKey: securityKeys.sso, queryFn: ({ signal }) => securityApi.ssoProviders(signal) });
  const [editing, setEditing] = useState<SsoProviderView | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: (provider: SsoProviderView) => securityApi.removeSsoProvider(provider.organizationId),
    onSuccess: () => {
      notify.success(t('accounts.admin.ssoRemoved'));
      return queryClient.invalidateQueries({ queryKey: securityKeys.sso });
    },
  });
  if (editing) return <SsoProviderForm provider={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />;
  return (
    <QueryContent query={providers} loading={<LoadingLines lines={3} />}>
      {(list) => (
        <Stack gap="md">
          {list.length === 0 ? (
            <Text c="dimmed">{t('accounts.admin.ssoNone')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={600}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('accounts.admin.organization')}</Table.Th>
                    <Table.Th>{t('accounts.admin.issuer')}</Table.Th>
                    <Table.Th>{t('accounts.admin.domains')}</Table.Th>
                    <Table.Th>{t('accounts.admin.status')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((provider) => (
                    <Table.Tr key={provider.organizationId}>
                      <Table.Td>{provider.organizationName}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{provider.issuer}</Table.Td>
                      <Table.Td>{provider.allowedDomains.join(', ')}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={provider.enabled ? 'teal' : 'gray'}>
                          {t(provider.enabled ? 'accounts.admin.on' : 'accounts.admin.off')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="subtle"
                            aria-label={t('accounts.admin.editNamed', { name: provider.organizationName })}
                            onClick={() => setEditing(provider)}
                          >
                            {t('common.edit')}
                          </Button>
                          <ConfirmButton
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('accounts.admin.removeNamed', { name: provider.organizationName })}
                            title={t('accounts.admin.removeTitle')}
                            message={t('accounts.admin.removeText', { name: provider.organizationName })}
                            confirmLabel={t('common.delete')}
                            onConfirm={() => remove.mutateAsync(provider)}
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
          )}
          <Group>
            <Button onClick={() => setEditing('new')}>{t('accounts.admin.ssoAdd')}</Button>
          </Group>
        </Stack>
      )}
    </QueryContent>
  );
}

/** Administration → sign-in security: the two-factor requirement and the organisations' single sign-on. */
export function SecurityAdmin() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <SectionCard id="security-two-factor" title={t('accounts.admin.twoFactorTitle')}>
        <TwoFactorRequirement />
      </SectionCard>
      <SectionCard id="security-sso" title={t('accounts.admin.ssoTitle')} intro={t('accounts.admin.ssoIntro')}>
        <SsoProviders />
      </SectionCard>
    </Stack>
  );
}
