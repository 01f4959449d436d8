import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconLogin, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CompanySummary, MembershipStatus, Network } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { loginPath } from '../../../lib/safe-next';
import { useSession } from '../../../lib/session';
import { useMyCompanies } from '../../../lib/my-companies';
import { networksApi } from '../api/networks.api';
import { useRefreshNetwork } from '../hooks/useNetworks';

interface ActionProps {
  network: Network;
  company: CompanySummary;
  status: MembershipStatus | null;
}

/** Runs a membership change, then refreshes the network and tells the outcome. */
function useMembershipAction(network: Network) {
  const { t } = useTranslation();
  const refresh = useRefreshNetwork(network.id);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      await refresh();
      notify.success(success);
      return true;
    } catch (error) {
      notify.error(errorMessage(error, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}

/** Approval policy: a dialog with an optional message to the animators. */
function AskToJoin({ network, company }: Omit<ActionProps, 'status'>) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState('');
  const { run, busy } = useMembershipAction(network);
  const send = async () => {
    const done = await run(() => networksApi.join(network.id, company.id, message.trim() || null), t('networks.join.asked'));
    if (done) setOpened(false);
  };
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setOpened(true)}>
        {t('networks.join.ask')}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={t('networks.join.askTitle', { name: network.name })}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('networks.join.askLead')}</Text>
            <Textarea
              label={t('networks.join.message')}
              description={t('networks.join.messageHint')}
              autosize
              minRows={4}
              maxRows={10}
              maxLength={2000}
              value={message}
              onChange={(event) => setMessage(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('networks.join.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

/** What this company may do now, given its status and the network's join policy. */
function MembershipAction({ network, company, status }: ActionProps) {
  const { t } = useTranslation();
  const { run, busy } = useMembershipAction(network);
  const names = { company: company.name, network: network.name, name: network.name };
  const join = (success: string) => run(() => networksApi.join(network.id, company.id), success);
  const leave = (success: string) => run(() => networksApi.remove(network.id, company.id), success);
  const mine = network.myMemberships.find((m) => m.companyId === company.id);

  switch (status) {
    case 'active':
      return (
        <>
          <Text size="sm">
            {t('networks.join.member', { company: company.name, role: t(`networks.roles.${mine?.role ?? 'member'}`).toLowerCase() })}
          </Text>
          <ConfirmButton
            variant="default"
            color="red"
            title={t('networks.join.leaveTitle', names)}
            message={t('networks.join.leaveText', names)}
            confirmLabel={t('networks.join.leave')}
            onConfirm={() => leave(t('networks.join.left', names))}
          >
            {t('networks.join.leave')}
          </ConfirmButton>
        </>
      );
    case 'pending':
      return (
        <>
          <Text size="sm">{t('networks.join.pending', names)}</Text>
          <Button variant="default" loading={busy} onClick={() => void leave(t('networks.join.cancelled'))}>
            {t('networks.join.cancel')}
          </Button>
        </>
      );
    case 'invited':
      return (
        <>
          <Text size="sm">{t('networks.join.invited', names)}</Text>
          <Button loading={busy} onClick={() => void join(t('networks.join.joined', names))}>
            {t('networks.join.accept')}
          </Button>
          <Button variant="default" disabled={busy} onClick={() => void leave(t('networks.join.cancelled'))}>
            {t('networks.join.decline')}
          </Button>
        </>
      );
    case 'banned':
      return <Text size="sm">{t('networks.join.banned', names)}</Text>;
    default:
      if (network.joinPolicy === 'invitation') return <Text size="sm">{t('networks.join.invitationOnly')}</Text>;
      if (network.joinPolicy === 'approval') return <AskToJoin network={network} company={company} />;
      return (
        <Button
          leftSection={<IconUserPlus size={16} aria-hidden />}
          loading={busy}
          onClick={() => void join(t('networks.join.joined', names))}
        >
          {t('networks.join.join')}
        </Button>
      );
  }
}

/** The panel around the controls. */
function Panel({ children, withSelect = false }: { children: ReactNode; withSelect?: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('networks.join.section')}>
      <Group gap="md" align={withSelect ? 'flex-end' : 'center'}>
        {children}
      </Group>
    </Paper>
  );
}

/** Signed in: the companies I act for (owner, admin), one chosen when there are several. */
function CompanyMembership({ network }: { network: Network }) {
  const { t } = useTranslation();
  const companies = useMyCompanies();
  const eligible = (companies.data ?? []).filter((c) => c.role === 'owner' || c.role === 'admin');
  const [chosenId, setChosenId] = useState<string | null>(null);
  if (companies.isPending) return null;
  if (!eligible.length) {
    // The network's managers (host staff) need no company to run it.
    if (network.canManage) return null;
    return (
      <Panel>
        <Text size="sm">{t('networks.join.noCompany')}</Text>
        <Button component={Link} to="/entreprises#ajouter" variant="light">
          {t('networks.join.addCompany')}
        </Button>
      </Panel>
    );
  }
  const statusOf = (companyId: string) => network.myMemberships.find((m) => m.companyId === companyId)?.status ?? null;
  const company = eligible.find((c) => c.id === chosenId) ?? eligible[0];
  return (
    <Panel withSelect={eligible.length > 1}>
      {eligible.length > 1 ? (
        <Select
          label={t('networks.join.company')}
          data={eligible.map((c) => {
            const status = statusOf(c.id);
            return { value: c.id, label: status ? `${c.name} (${t(`networks.statuses.${status}`)})` : c.name };
          })}
          value={company.id}
          onChange={(value) => value && setChosenId(value)}
          allowDeselect={false}
          w={280}
        />
      ) : null}
      <MembershipAction network={network} company={company} status={statusOf(company.id)} />
    </Panel>
  );
}

/** The join, request, invitation or leave controls of a network's page. */
export function JoinNetwork({ network }: { network: Network }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  if (user) return <CompanyMembership network={network} />;
  return (
    <Panel>
      <Button
        component={Link}
        to={loginPath(`${location.pathname}${location.search}`)}
        variant="light"
        leftSection={<IconLogin size={16} aria-hidden />}
      >
        {t('networks.join.signIn')}
      </Button>
    </Panel>
  );
}
