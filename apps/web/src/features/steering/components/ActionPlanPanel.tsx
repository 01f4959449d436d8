import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  EmptyState,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCopy, IconHistory, IconPencil, IconPlus, IconPrinter, IconTargetArrow } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACTION_PLAN_STATUSES,
  STEERING_TEXT_MAX,
  STEERING_TITLE_MAX,
  STEERING_YEAR_MAX,
  STEERING_YEAR_MIN,
  type ActionPlan,
  type ActionPlanSummary,
} from '@maillage/contracts';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { QueryContent } from '../../../components/QueryContent';
import { isApiError } from '../../../lib/api';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { steeringApi } from '../api/steering.api';
import { printablePlanPath } from '../hooks/access';
import { currentYear, formatDay, formatEuros, formatShare } from '../hooks/format';
import { useActionPlan, useActionPlans, usePlanChanged } from '../hooks/useSteering';
import { PLAN_STATUS_COLORS } from './labels';
import { PlanActions } from './PlanActions';
import { PlanHistory } from './PlanHistory';
import { PlanIndicators } from './PlanIndicators';

/** Creates the plan of a year (this year by default); the new plan opens. */
function CreatePlanDialog({
  networkId,
  years,
  opened,
  onClose,
  onCreated,
}: {
  networkId: string;
  years: number[];
  opened: boolean;
  onClose: () => void;
  onCreated: (plan: ActionPlan) => void;
}) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const year = currentYear();
  const form = useForm({
    initialValues: { year: years.includes(year) ? year + 1 : year, title: '', summary: '' },
    validate: {
      year: (value) =>
        Number.isInteger(value) && value >= STEERING_YEAR_MIN && value <= STEERING_YEAR_MAX
          ? null
          : t('steering.plan.yearRange', { min: STEERING_YEAR_MIN, max: STEERING_YEAR_MAX }),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const plan = await steeringApi.createPlan(networkId, {
      year: values.year,
      title: values.title.trim() || t('steering.plan.defaultTitle', { year: values.year }),
      summary: emptyToNull(values.summary),
      status: 'active',
    });
    changed(plan);
    notify.success(t('steering.plan.created', { year: plan.year }));
    onCreated(plan);
  });
  return (
    <Dialog opened={opened} onClose={onClose} title={t('steering.plan.createTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={isApiError(error, 409) ? new Error(t('steering.plan.exists')) : error} />
          <NumberInput
            label={t('steering.plan.year')}
            required
            min={STEERING_YEAR_MIN}
            max={STEERING_YEAR_MAX}
            allowDecimal={false}
            thousandSeparator=""
            {...form.getInputProps('year')}
          />
          <TextInput
            label={t('steering.plan.titleField')}
            placeholder={t('steering.plan.defaultTitle', { year: form.getValues().year })}
            maxLength={STEERING_TITLE_MAX}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('steering.plan.summary')}
            autosize
            minRows={2}
            maxLength={STEERING_TEXT_MAX}
            {...form.getInputProps('summary')}
          />
          <FormActions submitting={submitting} onCancel={onClose} submitLabel={t('steering.plan.create')} />
        </Stack>
      </form>
    </Dialog>
  );
}

function EditPlanDialog({ plan, opened, onClose }: { plan: ActionPlan; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const form = useForm({
    initialValues: { title: plan.title, summary: plan.summary ?? '', status: plan.status },
    validate: { title: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    changed(
      await steeringApi.updatePlan(plan.id, { title: values.title.trim(), summary: emptyToNull(values.summary), status: values.status }),
    );
    onClose();
  });
  return (
    <Dialog opened={opened} onClose={onClose} title={t('steering.plan.editTitle', { year: plan.year })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <TextInput label={t('steering.plan.titleField')} required maxLength={STEERING_TITLE_MAX} {...form.getInputProps('title')} />
          <Textarea
            label={t('steering.plan.summary')}
            autosize
            minRows={2}
            maxLength={STEERING_TEXT_MAX}
            {...form.getInputProps('summary')}
          />
          <Select
            label={t('steering.plan.status')}
            data={ACTION_PLAN_STATUSES.map((status) => ({ value: status, label: t(`steering.plan.statuses.${status}`) }))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
          <FormActions submitting={submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Copies the plan to the next year (or the year after the last plan): objectives, actions and indicators. */
function CopyButton({ plan, years, onCopied }: { plan: ActionPlan; years: number[]; onCopied: (plan: ActionPlan) => void }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const target = plan.year + 1;
  const copy = useMutation({
    mutationFn: () => steeringApi.copyPlan(plan.id, { year: target }),
    onSuccess: (copied) => {
      changed(copied);
      notify.success(t('steering.plan.copied', { year: copied.year }));
      onCopied(copied);
    },
    onError: (error) => notify.error(isApiError(error, 409) ? t('steering.plan.exists') : t('steering.plan.copyFailed')),
  });
  if (years.includes(target)) return null;
  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconCopy size={16} aria-hidden />}
      loading={copy.isPending}
      onClick={() => copy.mutate()}
    >
      {t('steering.plan.copy', { year: target })}
    </Button>
  );
}

/** The plan's figures: indicators' progress against target, actions done and late, budget. */
export function PlanSummary({ plan }: { plan: ActionPlan | ActionPlanSummary }) {
  const { t } = useTranslation();
  const { progress } = plan;
  const value = progress.indicators === null ? null : Math.round(Math.min(1, progress.indicators) * 100);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" style={{ margin: 0 }}>
      <Paper withBorder p="sm" radius="md">
        <Text component="dt" size="sm" c="dimmed">
          {t('steering.plan.progress')}
        </Text>
        <Text component="dd" m={0} fz="xl" fw={700}>
          {value === null ? '—' : formatShare(value / 100)}
        </Text>
        {value === null ? null : <Progress value={value} mt={4} aria-hidden color={value >= 100 ? 'teal' : 'blue'} />}
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Text component="dt" size="sm" c="dimmed">
          {t('steering.plan.actions')}
        </Text>
        <Text component="dd" m={0} fz="xl" fw={700}>
          {t('steering.plan.actionsDone', { count: progress.actionsDone, total: progress.actionsTotal })}
        </Text>
      </Paper>
      <Paper withBorder p="sm" radius="md" style={progress.actionsLate ? { borderColor: 'var(--mantine-color-orange-6)' } : undefined}>
        <Text component="dt" size="sm" c="dimmed">
          {t('steering.plan.late')}
        </Text>
        <Text component="dd" m={0} fz="xl" fw={700} c={progress.actionsLate ? 'orange.9' : undefined}>
          {progress.actionsLate}
        </Text>
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <Text component="dt" size="sm" c="dimmed">
          {t('steering.plan.budget')}
        </Text>
        <Text component="dd" m={0} fz="lg" fw={700}>
          {t('steering.plan.budgetValue', { spent: formatEuros(progress.budgetSpent), planned: formatEuros(progress.budgetPlanned) })}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

function PlanView({ plan, years, onOpen }: { plan: ActionPlan; years: number[]; onOpen: (planId: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Group gap="xs">
            <Title order={3} size="h3">
              {plan.title}
            </Title>
            <Badge variant="filled" color={PLAN_STATUS_COLORS[plan.status]}>
              {t(`steering.plan.statuses.${plan.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('steering.plan.period', { from: formatDay(plan.period.from), to: formatDay(plan.period.to) })}
          </Text>
          {plan.summary ? <Text style={{ whiteSpace: 'pre-line' }}>{plan.summary}</Text> : null}
        </Stack>
        <Group gap="xs">
          <Button
            component={Link}
            to={printablePlanPath(plan.id)}
            variant="default"
            size="sm"
            leftSection={<IconPrinter size={16} aria-hidden />}
          >
            {t('steering.plan.print')}
          </Button>
          <Button variant="default" size="sm" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistory(true)}>
            {t('steering.plan.history')}
          </Button>
          {plan.canEdit ? (
            <>
              <CopyButton plan={plan} years={years} onCopied={(copied) => onOpen(copied.id)} />
              <Button variant="default" size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('steering.plan.edit')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      <PlanSummary plan={plan} />
      <PlanIndicators plan={plan} />
      <PlanActions plan={plan} />
      {editing ? <EditPlanDialog plan={plan} opened onClose={() => setEditing(false)} /> : null}
      <Dialog opened={history} onClose={() => setHistory(false)} title={t('steering.plan.historyTitle', { year: plan.year })} size="lg">
        {history ? <PlanHistory plan={plan} /> : null}
      </Dialog>
    </Stack>
  );
}

/** A network's action plans: one per year, this year's opened first; create, copy, print. */
export function ActionPlanPanel({ networkId, canEdit }: { networkId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const plans = useActionPlans(networkId);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const year = currentYear();
  // The plan of this year, else the newest.
  useEffect(() => {
    if (selected || !plans.data?.length) return;
    setSelected((plans.data.find((plan) => plan.year === year) ?? plans.data[0])?.id ?? null);
  }, [plans.data, selected, year]);
  const plan = useActionPlan(selected);
  const years = (plans.data ?? []).map((p) => p.year);

  return (
    <QueryContent query={plans}>
      {(list) => (
        <Stack gap="lg">
          <Group justify="space-between" align="flex-end" gap="sm">
            {list.length ? (
              <Select
                label={t('steering.plan.choose')}
                data={list.map((p) => ({ value: p.id, label: `${p.year} · ${p.title}` }))}
                value={selected}
                onChange={(value) => value && setSelected(value)}
                allowDeselect={false}
                w={{ base: '100%', xs: 320 }}
              />
            ) : (
              <span />
            )}
            {canEdit && list.length && !years.includes(year) ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('steering.plan.createFor', { year })}
              </Button>
            ) : canEdit && list.length ? (
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('steering.plan.createOther')}
              </Button>
            ) : null}
          </Group>
          {!list.length ? (
            <EmptyState
              icon={<IconTargetArrow size={32} aria-hidden />}
              withIndicatorBackground
              title={t('steering.plan.emptyTitle')}
              description={t('steering.plan.empty')}
            >
              {canEdit ? (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                    {t('steering.plan.createFor', { year })}
                  </Button>
                </EmptyState.Actions>
              ) : null}
            </EmptyState>
          ) : selected ? (
            <QueryContent query={plan}>
              {(loaded) => <PlanView key={loaded.id} plan={loaded} years={years} onOpen={setSelected} />}
            </QueryContent>
          ) : null}
          {creating ? (
            <CreatePlanDialog
              networkId={networkId}
              years={years}
              opened
              onClose={() => setCreating(false)}
              onCreated={(created) => {
                setCreating(false);
                setSelected(created.id);
              }}
            />
          ) : null}
        </Stack>
      )}
    </QueryContent>
  );
}
