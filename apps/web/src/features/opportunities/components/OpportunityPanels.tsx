import { useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Paper, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  OPPORTUNITY_ATTACHMENT_TYPES,
  type Opportunity,
  type OpportunityAttachment,
  type OpportunityResponseStatus,
} from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { QueryContent } from '../../../components/QueryContent';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { opportunitiesApi } from '../api/opportunities.api';
import { useActingCompanies, useOpportunityMatches, useOpportunityResponses, useRefreshOpportunities } from '../hooks/useOpportunities';
import { MatchReasons } from './MatchReasons';

const RESPONSE_COLORS = { submitted: 'gray', shortlisted: 'blue', declined: 'red', winner: 'teal' } as const;

/** The files joined to a response (seen by the two companies only). */
function ResponseAttachments({ attachments, label }: { attachments: OpportunityAttachment[]; label: string }) {
  if (!attachments.length) return null;
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={label}>
      {attachments.map((a) => (
        <li key={a.id}>
          <Anchor href={a.url} download size="sm">
            <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
            {a.filename}
          </Anchor>
        </li>
      ))}
    </Stack>
  );
}

/** Expressing interest on behalf of one of the caller's companies in the audience. */
export function RespondPanel({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const companies = useActingCompanies();
  const refresh = useRefreshOpportunities();
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  if (opportunity.myResponse) {
    const mine = opportunity.myResponse;
    const attach = async (file: File) => {
      setError(null);
      try {
        await opportunitiesApi.uploadResponseAttachment(opportunity.id, mine.id, file);
        notify.success(t('opportunities.respond.attached', { name: file.name }));
        await refresh();
      } catch (caught) {
        setError(caught);
      }
    };
    return (
      <Stack gap="xs">
        <ErrorAlert error={error} />
        <Group gap="xs">
          <Text>{t('opportunities.respond.already', { company: opportunity.myResponse.company.name })}</Text>
          <Badge color={RESPONSE_COLORS[opportunity.myResponse.status]} variant="light" tt="none">
            {t(`opportunities.responseStatuses.${opportunity.myResponse.status}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {opportunity.myResponse.message}
        </Text>
        <ResponseAttachments attachments={mine.attachments} label={t('opportunities.respond.attachments')} />
        {opportunity.status === 'open' ? (
          <FileButton accept={OPPORTUNITY_ATTACHMENT_TYPES.join(',')} onChange={(file) => file && void attach(file)}>
            {(props) => (
              <Button {...props} size="xs" variant="default" leftSection={<IconPaperclip size={14} aria-hidden />} w="fit-content">
                {t('opportunities.respond.attach')}
              </Button>
            )}
          </FileButton>
        ) : null}
        {opportunity.myResponse.threadId ? (
          <Group gap="xs">
            <Button component={Link} to={`/messages/${opportunity.myResponse.threadId}`} size="xs" variant="light">
              {t('opportunities.responses.thread')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('opportunities.responses.threadHint')}
            </Text>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (!opportunity.rights.respond) return <Text c="dimmed">{t('opportunities.respond.unavailable')}</Text>;
  return (
    <QueryContent query={companies}>
      {(list) => {
        const candidates = list.filter((c) => c.id !== opportunity.company.id);
        const chosen = companyId ?? candidates[0]?.id ?? null;
        const send = async () => {
          if (!chosen) return;
          setSending(true);
          setError(null);
          try {
            await opportunitiesApi.respond(opportunity.id, chosen, message.trim());
            notify.success(t('opportunities.respond.sent'));
            await refresh();
          } catch (caught) {
            setError(caught);
          } finally {
            setSending(false);
          }
        };
        return (
          <Stack gap="sm">
            <ErrorAlert error={error} />
            {candidates.length > 1 ? (
              <Select
                label={t('opportunities.respond.company')}
                allowDeselect={false}
                value={chosen}
                onChange={setCompanyId}
                data={candidates.map((c) => ({ value: c.id, label: c.name }))}
              />
            ) : null}
            <Textarea
              label={t('opportunities.respond.message')}
              description={t('opportunities.respond.private')}
              autosize
              minRows={3}
              maxLength={5000}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
            />
            <Group>
              <Button onClick={() => void send()} loading={sending} disabled={!message.trim() || !chosen}>
                {t('opportunities.respond.submit')}
              </Button>
            </Group>
          </Stack>
        );
      }}
    </QueryContent>
  );
}

/** The publisher's view of the responses: shortlist, decline, mark the winner(s). */
export function ResponsesPanel({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const responses = useOpportunityResponses(opportunity.id, true);
  const refresh = useRefreshOpportunities();
  const navigate = useNavigate();
  // Opens (or finds) the private thread with the responder, then goes to it in the messages.
  const ask = async (responseId: string) => {
    try {
      const response = await opportunitiesApi.openThread(opportunity.id, responseId);
      await refresh();
      if (response.threadId) await navigate(`/messages/${response.threadId}`);
    } catch (caught) {
      notify.error(errorMessage(caught, t));
    }
  };
  const set = async (responseId: string, status: OpportunityResponseStatus) => {
    try {
      await opportunitiesApi.setResponseStatus(opportunity.id, responseId, status);
      await refresh();
    } catch (caught) {
      notify.error(errorMessage(caught, t));
    }
  };
  return (
    <QueryContent query={responses}>
      {(list) =>
        list.length ? (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.map((r) => (
              <Paper component="li" key={r.id} withBorder p="sm" aria-label={r.company.name}>
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs">
                    <Anchor component={Link} to={`/entreprises/${r.company.id}`} fw={700}>
                      {r.company.name}
                    </Anchor>
                    <Badge color={RESPONSE_COLORS[r.status]} variant="light" tt="none">
                      {t(`opportunities.responseStatuses.${r.status}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.message}
                  </Text>
                  <ResponseAttachments
                    attachments={r.attachments}
                    label={t('opportunities.responses.attachmentsOf', { name: r.company.name })}
                  />
                  {opportunity.rights.edit || opportunity.status === 'closed' ? (
                    <Group gap="xs">
                      {r.status !== 'shortlisted' ? (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => void set(r.id, 'shortlisted')}
                          aria-label={t('opportunities.responses.shortlistOf', { name: r.company.name })}
                        >
                          {t('opportunities.responses.shortlist')}
                        </Button>
                      ) : null}
                      {r.status !== 'winner' ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="teal"
                          onClick={() => void set(r.id, 'winner')}
                          aria-label={t('opportunities.responses.winnerOf', { name: r.company.name })}
                        >
                          {t('opportunities.responses.winner')}
                        </Button>
                      ) : null}
                      {r.status !== 'declined' ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => void set(r.id, 'declined')}
                          aria-label={t('opportunities.responses.declineOf', { name: r.company.name })}
                        >
                          {t('opportunities.responses.decline')}
                        </Button>
                      ) : null}
                      {opportunity.rights.edit ? (
                        r.threadId ? (
                          <Button
                            component={Link}
                            to={`/messages/${r.threadId}`}
                            size="xs"
                            variant="default"
                            aria-label={t('opportunities.responses.threadOf', { name: r.company.name })}
                          >
                            {t('opportunities.responses.thread')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => void ask(r.id)}
                            aria-label={t('opportunities.responses.askOf', { name: r.company.name })}
                          >
                            {t('opportunities.responses.ask')}
                          </Button>
                        )
                      ) : null}
                    </Group>
                  ) : null}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('opportunities.responses.none')}</Text>
        )
      }
    </QueryContent>
  );
}

