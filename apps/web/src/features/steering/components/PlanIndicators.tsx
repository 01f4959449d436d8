import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  INDICATOR_SOURCES,
  STEERING_COMMENT_MAX,
  STEERING_NUMBER_MAX,
  STEERING_TITLE_MAX,
  STEERING_UNIT_MAX,
  type ActionPlan,
  type IndicatorSource,
  type PlanIndicator,
} from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { steeringApi } from '../api/steering.api';
import { formatDay, formatNumber, formatShare, todayInParis } from '../hooks/format';
import { usePlanChanged } from '../hooks/useSteering';

/** A number field's value: '' (empty) or a number. */
type NumberValue = number | string;
const toNumberOrNull = (value: NumberValue): number | null => (value === '' || value === null ? null : Number(value));

/** The value as the indicator's unit reads: '12 entreprises', '45 %'. */
export function formatIndicatorValue(value: number | null, unit: string | null): string {
  if (value === null) return '—';
  const number = formatNumber(value, 2);
  return unit ? `${number} ${unit}` : number;
}

/** The progress against target, as a bar and a percentage; '—' without target or actual. */
export function IndicatorProgress({ indicator }: { indicator: Pick<PlanIndicator, 'progress' | 'label'> }) {
  const { t } = useTranslation();
  if (indicator.progress === null) return <Text size="sm">—</Text>;
  const value = Math.round(Math.min(1, indicator.progress) * 100);
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: '8rem' }}>
      <Progress
        value={value}
        style={{ flex: 1 }}
        color={indicator.progress >= 1 ? 'teal' : 'blue'}
        aria-label={t('steering.indicator.progressOf', { label: indicator.label })}
      />
      <Text size="sm" fw={600}>
        {formatShare(indicator.progress)}
      </Text>
    </Group>
  );
}

