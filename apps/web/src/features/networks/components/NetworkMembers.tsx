import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEMBERSHIP_ROLES, type MembershipRole, type Network, type NetworkMember } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { QueryContent } from '../../../components/QueryContent';
import { formatDate } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { networkKeys, networksApi, type MembershipDecision } from '../api/networks.api';
import { useNetworkMembers, useRefreshNetwork } from '../hooks/useNetworks';
import { memberName } from './labels';
import { NetworkPeople } from './NetworkPeople';

/** One company of the list: name (link), place and activity, then the controls. */
function MemberRow({ member, children, details }: { member: NetworkMember; children?: ReactNode; details?: ReactNode }) {
  const { t } = useTranslation();
  const name = memberName(member);
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" gap="sm" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Anchor component={Link} to={`/entreprises/${member.companyId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Anchor>
          <Text size="sm">
            {[
              member.tradeName ? member.legalName : null,
              member.nafCode && t('companies.nafShort', { code: member.nafCode }),
              t('networks.members.since', { date: formatDate(member.since) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {details}
        </Stack>
        {children ? <Group gap="xs">{children}</Group> : null}
      </Group>
    </Paper>
  );
}

function MemberGroup({
  id,
  title,
  members,
  render,
}: {
  id: string;
  title: string;
  members: NetworkMember[];
  render: (m: NetworkMember) => ReactNode;
}) {
  if (!members.length) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title} ({members.length})
      </Title>
      <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {members.map(render)}
      </Stack>
    </Stack>
  );
}

/** The managers' controls: decide on requests, change roles, ban, lift a ban, remove. */
function ManagedMembers({ network, members }: { network: Network; members: NetworkMember[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useRefreshNetwork(network.id);
  const roleOptions = MEMBERSHIP_ROLES.map((role) => ({ value: role, label: t(`networks.roles.${role}`) }));

  const act = async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      await refresh();
      notify.success(success);
    } catch (error) {
      notify.error(errorMessage(error, t));
      await queryClient.invalidateQueries({ queryKey: networkKeys.members(network.id) });
    }
  };
  const decide = (member: NetworkMember, decision: MembershipDecision, success: string) =>
    act(() => networksApi.decide(network.id, member.companyId, decision), success);
  const changeRole = (member: NetworkMember, role: MembershipRole) =>
    act(
      () => networksApi.changeRole(network.id, member.companyId, role),
      t('networks.members.roleChanged', { name: memberName(member), role: t(`networks.roles.${role}`).toLowerCase() }),
    );
  // ConfirmButton shows the error itself: these throw.
  const confirmed = async (action: () => Promise<unknown>, success: string) => {
    await action();
    await refresh();
    notify.success(success);
  };

  const by = (...statuses: NetworkMember['status'][]) => members.filter((m) => statuses.includes(m.status));
  /** Ban or remove, after a confirmation naming the company. */
  const confirmButton = (member: NetworkMember, kind: 'ban' | 'remove') => {
    const name = memberName(member);
    const run =
      kind === 'ban'
        ? () => networksApi.decide(network.id, member.companyId, 'ban')
        : () => networksApi.remove(network.id, member.companyId);
    return (
      <ConfirmButton
        variant="subtle"
        color="red"
        aria-label={t(`networks.members.${kind}Of`, { name })}
        title={t(`networks.members.${kind}Title`, { name })}
        message={t(`networks.members.${kind}Text`)}
        confirmLabel={t(`networks.members.${kind}`)}
        onConfirm={() => confirmed(run, t(kind === 'ban' ? 'networks.members.banned' : 'networks.members.removed', { name }))}
      >
        {t(`networks.members.${kind}`)}
      </ConfirmButton>
    );
  };

  return (
    <Stack gap="lg">
      <MemberGroup
        id="members-pending"
        title={t('networks.members.pending')}
        members={by('pending')}
        render={(member) => {
          const name = memberName(member);
          return (
            <MemberRow
              key={member.companyId}
              member={member}
              details={
                member.message ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    <Text span fw={600}>
                      {t('networks.members.message')} :{' '}
                    </Text>
                    {member.message}
                  </Text>
                ) : null
              }
            >
              <Button
                size="xs"
                aria-label={t('networks.members.approveOf', { name })}
                onClick={() => void decide(member, 'approve', t('networks.members.approved', { name }))}
              >
                {t('networks.members.approve')}
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={t('networks.members.rejectOf', { name })}
                onClick={() => void decide(member, 'reject', t('networks.members.rejected', { name }))}
              >
                {t('networks.members.reject')}
              </Button>
              {confirmButton(member, 'ban')}
            </MemberRow>
          );
        }}
      />
      <MemberGroup
        id="members-active"
        title={t('networks.members.active')}
        members={by('active')}
        render={(member) => (
          <MemberRow key={member.companyId} member={member}>
            <Select
              size="xs"
              aria-label={t('networks.members.roleOf', { name: memberName(member) })}
              data={roleOptions}
              value={member.role}
              allowDeselect={false}
              onChange={(role) => role && role !== member.role && void changeRole(member, role as MembershipRole)}
              w={150}
            />
            {confirmButton(member, 'remove')}
            {confirmButton(member, 'ban')}
          </MemberRow>
        )}
      />
      <MemberGroup
        id="members-invited"
        title={t('networks.members.invited')}
        members={by('invited')}
        render={(member) => (
          <MemberRow key={member.companyId} member={member}>
            {confirmButton(member, 'remove')}
          </MemberRow>
        )}
      />
      <MemberGroup
        id="members-former"
        title={t('networks.members.former')}
        members={by('banned', 'rejected', 'left')}
        render={(member) => (
          <MemberRow
            key={member.companyId}
            member={member}
            details={
              <Badge variant="light" color={member.status === 'banned' ? 'red' : 'gray'}>
                {t(`networks.statuses.${member.status}`)}
              </Badge>
            }
          >
            {member.status === 'banned' ? (
              <Button
                size="xs"
                variant="default"
                aria-label={t('networks.members.unbanOf', { name: memberName(member) })}
                onClick={() => void decide(member, 'unban', t('networks.members.unbanned', { name: memberName(member) }))}
              >
                {t('networks.members.unban')}
              </Button>
            ) : (
              confirmButton(member, 'ban')
            )}
          </MemberRow>
        )}
      />
    </Stack>
  );
}

