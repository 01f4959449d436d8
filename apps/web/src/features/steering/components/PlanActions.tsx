import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACTION_STATUSES,
  STEERING_NUMBER_MAX,
  STEERING_TEXT_MAX,
  STEERING_TITLE_MAX,
  type ActionPlan,
  type ActionStatus,
  type PlanAction,
  type PlanObjective,
} from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { steeringApi } from '../api/steering.api';
import { formatDay, formatEuros } from '../hooks/format';
import { useNetworkEvents, usePlanChanged } from '../hooks/useSteering';
import { ACTION_STATUS_COLORS } from './labels';

type NumberValue = number | string;
const toNumberOrNull = (value: NumberValue): number | null => (value === '' || value === null ? null : Number(value));

function ObjectiveDialog({ plan, objective, onClose }: { plan: ActionPlan; objective: PlanObjective | null; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const form = useForm({
    initialValues: { title: objective?.title ?? '', description: objective?.description ?? '' },
    validate: { title: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const body = { title: values.title.trim(), description: emptyToNull(values.description) };
    changed(objective ? await steeringApi.updateObjective(objective.id, body) : await steeringApi.addObjective(plan.id, body));
    onClose();
  });
  return (
    <Dialog opened onClose={onClose} title={objective ? t('steering.objective.editTitle') : t('steering.objective.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <TextInput label={t('steering.objective.title')} required maxLength={STEERING_TITLE_MAX} {...form.getInputProps('title')} />
          <Textarea
            label={t('steering.objective.description')}
            autosize
            minRows={2}
            maxLength={STEERING_TEXT_MAX}
            {...form.getInputProps('description')}
          />
          <FormActions
            submitting={submitting}
            onCancel={onClose}
            submitLabel={objective ? t('common.save') : t('steering.objective.add')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** An action: title, objective, owner, dates (due after start), budget planned and spent, status, the network's events it led to. */
function ActionDialog({
  plan,
  action,
  objectiveId,
  onClose,
}: {
  plan: ActionPlan;
  action: PlanAction | null;
  objectiveId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const events = useNetworkEvents(plan.networkId, plan.period.from, plan.period.to, true);
  const form = useForm({
    initialValues: {
      title: action?.title ?? '',
      description: action?.description ?? '',
      objectiveId: action?.objectiveId ?? objectiveId ?? '',
      owner: action?.owner ?? '',
      startDate: action?.startDate ?? '',
      dueDate: action?.dueDate ?? '',
      budgetPlanned: (action?.budgetPlanned ?? '') as NumberValue,
      budgetSpent: (action?.budgetSpent ?? '') as NumberValue,
      status: (action?.status ?? 'planned') as ActionStatus,
      eventIds: action?.events.map((e) => e.id) ?? [],
    },
    validate: {
      title: rules.required(t),
      dueDate: (value, values) => (value && values.startDate && value < values.startDate ? t('steering.action.dueBeforeStart') : null),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const body = {
      title: values.title.trim(),
      description: emptyToNull(values.description),
      objectiveId: values.objectiveId || null,
      owner: emptyToNull(values.owner),
      startDate: values.startDate || null,
      dueDate: values.dueDate || null,
      budgetPlanned: toNumberOrNull(values.budgetPlanned),
      budgetSpent: toNumberOrNull(values.budgetSpent),
      status: values.status,
      eventIds: values.eventIds,
    };
    changed(action ? await steeringApi.updateAction(action.id, body) : await steeringApi.addAction(plan.id, body));
    onClose();
  });
  // Linked events stay listed even when outside the year's list.
  const eventOptions = new Map<string, string>();
  for (const event of action?.events ?? []) eventOptions.set(event.id, `${event.title} (${formatDateTime(event.startsAt)})`);
  for (const event of events.data ?? []) eventOptions.set(event.id, `${event.title} (${formatDateTime(event.startsAt)})`);
  return (
    <Dialog opened onClose={onClose} title={action ? t('steering.action.editTitle') : t('steering.action.addTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <TextInput label={t('steering.action.title')} required maxLength={STEERING_TITLE_MAX} {...form.getInputProps('title')} />
          <Textarea
            label={t('steering.action.description')}
            autosize
            minRows={2}
            maxLength={STEERING_TEXT_MAX}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('steering.action.objective')}
              data={[
                { value: '', label: t('steering.action.noObjective') },
                ...plan.objectives.map((o) => ({ value: o.id, label: o.title })),
              ]}
              allowDeselect={false}
              {...form.getInputProps('objectiveId')}
            />
            <TextInput
              label={t('steering.action.owner')}
              description={t('steering.action.ownerHint')}
              maxLength={STEERING_TITLE_MAX}
              {...form.getInputProps('owner')}
            />
            <TextInput type="date" label={t('steering.action.startDate')} {...form.getInputProps('startDate')} />
            <TextInput
              type="date"
              label={t('steering.action.dueDate')}
              min={form.getValues().startDate || undefined}
              {...form.getInputProps('dueDate')}
            />
            <NumberInput
              label={t('steering.action.budgetPlanned')}
              min={0}
              max={STEERING_NUMBER_MAX}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
              suffix=" €"
              {...form.getInputProps('budgetPlanned')}
            />
            <NumberInput
              label={t('steering.action.budgetSpent')}
              min={0}
              max={STEERING_NUMBER_MAX}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
              suffix=" €"
              {...form.getInputProps('budgetSpent')}
            />
            <Select
              label={t('steering.action.status')}
              data={ACTION_STATUSES.map((status) => ({ value: status, label: t(`steering.action.statuses.${status}`) }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('steering.action.events')}
            description={events.isError ? errorMessage(events.error, t) : t('steering.action.eventsHint')}
            placeholder={events.isPending ? t('common.loading') : undefined}
            data={[...eventOptions].map(([value, label]) => ({ value, label }))}
            searchable
            nothingFoundMessage={t('steering.action.noEvents')}
            {...form.getInputProps('eventIds')}
          />
          <FormActions submitting={submitting} onCancel={onClose} submitLabel={action ? t('common.save') : t('steering.action.add')} />
        </Stack>
      </form>
    </Dialog>
  );
}

/** Changes an action's status at once (the most frequent change: marking it done). */
function StatusSelect({ action, disabled }: { action: PlanAction; disabled: boolean }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const update = useMutation({
    mutationFn: (status: ActionStatus) => steeringApi.updateAction(action.id, { status }),
    onSuccess: (plan, status) => {
      changed(plan);
      notify.success(t('steering.action.statusChanged', { title: action.title, status: t(`steering.action.statuses.${status}`) }));
    },
    onError: (error) => notify.error(errorMessage(error, t)),
  });
  return (
    <Select
      aria-label={t('steering.action.statusOf', { title: action.title })}
      size="xs"
      w={150}
      data={ACTION_STATUSES.map((status) => ({ value: status, label: t(`steering.action.statuses.${status}`) }))}
      value={action.status}
      onChange={(value) => value && value !== action.status && update.mutate(value as ActionStatus)}
      allowDeselect={false}
      disabled={disabled || update.isPending}
    />
  );
}

function ActionCard({ plan, action, onEdit }: { plan: ActionPlan; action: PlanAction; onEdit: () => void }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const dates =
    action.startDate || action.dueDate
      ? t('steering.action.dates', { from: formatDay(action.startDate), to: formatDay(action.dueDate) })
      : t('steering.action.noDates');
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      radius="md"
      style={action.late ? { borderColor: 'var(--mantine-color-orange-6)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} td={action.status === 'cancelled' ? 'line-through' : undefined}>
              {action.title}
            </Text>
            <Badge size="sm" variant="filled" color={ACTION_STATUS_COLORS[action.status]}>
              {t(`steering.action.statuses.${action.status}`)}
            </Badge>
            {action.late ? (
              <Badge size="sm" color="red.9" variant="filled">
                {t('steering.action.late')}
              </Badge>
            ) : null}
          </Group>
          {action.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {action.description}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {[
              action.owner ? t('steering.action.ownerValue', { owner: action.owner }) : null,
              dates,
              action.budgetPlanned !== null || action.budgetSpent !== null
                ? t('steering.action.budgetValue', {
                    spent: formatEuros(action.budgetSpent ?? 0),
                    planned: formatEuros(action.budgetPlanned),
                  })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {action.events.length ? (
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {t('steering.action.linkedEvents')}
              </Text>
              {action.events.map((event) => (
                <Anchor key={event.id} component={Link} to={`/evenements/${event.id}`} size="xs">
                  {event.title}
                </Anchor>
              ))}
            </Group>
          ) : null}
        </Stack>
        <Group gap={4} wrap="nowrap">
          <StatusSelect action={action} disabled={!plan.canEdit} />
          {plan.canEdit ? (
            <>
              <Tooltip label={t('common.edit')}>
                <ActionIcon
                  variant="subtle"
                  color="dark"
                  onClick={onEdit}
                  aria-label={t('steering.action.editOf', { title: action.title })}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
              <ConfirmButton
                size="compact-sm"
                variant="subtle"
                color="red"
                aria-label={t('steering.action.deleteOf', { title: action.title })}
                title={t('steering.action.deleteTitle')}
                message={t('steering.action.deleteText', { title: action.title })}
                confirmLabel={t('common.delete')}
                onConfirm={async () => changed(await steeringApi.deleteAction(action.id))}
              >
                <IconTrash size={16} aria-hidden />
              </ConfirmButton>
            </>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}

/** The plan's objectives, each with its actions; actions without objective last. */
export function PlanActions({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const [objectiveDialog, setObjectiveDialog] = useState<PlanObjective | 'new' | null>(null);
  const [actionDialog, setActionDialog] = useState<{ action: PlanAction | null; objectiveId: string | null } | null>(null);
  const groups: { objective: PlanObjective | null; actions: PlanAction[] }[] = [
    ...[...plan.objectives]
      .sort((a, b) => a.position - b.position)
      .map((objective) => ({ objective, actions: plan.actions.filter((a) => a.objectiveId === objective.id) })),
  ];
  const loose = plan.actions.filter((a) => !a.objectiveId || !plan.objectives.some((o) => o.id === a.objectiveId));
  if (loose.length || !plan.objectives.length) groups.push({ objective: null, actions: loose });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-actions">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={4} id="plan-actions">
          {t('steering.action.sectionTitle')}
        </Title>
        {plan.canEdit ? (
          <Group gap="xs">
            <Button size="sm" variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setObjectiveDialog('new')}>
              {t('steering.objective.add')}
            </Button>
            <Button
              size="sm"
              variant="light"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setActionDialog({ action: null, objectiveId: null })}
            >
              {t('steering.action.add')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Stack gap="lg">
        {groups.map(({ objective, actions }) => (
          <Stack
            key={objective?.id ?? 'none'}
            gap="xs"
            component="section"
            aria-label={objective ? t('steering.objective.label', { title: objective.title }) : t('steering.action.noObjectiveGroup')}
          >
            <Group justify="space-between" gap="xs">
              <Stack gap={0}>
                <Title order={5}>{objective ? objective.title : t('steering.action.noObjectiveGroup')}</Title>
                {objective?.description ? (
                  <Text size="sm" c="dimmed">
                    {objective.description}
                  </Text>
                ) : null}
              </Stack>
              {objective && plan.canEdit ? (
                <Group gap={4}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setActionDialog({ action: null, objectiveId: objective.id })}
                    aria-label={t('steering.action.addTo', { title: objective.title })}
                  >
                    {t('steering.action.addShort')}
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="dark"
                    onClick={() => setObjectiveDialog(objective)}
                    aria-label={t('steering.objective.editOf', { title: objective.title })}
                  >
                    <IconPencil size={16} aria-hidden />
                  </ActionIcon>
                  <ConfirmButton
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('steering.objective.deleteOf', { title: objective.title })}
                    title={t('steering.objective.deleteTitle')}
                    message={t('steering.objective.deleteText', { title: objective.title })}
                    confirmLabel={t('common.delete')}
                    onConfirm={async () => changed(await steeringApi.deleteObjective(objective.id))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ConfirmButton>
                </Group>
              ) : null}
            </Group>
            {actions.length ? (
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {actions.map((action) => (
                  <ActionCard
                    key={action.id}
                    plan={plan}
                    action={action}
                    onEdit={() => setActionDialog({ action, objectiveId: action.objectiveId })}
                  />
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('steering.action.none')}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
      {objectiveDialog ? (
        <ObjectiveDialog
          plan={plan}
          objective={objectiveDialog === 'new' ? null : objectiveDialog}
          onClose={() => setObjectiveDialog(null)}
        />
      ) : null}
      {actionDialog ? (
        <ActionDialog
          plan={plan}
          action={actionDialog.action}
          objectiveId={actionDialog.objectiveId}
          onClose={() => setActionDialog(null)}
        />
      ) : null}
    </Paper>
  );
}
