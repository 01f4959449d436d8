import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileButton, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconHeartHandshake, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { OPPORTUNITY_ATTACHMENT_TYPES, type Opportunity, type OpportunityCompanyRef, type OpportunityGroup } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { RemoteSelect } from '../../../components/RemoteSelect';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { opportunitiesApi } from '../api/opportunities.api';
import { useOpportunityResponses, useRefreshOpportunities, useSupporterCandidates } from '../hooks/useOpportunities';

const MEMBER_COLORS = { invited: 'orange', accepted: 'teal', declined: 'red' } as const;

/** The publisher forms the mini-grappe from the shortlisted responders. */
export function FormGroupButton({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const responses = useOpportunityResponses(opportunity.id, true);
  const refresh = useRefreshOpportunities();
  const [error, setError] = useState<unknown>(null);
  const shortlisted = (responses.data ?? []).filter((r) => r.status === 'shortlisted' || r.status === 'winner');
  const form = async () => {
    setError(null);
    try {
      await opportunitiesApi.formGroup(
        opportunity.id,
        shortlisted.map((r) => r.company.id),
      );
      notify.success(t('opportunities.group.formed'));
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Text size="sm">
        {shortlisted.length ? t('opportunities.group.invite', { count: shortlisted.length }) : t('opportunities.group.shortlistFirst')}
      </Text>
      <Group>
        <Button onClick={() => void form()} disabled={!shortlisted.length}>
          {t('opportunities.group.form')}
        </Button>
      </Group>
    </Stack>
  );
}

/** How a supporter is named: the person, and the CCI or animator company he speaks for. */
const supporterLabel = (s: { name: string; organization: string | null }) => (s.organization ? `${s.name} — ${s.organization}` : s.name);

type Run = (action: () => Promise<unknown>, done?: string) => Promise<void>;

/** The lead designates or removes the group's CCI "intégrateur de PME" among the animators and staff of its networks. */
function SupporterChoice({ opportunityId, group, run }: { opportunityId: string; group: OpportunityGroup; run: Run }) {
  const { t } = useTranslation();
  const candidates = useSupporterCandidates(opportunityId, true);
  const [personId, setPersonId] = useState<string | null>(null);
  const options = (candidates.data ?? [])
    .filter((c) => c.id !== group.supporter?.id)
    .map((c) => ({ value: c.id, label: supporterLabel(c) }));
  return (
    <Stack gap="xs">
      {group.supporter ? (
        <Group gap="xs">
          <Text size="sm">{t('opportunities.group.supporter.current', { name: supporterLabel(group.supporter) })}</Text>
          <Button
            size="xs"
            variant="default"
            onClick={() => void run(() => opportunitiesApi.removeSupporter(opportunityId), t('opportunities.group.supporter.removed'))}
          >
            {t('opportunities.group.supporter.remove')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('opportunities.group.supporter.none')}
        </Text>
      )}
      <Group align="flex-end" gap="xs">
        <Select
          label={group.supporter ? t('opportunities.group.supporter.replace') : t('opportunities.group.supporter.choose')}
          description={t('opportunities.group.supporter.hint')}
          placeholder={candidates.data && !options.length ? t('opportunities.group.supporter.noCandidate') : undefined}
          data={options}
          value={personId}
          onChange={setPersonId}
          searchable
          nothingFoundMessage={t('search.nothingFound')}
          style={{ flex: '1 1 18rem' }}
        />
        <Button
          disabled={!personId}
          onClick={() =>
            personId &&
            void run(async () => {
              await opportunitiesApi.designateSupporter(opportunityId, personId);
              setPersonId(null);
            }, t('opportunities.group.supporter.designated'))
          }
        >
          {t('opportunities.group.supporter.designate')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The supporter's banner: what he may do here, inviting companies of his networks, stepping down. */
function SupporterTools({ opportunityId, run }: { opportunityId: string; run: Run }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [company, setCompany] = useState<OpportunityCompanyRef | null>(null);
  return (
    <Alert
      color="indigo"
      variant="light"
      icon={<IconHeartHandshake size={20} aria-hidden />}
      title={t('opportunities.group.supporter.banner')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('opportunities.group.supporter.bannerText')}</Text>
        <Group align="flex-end" gap="xs">
          <RemoteSelect<OpportunityCompanyRef>
            label={t('opportunities.group.supporter.invite')}
            description={t('opportunities.group.supporter.inviteHint')}
            selected={company}
            onSelect={setCompany}
            search={(q, signal) => opportunitiesApi.invitableCompanies(opportunityId, q, signal)}
            cacheKey={`opportunity-invitable-${opportunityId}`}
            toOption={(c) => ({ value: c.id, label: c.communeName ? `${c.name} (${c.communeName})` : c.name })}
            style={{ flex: '1 1 18rem' }}
          />
          <Button
            disabled={!company}
            onClick={() =>
              company &&
              void run(
                async () => {
                  await opportunitiesApi.inviteToGroup(opportunityId, [company.id]);
                  setCompany(null);
                },
                t('opportunities.group.supporter.invited', { name: company.name }),
              )
            }
          >
            {t('opportunities.group.supporter.inviteButton')}
          </Button>
        </Group>
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() =>
              void run(async () => {
                await opportunitiesApi.removeSupporter(opportunityId);
                void navigate('/pilotage');
              }, t('opportunities.group.supporter.steppedDown'))
            }
          >
            {t('opportunities.group.supporter.stepDown')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The group's private space: members, deadline, status, discussion. */
export function GroupPanel({ opportunityId, group }: { opportunityId: string; group: OpportunityGroup }) {
  const { t } = useTranslation();
  const refresh = useRefreshOpportunities();
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>, done?: string) => {
    setError(null);
    try {
      await action();
      if (done) notify.success(done);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      {group.rights.support ? <SupporterTools opportunityId={opportunityId} run={run} /> : null}
      <Group gap="xs">
        <Badge variant="light" tt="none">
          {t(`opportunities.group.statuses.${group.status}`)}
        </Badge>
        <Text size="sm">{t('opportunities.group.deadline', { date: formatDate(group.deadline) })}</Text>
      </Group>
      <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('opportunities.group.members')}>
        <Group component="li" gap="xs">
          <Anchor component={Link} to={`/entreprises/${group.lead.id}`}>
            {group.lead.name}
          </Anchor>
          <Badge variant="outline" tt="none">
            {t('opportunities.group.lead')}
          </Badge>
        </Group>
        {group.members.map((m) => (
          <Group component="li" key={m.company.id} gap="xs">
            <Anchor component={Link} to={`/entreprises/${m.company.id}`}>
              {m.company.name}
            </Anchor>
            <Badge variant="light" color={MEMBER_COLORS[m.status]} tt="none">
              {t(`opportunities.group.memberStatuses.${m.status}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
      {group.rights.manage ? (
        <Stack gap="xs">
          <Text fw={600}>{t('opportunities.group.supporter.title')}</Text>
          <SupporterChoice opportunityId={opportunityId} group={group} run={run} />
        </Stack>
      ) : group.supporter && !group.rights.support ? (
        <Text size="sm">{t('opportunities.group.supporter.shown', { name: supporterLabel(group.supporter) })}</Text>
      ) : null}
      {group.rights.acceptFor.length ? (
        <Group>
          {group.rights.acceptFor.map((companyId) => (
            <Button
              key={companyId}
              onClick={() => void run(() => opportunitiesApi.acceptGroup(opportunityId, companyId), t('opportunities.group.joined'))}
            >
              {t('opportunities.group.accept')}
            </Button>
          ))}
        </Group>
      ) : null}
      <Stack gap="xs">
        <Text fw={600}>{t('opportunities.group.discussion')}</Text>
        {group.messages.length ? (
          <Stack component="ol" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {group.messages.map((m) => (
              <Paper component="li" key={m.id} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {[m.author, m.company].filter(Boolean).join(' · ')} · {formatDateTime(m.createdAt)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {m.body}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('opportunities.group.noMessage')}
          </Text>
        )}
        {group.rights.post ? (
          <Stack gap="xs">
            <Textarea
              label={t('opportunities.group.message')}
              autosize
              minRows={2}
              maxLength={5000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group>
              <Button
                variant="light"
                disabled={!body.trim()}
                onClick={() =>
                  void run(async () => {
                    await opportunitiesApi.postInGroup(opportunityId, body.trim());
                    setBody('');
                  })
                }
              >
                {t('opportunities.group.send')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
      <Stack gap="xs">
        <Text fw={600}>{t('opportunities.group.documents')}</Text>
        {group.documents.length ? (
          <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {group.documents.map((d) => (
              <li key={d.id}>
                <Anchor href={d.url} size="sm">
                  {d.filename}
                </Anchor>
              </li>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('opportunities.group.noDocument')}
          </Text>
        )}
        {group.rights.post ? (
          <Group gap="xs">
            <FileButton
              accept={OPPORTUNITY_ATTACHMENT_TYPES.join(',')}
              onChange={(file) =>
                file &&
                void run(
                  () => opportunitiesApi.addGroupDocument(opportunityId, file),
                  t('opportunities.group.documentAdded', { name: file.name }),
                )
              }
            >
              {(props) => (
                <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} aria-hidden />}>
                  {t('opportunities.group.addDocument')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('opportunities.group.documentsHint')}
            </Text>
          </Group>
        ) : null}
      </Stack>
      {group.rights.manage && group.status !== 'submitted' && group.status !== 'dissolved' ? (
        <Group>
          <Button
            variant="default"
            onClick={() =>
              void run(() => opportunitiesApi.setGroupStatus(opportunityId, 'submitted'), t('opportunities.group.submittedDone'))
            }
          >
            {t('opportunities.group.markSubmitted')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