/**
 * The network's members: its people (for its members and managers, with a search box), then its companies — a
 * plain list for members, the management view for its managers.
 */
export function NetworkMembers({ network }: { network: Network }) {
  const { t } = useTranslation();
  // Managers come here to decide on companies; members to find someone.
  const [view, setView] = useState<'people' | 'companies'>(network.canManage ? 'companies' : 'people');
  const seesPeople = network.canManage || (network.myMemberships ?? []).some((m) => m.status === 'active');
  if (!seesPeople) return <NetworkCompanies network={network} />;
  return (
    <Stack gap="md">
      <SegmentedControl
        value={view}
        onChange={(value) => setView(value as 'people' | 'companies')}
        data={[
          { value: 'people', label: t('networks.people.tab') },
          { value: 'companies', label: t('networks.people.companiesTab') },
        ]}
        aria-label={t('networks.people.view')}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'people' ? <NetworkPeople networkId={network.id} /> : <NetworkCompanies network={network} />}
    </Stack>
  );
}

function NetworkCompanies({ network }: { network: Network }) {
  const { t } = useTranslation();
  const visible = network.canManage || network.memberCount !== null;
  const members = useNetworkMembers(network.id, visible);
  if (!visible) return <Text>{t('networks.members.hidden')}</Text>;
  return (
    <QueryContent query={members}>
      {(list) =>
        !list.length ? (
          <Text>{t('networks.members.none')}</Text>
        ) : network.canManage ? (
          <ManagedMembers network={network} members={list} />
        ) : (
          <Stack component="ul" gap="xs" aria-label={t('networks.members.list')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.map((member) => (
              <MemberRow
                key={member.companyId}
                member={member}
                details={member.role !== 'member' ? <Badge variant="light">{t(`networks.roles.${member.role}`)}</Badge> : null}
              />
            ))}
          </Stack>
        )
      }
    </QueryContent>
  );
}
