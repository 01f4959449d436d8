import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconClipboardCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  MATURITY_CRITERIA_ALL,
  NETWORK_MATURITIES,
  STEERING_COMMENT_MAX,
  type MaturityCriterion,
  type MaturityOverview,
  type NetworkMaturity,
} from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { QueryContent } from '../../../components/QueryContent';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { formatDay, todayInParis } from '../hooks/format';
import { useAssessMaturity, useMaturity } from '../hooks/useSteering';
import { MATURITY_COLORS } from './labels';

/** The four stages in order, the current one marked. */
function Stages({ stage }: { stage: NetworkMaturity }) {
  const { t } = useTranslation();
  const index = NETWORK_MATURITIES.indexOf(stage);
  return (
    <Group
      gap={0}
      component="ol"
      aria-label={t('steering.maturity.stages')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      wrap="wrap"
    >
      {NETWORK_MATURITIES.map((step, i) => (
        <Group key={step} component="li" gap={6} wrap="nowrap" aria-current={step === stage ? 'step' : undefined}>
          <Badge size="lg" variant={i === index ? 'filled' : 'outline'} color={i <= index ? MATURITY_COLORS[stage] : 'gray.7'}>
            {i + 1}. {t(`networks.maturities.${step}`)}
          </Badge>
          {i < NETWORK_MATURITIES.length - 1 ? (
            <Text span c="dimmed" mx={4} aria-hidden>
              →
            </Text>
          ) : null}
        </Group>
      ))}
    </Group>
  );
}

function AssessmentForm({ overview, networkId, onDone }: { overview: MaturityOverview; networkId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const assess = useAssessMaturity(networkId);
  const today = todayInParis();
  const form = useForm({
    initialValues: {
      stage: overview.stage as NetworkMaturity,
      criteria: Object.entries(overview.latest?.criteria ?? {})
        .filter(([, met]) => met)
        .map(([key]) => key),
      comment: '',
      assessedOn: today,
    },
    validate: {
      comment: rules.required(t),
      assessedOn: (value) => (!value ? t('validation.required') : value > today ? t('steering.indicator.futureDate') : null),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const criteria: Partial<Record<MaturityCriterion, boolean>> = {};
    for (const stage of NETWORK_MATURITIES)
      for (const criterion of overview.criteria[stage]) criteria[criterion] = values.criteria.includes(criterion);
    await assess.mutateAsync({ stage: values.stage, criteria, comment: values.comment.trim(), assessedOn: values.assessedOn });
    notify.success(t('steering.maturity.saved', { stage: t(`networks.maturities.${values.stage}`) }));
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="maturity-form-title">
      <Stack gap="md">
        <Title order={4} id="maturity-form-title">
          {t('steering.maturity.formTitle')}
        </Title>
        <ErrorAlert error={error} />
        <Checkbox.Group
          label={t('steering.maturity.criteria')}
          description={t('steering.maturity.criteriaHint')}
          {...form.getInputProps('criteria')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
            {NETWORK_MATURITIES.map((stage) => (
              <Stack
                key={stage}
                gap={6}
                role="group"
                aria-label={t('steering.maturity.criteriaOf', { stage: t(`networks.maturities.${stage}`) })}
              >
                <Text fw={600} size="sm">
                  {t(`networks.maturities.${stage}`)}
                </Text>
                {overview.criteria[stage].map((criterion) => (
                  <Checkbox key={criterion} value={criterion} label={t(`steering.maturity.criterion.${criterion}`)} />
                ))}
              </Stack>
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Radio.Group label={t('steering.maturity.stage')} required {...form.getInputProps('stage')}>
          <Group gap="md" mt="xs">
            {NETWORK_MATURITIES.map((stage) => (
              <Radio key={stage} value={stage} label={t(`networks.maturities.${stage}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('steering.maturity.comment')}
          description={t('steering.maturity.commentHint')}
          required
          autosize
          minRows={3}
          maxLength={STEERING_COMMENT_MAX}
          {...form.getInputProps('comment')}
        />
        <TextInput
          type="date"
          label={t('steering.maturity.assessedOn')}
          required
          max={today}
          w={{ base: '100%', xs: 220 }}
          {...form.getInputProps('assessedOn')}
        />
        <FormActions submitting={submitting} onCancel={onDone} submitLabel={t('steering.maturity.submit')} />
      </Stack>
    </form>
  );
}

function History({ overview }: { overview: MaturityOverview }) {
  const { t } = useTranslation();
  if (!overview.history.length) return <Text size="sm">{t('steering.maturity.noHistory')}</Text>;
  return (
    <Timeline active={overview.history.length - 1} bulletSize={22} lineWidth={2} reverseActive>
      {overview.history.map((assessment) => {
        const met = MATURITY_CRITERIA_ALL.filter((criterion) => assessment.criteria[criterion]);
        const changed = assessment.previousStage && assessment.previousStage !== assessment.stage;
        return (
          <Timeline.Item
            key={assessment.id}
            bullet={<IconClipboardCheck size={12} aria-hidden />}
            title={
              changed
                ? t('steering.maturity.changed', {
                    from: t(`networks.maturities.${assessment.previousStage}`),
                    to: t(`networks.maturities.${assessment.stage}`),
                  })
                : t('steering.maturity.confirmed', { stage: t(`networks.maturities.${assessment.stage}`) })
            }
          >
            <Text size="xs" c="dimmed">
              {t('steering.maturity.by', { date: formatDay(assessment.assessedOn), name: assessment.assessor?.name ?? '—' })}
            </Text>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              {assessment.comment}
            </Text>
            {met.length ? (
              <Text size="xs" c="dimmed" mt={2}>
                {t('steering.maturity.met', { list: met.map((c) => t(`steering.maturity.criterion.${c}`)).join(', ') })}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** The network's stage, the latest assessment's criteria, a new assessment, and the history of stages. */
export function MaturityPanel({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const maturity = useMaturity(networkId);
  const [assessing, setAssessing] = useState(false);
  return (
    <QueryContent query={maturity}>
      {(overview) => (
        <Stack gap="lg">
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Stages stage={overview.stage} />
              {overview.latest ? (
                <Stack gap={4}>
                  <Text size="sm">
                    {t('steering.maturity.latest', {
                      date: formatDay(overview.latest.assessedOn),
                      name: overview.latest.assessor?.name ?? '—',
                    })}
                  </Text>
                  <SimpleGrid
                    cols={{ base: 1, sm: 2, md: 3 }}
                    spacing={4}
                    component="ul"
                    style={{ listStyle: 'none', padding: 0, margin: 0 }}
                  >
                    {NETWORK_MATURITIES.flatMap((stage) => overview.criteria[stage]).map((criterion) => {
                      const met = !!overview.latest?.criteria[criterion];
                      return (
                        <Group key={criterion} component="li" gap={6} wrap="nowrap">
                          {met ? (
                            <IconCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden />
                          ) : (
                            <IconX size={16} color="var(--mantine-color-gray-6)" aria-hidden />
                          )}
                          <Text size="sm" c={met ? undefined : 'dimmed'}>
                            {t(`steering.maturity.criterion.${criterion}`)}
                            <VisuallyHidden>{met ? t('steering.maturity.isMet') : t('steering.maturity.notMet')}</VisuallyHidden>
                          </Text>
                        </Group>
                      );
                    })}
                  </SimpleGrid>
                </Stack>
              ) : (
                <Text size="sm">{t('steering.maturity.never')}</Text>
              )}
              {overview.canAssess && !assessing ? (
                <Group>
                  <Button leftSection={<IconClipboardCheck size={16} aria-hidden />} onClick={() => setAssessing(true)}>
                    {t('steering.maturity.assess')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Paper>
          {assessing ? (
            <Paper withBorder p="md" radius="md">
              <AssessmentForm overview={overview} networkId={networkId} onDone={() => setAssessing(false)} />
            </Paper>
          ) : null}
          <section aria-labelledby="maturity-history">
            <Title order={4} id="maturity-history" mb="sm">
              {t('steering.maturity.history')}
            </Title>
            <History overview={overview} />
          </section>
        </Stack>
      )}
    </QueryContent>
  );
}
