import { useState } from 'react';
import { Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NetworkInvitation } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { RemoteSelect } from '../../../components/RemoteSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { formatDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { networkKeys, networksApi, searchDirectoryCompanies, type DirectoryCompany } from '../api/networks.api';
import { useNetworkInvitations } from '../hooks/useNetworks';

/** A shareable link, shown once (only its hash is stored), with a copy button. */
function NewLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end">
      <TextInput
        label={t('networks.invitations.linkCreated')}
        value={url}
        readOnly
        style={{ flex: '1 1 18rem' }}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? t('networks.invitations.copied') : t('networks.invitations.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** A company picked from the directory: it joins as « invitée » and its owners are told (in-app, e-mail); they accept from the network's page. */
function InviteFromDirectory({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [company, setCompany] = useState<DirectoryCompany | null>(null);
  const [sending, setSending] = useState(false);
  const invite = async () => {
    if (!company) return;
    setSending(true);
    try {
      await networksApi.invite(networkId, company.id);
      notify.success(t('networks.invitations.companyInvited', { company: company.name }));
      setCompany(null);
      await queryClient.invalidateQueries({ queryKey: networkKeys.members(networkId) });
    } catch (caught) {
      notify.error(errorMessage(caught, t));
    } finally {
      setSending(false);
    }
  };
  return (
    <Stack gap="sm">
      <RemoteSelect<DirectoryCompany>
        label={t('networks.invitations.fromDirectory')}
        description={t('networks.invitations.fromDirectoryHint')}
        placeholder={t('networks.invitations.fromDirectoryPlaceholder')}
        selected={company}
        onSelect={setCompany}
        search={searchDirectoryCompanies}
        cacheKey="network-invite-companies"
        toOption={(c) => ({ value: c.id, label: c.place ? `${c.name} · ${c.place}` : c.name })}
        style={{ maxWidth: '32rem' }}
      />
      <Button variant="light" disabled={!company} loading={sending} onClick={() => void invite()} style={{ alignSelf: 'flex-start' }}>
        {t('networks.invitations.inviteCompany')}
      </Button>
    </Stack>
  );
}

/** Invite a company of the directory or by e-mail, create shareable links, list and revoke the invitations (managers). */
export function NetworkInvitations({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invitations = useNetworkInvitations(networkId);
  const [link, setLink] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: networkKeys.invitations(networkId) });
  const form = useForm({ initialValues: { email: '' }, validate: { email: rules.email(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async ({ email }) => {
    await networksApi.inviteByEmail(networkId, email.trim());
    form.reset();
    await refresh();
    notify.success(t('networks.invitations.sent', { email: email.trim() }));
  });
  const createLink = async () => {
    setCreating(true);
    try {
      const created = await networksApi.createLink(networkId, {});
      setLink(created.url ?? null);
    } catch (caught) {
      notify.error(errorMessage(caught, t));
    } finally {
      setCreating(false);
    }
    await refresh();
  };
  const describe = (invitation: NetworkInvitation) =>
    [
      invitation.kind === 'email' ? invitation.email : t('networks.invitations.link'),
      t('networks.invitations.uses', { count: invitation.uses }),
      invitation.expiresAt ? t('networks.invitations.expires', { date: formatDate(invitation.expiresAt) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Stack gap="lg">
      <InviteFromDirectory networkId={networkId} />
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
          </Group>
          <Button type="submit" loading={submitting} style={{ alignSelf: 'flex-start' }}>
            {t('networks.invitations.send')}
          </Button>
        </Stack>
      </form>
      <Stack gap="sm">
        <Text size="sm">{t('networks.invitations.linkIntro')}</Text>
        <Button variant="default" loading={creating} onClick={() => void createLink()} style={{ alignSelf: 'flex-start' }}>
          {t('networks.invitations.createLink')}
        </Button>
        {link ? <NewLink url={link} /> : null}
      </Stack>
      <QueryContent query={invitations}>
        {(list) =>
          list.length ? (
            <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('networks.invitations.list')}>
              {list.map((invitation) => (
                <Paper component="li" key={invitation.id} withBorder p="sm">
                  <Group justify="space-between" gap="sm">
                    <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
                      {describe(invitation)}
                    </Text>
                    <ConfirmButton
                      variant="subtle"
                      color="red"
                      aria-label={t('networks.invitations.revokeOf', { what: describe(invitation) })}
                      title={t('networks.invitations.revokeTitle')}
                      message={t('networks.invitations.revokeText')}
                      confirmLabel={t('networks.invitations.revoke')}
                      onConfirm={async () => {
                        await networksApi.revokeInvitation(networkId, invitation.id);
                        await refresh();
                      }}
                    >
                      {t('networks.invitations.revoke')}
                    </ConfirmButton>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : null
        }
      </QueryContent>
    </Stack>
  );
}