function IndicatorDialog({ plan, indicator, onClose }: { plan: ActionPlan; indicator: PlanIndicator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const form = useForm({
    initialValues: {
      label: indicator?.label ?? '',
      source: (indicator?.source ?? 'members') as IndicatorSource,
      unit: indicator?.unit ?? '',
      target: (indicator?.target ?? '') as NumberValue,
      objectiveId: indicator?.objectiveId ?? '',
    },
    validate: { label: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const body = {
      label: values.label.trim(),
      unit: emptyToNull(values.unit),
      target: toNumberOrNull(values.target),
      objectiveId: values.objectiveId || null,
    };
    changed(
      indicator
        ? await steeringApi.updateIndicator(indicator.id, body)
        : await steeringApi.addIndicator(plan.id, { ...body, source: values.source }),
    );
    onClose();
  });
  const source = form.getValues().source;
  return (
    <Dialog opened onClose={onClose} title={indicator ? t('steering.indicator.editTitle') : t('steering.indicator.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <TextInput label={t('steering.indicator.label')} required maxLength={STEERING_TITLE_MAX} {...form.getInputProps('label')} />
          <Select
            label={t('steering.indicator.source')}
            description={
              indicator
                ? t('steering.indicator.sourceFixed')
                : t(`steering.indicator.sourceHints.${source === 'manual' ? 'manual' : 'computed'}`)
            }
            data={[
              {
                group: t('steering.indicator.computedGroup'),
                items: INDICATOR_SOURCES.filter((s) => s !== 'manual').map((s) => ({
                  value: s,
                  label: t(`steering.indicator.sources.${s}`),
                })),
              },
              { group: t('steering.indicator.manualGroup'), items: [{ value: 'manual', label: t('steering.indicator.sources.manual') }] },
            ]}
            disabled={!!indicator}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('steering.indicator.target')}
              min={0}
              max={STEERING_NUMBER_MAX}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
              {...form.getInputProps('target')}
            />
            <TextInput
              label={t('steering.indicator.unit')}
              placeholder={t(`steering.indicator.units.${source}`)}
              maxLength={STEERING_UNIT_MAX}
              {...form.getInputProps('unit')}
            />
          </Group>
          {plan.objectives.length ? (
            <Select
              label={t('steering.indicator.objective')}
              data={[
                { value: '', label: t('steering.action.noObjective') },
                ...plan.objectives.map((o) => ({ value: o.id, label: o.title })),
              ]}
              allowDeselect={false}
              {...form.getInputProps('objectiveId')}
            />
          ) : null}
          <FormActions
            submitting={submitting}
            onCancel={onClose}
            submitLabel={indicator ? t('common.save') : t('steering.indicator.add')}
          />
        </Stack>
      </form>
    </Dialog>
  );
}

/** A value typed by hand (manual indicators): value, date (not in the future), comment. */
function EntryDialog({ indicator, onClose }: { indicator: PlanIndicator; onClose: () => void }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const today = todayInParis();
  const form = useForm({
    initialValues: { value: '' as NumberValue, date: today, comment: '' },
    validate: {
      value: (value) => (value === '' ? t('validation.required') : null),
      date: (value) => (!value ? t('validation.required') : value > today ? t('steering.indicator.futureDate') : null),
    },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    changed(
      await steeringApi.addEntry(indicator.id, { value: Number(values.value), date: values.date, comment: emptyToNull(values.comment) }),
    );
    onClose();
  });
  return (
    <Dialog opened onClose={onClose} title={t('steering.indicator.entryTitle', { label: indicator.label })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} />
          <Group grow align="flex-start">
            <NumberInput
              label={t('steering.indicator.value')}
              required
              min={0}
              max={STEERING_NUMBER_MAX}
              decimalScale={2}
              decimalSeparator=","
              thousandSeparator=" "
              rightSection={indicator.unit ? <Text size="xs">{indicator.unit}</Text> : undefined}
              rightSectionWidth={indicator.unit ? 80 : undefined}
              {...form.getInputProps('value')}
            />
            <TextInput type="date" label={t('steering.indicator.date')} required max={today} {...form.getInputProps('date')} />
          </Group>
          <Textarea
            label={t('steering.indicator.comment')}
            autosize
            minRows={2}
            maxLength={STEERING_COMMENT_MAX}
            {...form.getInputProps('comment')}
          />
          <FormActions submitting={submitting} onCancel={onClose} submitLabel={t('steering.indicator.record')} />
        </Stack>
      </form>
    </Dialog>
  );
}

function Entries({ indicator, canEdit }: { indicator: PlanIndicator; canEdit: boolean }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  if (!indicator.entries.length) return null;
  return (
    <details>
      <summary>
        <Text span size="xs">
          {t('steering.indicator.entries', { count: indicator.entries.length })}
        </Text>
      </summary>
      <Stack gap={4} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {indicator.entries.map((entry) => (
          <Group key={entry.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="xs" style={{ flex: 1 }}>
              <strong>{formatIndicatorValue(entry.value, indicator.unit)}</strong> · {formatDay(entry.date)}
              {entry.author ? ` · ${entry.author.name}` : ''}
              {entry.comment ? ` — ${entry.comment}` : ''}
            </Text>
            {canEdit ? (
              <ConfirmButton
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={t('steering.indicator.deleteEntry', { date: formatDay(entry.date) })}
                title={t('steering.indicator.deleteEntryTitle')}
                message={t('steering.indicator.deleteEntryText')}
                confirmLabel={t('common.delete')}
                onConfirm={async () => changed(await steeringApi.deleteEntry(entry.id))}
              >
                <IconTrash size={14} aria-hidden />
              </ConfirmButton>
            ) : null}
          </Group>
        ))}
      </Stack>
    </details>
  );
}

/** The plan's indicators: target, actual (computed from activity or typed by hand), progress. */
export function PlanIndicators({ plan }: { plan: ActionPlan }) {
  const { t } = useTranslation();
  const changed = usePlanChanged();
  const [editing, setEditing] = useState<PlanIndicator | 'new' | null>(null);
  const [entering, setEntering] = useState<PlanIndicator | null>(null);
  const objective = (id: string | null) => plan.objectives.find((o) => o.id === id)?.title;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-indicators">
      <Group justify="space-between" mb="sm">
        <Title order={4} id="plan-indicators">
          {t('steering.indicator.title')}
        </Title>
        {plan.canEdit ? (
          <Button size="sm" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('steering.indicator.add')}
          </Button>
        ) : null}
      </Group>
      {plan.indicators.length ? (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('steering.indicator.label')}</Table.Th>
                <Table.Th scope="col">{t('steering.indicator.target')}</Table.Th>
                <Table.Th scope="col">{t('steering.indicator.actual')}</Table.Th>
                <Table.Th scope="col">{t('steering.indicator.progress')}</Table.Th>
                {plan.canEdit ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.indicators.map((indicator) => (
                <Table.Tr key={indicator.id}>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text fw={600} size="sm">
                      {indicator.label}
                    </Text>
                    <Group gap={4} mt={2}>
                      <Badge size="sm" variant="outline" color={indicator.source === 'manual' ? 'grape.9' : 'cyan.9'}>
                        {indicator.source === 'manual'
                          ? t('steering.indicator.manual')
                          : t('steering.indicator.computed', { source: t(`steering.indicator.sources.${indicator.source}`) })}
                      </Badge>
                      {objective(indicator.objectiveId) ? (
                        <Text size="xs" c="dimmed">
                          {objective(indicator.objectiveId)}
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{formatIndicatorValue(indicator.target, indicator.unit)}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={600}>
                      {formatIndicatorValue(indicator.actual, indicator.unit)}
                    </Text>
                    {indicator.source === 'manual' ? <Entries indicator={indicator} canEdit={plan.canEdit} /> : null}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <IndicatorProgress indicator={indicator} />
                  </Table.Td>
                  {plan.canEdit ? (
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Group gap={4} wrap="nowrap">
                        {indicator.source === 'manual' ? (
                          <Button
                            size="compact-sm"
                            variant="light"
                            onClick={() => setEntering(indicator)}
                            aria-label={t('steering.indicator.enterFor', { label: indicator.label })}
                          >
                            {t('steering.indicator.enter')}
                          </Button>
                        ) : null}
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon
                            variant="subtle"
                            color="dark"
                            onClick={() => setEditing(indicator)}
                            aria-label={t('steering.indicator.editOf', { label: indicator.label })}
                          >
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <ConfirmButton
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={t('steering.indicator.deleteOf', { label: indicator.label })}
                          title={t('steering.indicator.deleteTitle')}
                          message={t('steering.indicator.deleteText', { label: indicator.label })}
                          confirmLabel={t('common.delete')}
                          onConfirm={async () => changed(await steeringApi.deleteIndicator(indicator.id))}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm">{t('steering.indicator.none')}</Text>
      )}
      {editing ? <IndicatorDialog plan={plan} indicator={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {entering ? <EntryDialog indicator={entering} onClose={() => setEntering(null)} /> : null}
    </Paper>
  );
}
