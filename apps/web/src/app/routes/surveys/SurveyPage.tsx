import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { SurveyView } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { surveyKeys, surveyPath, surveysApi } from '../../../features/surveys/api/surveys.api';
import { SurveyAnswerForm } from '../../../features/surveys/components/SurveyAnswerForm';
import { SurveyEditor } from '../../../features/surveys/components/SurveyEditor';
import { STATUS_COLORS } from '../../../features/surveys/components/SurveyList';
import { SurveyResultsPanel } from '../../../features/surveys/components/SurveyResultsPanel';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import NotFoundPage from '../NotFoundPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/enquetes" size="sm">
      {t('surveys.back')}
    </Anchor>
  );
}

/** /enquetes/nouveau[?reseau=…] — a new questionnaire. */
export function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <Page title={t('surveys.new')} size="md">
      <Stack gap="md">
        <BackLink />
        <SurveyEditor
          survey={null}
          initialNetworkId={params.get('reseau') ?? undefined}
          onSaved={(saved) => void navigate(surveyPath(saved.id), { replace: true })}
          onCancel={() => void navigate('/enquetes')}
        />
      </Stack>
    </Page>
  );
}

/** /enquetes/:id — owners manage and read it; recipients answer it (and read the results if shared). */
export default function SurveyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const survey = useQuery({ queryKey: surveyKeys.one(id), queryFn: () => surveysApi.get(id), enabled: UUID.test(id) });
  if (!UUID.test(id) || isApiError(survey.error, 404)) return <NotFoundPage />;
  return (
    <Page title={survey.data?.title ?? t('surveys.title')} size="md">
      <QueryContent query={survey} loading={<LoadingLines lines={8} />}>
        {(loaded) => (
          <Stack gap="md">
            <BackLink />
            {loaded.isOwner ? <OwnerView survey={loaded} /> : <RespondentView survey={loaded} />}
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
}

function Facts({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge color={STATUS_COLORS[survey.status]} variant="light">
        {t(`surveys.status.${survey.status}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {[
          t(`surveys.answerPer.${survey.answerPer}`),
          survey.closesAt ? t('surveys.closesAt', { date: formatDateTime(survey.closesAt) }) : t('surveys.noClosing'),
        ].join(' · ')}
      </Text>
    </Group>
  );
}

function OwnerView({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const set = (next: SurveyView) => {
    queryClient.setQueryData(surveyKeys.one(next.id), next);
    void queryClient.invalidateQueries({ queryKey: surveyKeys.list });
    void queryClient.invalidateQueries({ queryKey: surveyKeys.results(next.id) });
  };
  const send = useMutation({
    mutationFn: () => surveysApi.send(survey.id),
    onSuccess: (next) => (set(next), setNotice(t('surveys.owner.sentNotice', { count: next.recipients ?? 0 }))),
  });
  const remind = useMutation({
    mutationFn: () => surveysApi.remind(survey.id),
    onSuccess: (r) => (
      setNotice(t('surveys.owner.remindedNotice', { count: r.reminded })),
      void queryClient.invalidateQueries({ queryKey: surveyKeys.one(survey.id) })
    ),
  });
  const close = useMutation({ mutationFn: () => surveysApi.close(survey.id), onSuccess: set });
  const share = useMutation({ mutationFn: (shared: boolean) => surveysApi.share(survey.id, shared), onSuccess: set });
  const remove = useMutation({
    mutationFn: () => surveysApi.remove(survey.id),
    onSuccess: () => (void queryClient.invalidateQueries({ queryKey: surveyKeys.list }), void navigate('/enquetes')),
  });
  const error = send.error ?? remind.error ?? close.error ?? share.error ?? remove.error;

  if (editing)
    return <SurveyEditor survey={survey} onSaved={(saved) => (set(saved), setEditing(false))} onCancel={() => setEditing(false)} />;
  return (
    <Stack gap="md">
      <Facts survey={survey} />
      <Text size="sm">{t('surveys.owner.audience', { audience: survey.audienceLabel })}</Text>
      {survey.intro ? <Text style={{ whiteSpace: 'pre-wrap' }}>{survey.intro}</Text> : null}
      {notice ? (
        <Alert color="teal" icon={<IconCheck aria-hidden />} role="status">
          {notice}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
      {survey.status === 'draft' ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('surveys.owner.questions', { count: survey.questions.length })}
          </Title>
          <Stack component="ol" gap={4} pl="lg" m={0}>
            {survey.questions.map((q) => (
              <li key={q.id}>
                <Text size="sm">
                  {q.label}{' '}
                  <Text span c="dimmed" size="sm">
                    ({t(`surveys.kinds.${q.kind}`)}
                    {q.required ? `, ${t('surveys.editor.required').toLowerCase()}` : ''})
                  </Text>
                </Text>
              </li>
            ))}
          </Stack>
          <Group gap="sm">
            <Button onClick={() => send.mutate()} loading={send.isPending}>
              {t('surveys.owner.send')}
            </Button>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('surveys.owner.edit')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
              {t('surveys.owner.delete')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Text fw={600}>{t('surveys.owner.progress', { count: survey.responses ?? 0, recipients: survey.recipients ?? 0 })}</Text>
              {survey.lastRemindedAt ? (
                <Text size="sm" c="dimmed">
                  {t('surveys.owner.lastReminded', { date: formatDateTime(survey.lastRemindedAt) })}
                </Text>
              ) : null}
              {survey.status === 'open' && survey.reminderDays.length ? (
                <Text size="sm" c="dimmed">
                  {t('surveys.owner.scheduledReminders', { days: survey.reminderDays.join(', ') })}
                </Text>
              ) : null}
              <Group gap="sm" wrap="wrap">
                {survey.status === 'open' ? (
                  <>
                    <Button variant="light" onClick={() => remind.mutate()} loading={remind.isPending}>
                      {t('surveys.owner.remind')}
                    </Button>
                    <Button variant="default" onClick={() => close.mutate()} loading={close.isPending}>
                      {t('surveys.owner.close')}
                    </Button>
                  </>
                ) : null}
                <Group gap="xs" role="group" aria-label={t('surveys.owner.export')}>
                  <Button
                    component="a"
                    href={surveysApi.exportUrl(survey.id, 'csv')}
                    download
                    variant="default"
                    leftSection={<IconFileTypeCsv size={16} aria-hidden />}
                  >
                    {t('surveys.owner.csv')}
                  </Button>
                  <Button
                    component="a"
                    href={surveysApi.exportUrl(survey.id, 'xlsx')}
                    download
                    variant="default"
                    leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                  >
                    {t('surveys.owner.xlsx')}
                  </Button>
                </Group>
              </Group>
              <Switch
                label={t('surveys.owner.share')}
                description={t('surveys.owner.shareHint')}
                checked={survey.resultsShared}
                disabled={share.isPending}
                onChange={(e) => share.mutate(e.currentTarget.checked)}
              />
            </Stack>
          </Paper>
          {survey.canAnswer ? (
            // Its author may be asked too (her company is a member of the network she surveys).
            <details>
              <summary>
                <Text span fw={600}>
                  {t('surveys.owner.answerToo')}
                </Text>
              </summary>
              <Paper withBorder p="md" radius="md" mt="sm">
                <SurveyAnswerForm key={survey.companies.filter((c) => c.answered).length} survey={survey} onAnswered={set} />
              </Paper>
            </details>
          ) : null}
          <Title order={2} size="h3">
            {t('surveys.results.title')}
          </Title>
          <SurveyResultsPanel surveyId={survey.id} />
        </>
      )}
    </Stack>
  );
}

function RespondentView({ survey }: { survey: SurveyView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [thanks, setThanks] = useState(false);
  return (
    <Stack gap="md">
      <Facts survey={survey} />
      {survey.intro ? <Text style={{ whiteSpace: 'pre-wrap' }}>{survey.intro}</Text> : null}
      {thanks ? (
        <Alert color="teal" icon={<IconCheck aria-hidden />} role="status">
          {t('surveys.answer.thanks')}
        </Alert>
      ) : null}
      {survey.canAnswer ? (
        <SurveyAnswerForm
          key={survey.companies.filter((c) => c.answered).length}
          survey={survey}
          onAnswered={(next) => {
            queryClient.setQueryData(surveyKeys.one(next.id), next);
            void queryClient.invalidateQueries({ queryKey: surveyKeys.list });
            void queryClient.invalidateQueries({ queryKey: surveyKeys.results(next.id) });
            setThanks(true);
            window.scrollTo({ top: 0 });
          }}
        />
      ) : !thanks ? (
        <Text c="dimmed" role="status">
          {survey.answered ? t('surveys.answer.already') : t('surveys.answer.closed')}
        </Text>
      ) : null}
      {survey.canSeeResults ? (
        <>
          <Title order={2} size="h3">
            {t('surveys.results.title')}
          </Title>
          <SurveyResultsPanel surveyId={survey.id} />
        </>
      ) : survey.answered ? (
        <Text size="sm" c="dimmed">
          {t('surveys.results.notShared')}
        </Text>
      ) : null}
    </Stack>
  );
}