/** The companies the matching engine suggests, with its reasons (the publisher only). */
export function MatchesPanel({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const matches = useOpportunityMatches(opportunity.id, true);
  return (
    <QueryContent query={matches}>
      {(list) =>
        list.length ? (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.map((m) => (
              <Paper component="li" key={m.company.id} withBorder p="sm">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs">
                    <Anchor component={Link} to={`/entreprises/${m.company.id}`} fw={700}>
                      {m.company.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {[m.company.communeName, m.company.nafCode].filter(Boolean).join(' · ')}
                    </Text>
                  </Group>
                  <MatchReasons reasons={m.reasons} />
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('opportunities.matches.none')}</Text>
        )
      }
    </QueryContent>
  );
}

/** Publish, attach, close with an outcome, cancel. */
export function ManagePanel({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const refresh = useRefreshOpportunities();
  const [outcome, setOutcome] = useState('');
  const [awarded, setAwarded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      notify.success(done);
      await refresh();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Stack gap="md">
      <ErrorAlert error={error} />
      {opportunity.status === 'draft' ? (
        <Group>
          <Button onClick={() => void run(() => opportunitiesApi.publish(opportunity.id), t('opportunities.manage.published'))}>
            {t('opportunities.manage.publish')}
          </Button>
        </Group>
      ) : null}
      {opportunity.rights.edit ? (
        <FileButton
          accept={OPPORTUNITY_ATTACHMENT_TYPES.join(',')}
          onChange={(file) =>
            file && void run(() => opportunitiesApi.upload(opportunity.id, file), t('opportunities.manage.attached', { name: file.name }))
          }
        >
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconPaperclip size={16} aria-hidden />} w="fit-content">
              {t('opportunities.manage.attach')}
            </Button>
          )}
        </FileButton>
      ) : null}
      {opportunity.status === 'open' ? (
        <Stack gap="xs">
          <Textarea
            label={t('opportunities.manage.outcome')}
            description={t('opportunities.manage.outcomeHint')}
            autosize
            minRows={2}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
          />
          <Switch label={t('opportunities.manage.awarded')} checked={awarded} onChange={(e) => setAwarded(e.currentTarget.checked)} />
          <Group>
            <Button
              variant="default"
              disabled={outcome.trim().length < 3}
              onClick={() =>
                void run(
                  () => opportunitiesApi.close(opportunity.id, { outcome: outcome.trim(), awarded }),
                  t('opportunities.manage.closed'),
                )
              }
            >
              {t('opportunities.manage.close')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {opportunity.status === 'draft' || opportunity.status === 'open' ? (
        <Group>
          <ConfirmButton
            color="red"
            variant="subtle"
            title={t('opportunities.manage.cancelTitle')}
            message={t('opportunities.manage.cancelConfirm')}
            confirmLabel={t('opportunities.manage.cancel')}
            onConfirm={() => run(() => opportunitiesApi.cancel(opportunity.id), t('opportunities.manage.cancelled'))}
          >
            {t('opportunities.manage.cancel')}
          </ConfirmButton>
        </Group>
      ) : null}
    </Stack>
  );
}
