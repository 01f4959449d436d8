import '@mantine/dates/styles.css';
import 'dayjs/locale/fr';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, DatesProvider, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  AGENDA_QUESTIONS_MAX,
  AGENDA_RECURRENCE_COUNT_MAX,
  type AgendaEvent,
  type AgendaEventFormat,
  type AgendaEventInput,
  type AgendaQuestionKind,
  type CommuneRef,
} from '@maillage/contracts';
import { CommuneSelect } from '../../../components/CommuneSelect';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { toParisWallClock, wallClockToApi } from '../hooks/time';

const TIME = /^\d{2}:\d{2}$/;

/** Typed dates: '08/12/2026' (or an ISO date) → '2026-12-08'; null when it is no date. */
export function parseFrenchDate(input: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim());
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim());
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

interface QuestionValues {
  id?: string;
  kind: AgendaQuestionKind;
  label: string;
  required: boolean;
  choices: string;
}

export interface EventFormValues {
  title: string;
  description: string;
  format: AgendaEventFormat;
  address: string;
  commune: CommuneRef | null;
  onlineUrl: string;
  /** 'YYYY-MM-DD' and 'HH:mm', Europe/Paris. */
  startDate: string | null;
  startTime: string;
  endDate: string | null;
  endTime: string;
  capacity: number | string;
  deadlineDate: string | null;
  questions: QuestionValues[];
  repeat: 'none' | 'weekly' | 'monthly';
  repeatCount: number | string;
  draft: boolean;
  /** Other networks sharing the event (managers). */
  sharedNetworkIds: string[];
}

function initialValues(event: AgendaEvent | undefined): EventFormValues {
  return {
    title: event?.title ?? '',
    description: event?.description ?? '',
    format: event?.format ?? 'in_person',
    address: event?.address ?? '',
    commune:
      event?.communeCode && event.communeName
        ? {
            code: event.communeCode,
            name: event.communeName,
            postalCodes: [],
            departement: { code: event.departementCode ?? '', name: '' },
            region: { code: '', name: '' },
          }
        : null,
    onlineUrl: event?.onlineUrl ?? '',
    startDate: event ? toParisWallClock(event.startsAt).slice(0, 10) : null,
    startTime: event ? toParisWallClock(event.startsAt).slice(11, 16) : '18:00',
    endDate: event ? toParisWallClock(event.endsAt).slice(0, 10) : null,
    endTime: event ? toParisWallClock(event.endsAt).slice(11, 16) : '20:00',
    capacity: event?.capacity ?? '',
    deadlineDate: event?.registrationDeadline ? toParisWallClock(event.registrationDeadline).slice(0, 10) : null,
    questions: (event?.questions ?? []).map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      choices: q.choices.join(', '),
    })),
    repeat: 'none',
    repeatCount: 4,
    draft: false,
    sharedNetworkIds: (event?.sharedWith ?? []).map((n) => n.id),
  };
}

/** The API's input; times are Europe/Paris wall-clock times (the API reads them so). */
export function toEventInput(values: EventFormValues, creating: boolean, sharing = false): AgendaEventInput {
  const online = values.format === 'online';
  return {
    title: values.title.trim(),
    description: emptyToNull(values.description),
    format: values.format,
    address: online ? null : emptyToNull(values.address),
    communeCode: online ? null : (values.commune?.code ?? null),
    onlineUrl: online ? emptyToNull(values.onlineUrl) : null,
    startsAt: wallClockToApi(`${values.startDate} ${values.startTime}`),
    endsAt: wallClockToApi(`${values.endDate ?? values.startDate} ${values.endTime}`),
    capacity: values.capacity === '' ? null : Number(values.capacity),
    // The deadline is the end of the chosen day (or the start, when the event begins that day).
    registrationDeadline: values.deadlineDate
      ? wallClockToApi(
          values.deadlineDate === values.startDate ? `${values.startDate} ${values.startTime}` : `${values.deadlineDate} 23:59`,
        )
      : null,
    questions: values.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      label: q.label.trim(),
      required: q.required,
      choices:
        q.kind === 'choice'
          ? q.choices
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean)
          : [],
    })),
    ...(sharing ? { sharedNetworkIds: values.sharedNetworkIds } : {}),
    ...(creating
      ? {
          status: values.draft ? ('draft' as const) : ('published' as const),
          recurrence: values.repeat === 'none' ? null : { frequency: values.repeat, count: Number(values.repeatCount) },
        }
      : {}),
  };
}

interface EventFormProps {
  /** Absent: a new event. */
  event?: AgendaEvent;
  /** Managers publish or keep a draft; members propose. */
  canPublish: boolean;
  /** The other networks the manager may share the event with (none: no choice shown). */
  shareTargets?: { id: string; name: string }[];
  onSubmit: (input: AgendaEventInput) => Promise<unknown>;
  onCancel: () => void;
}

/** Creates or edits an event: what, where (a place with its commune, or online), when (Europe/Paris), registration. */
export function EventForm({ event, canPublish, shareTargets = [], onSubmit: save, onCancel }: EventFormProps) {
  const { t, i18n } = useTranslation();
  const creating = !event;
  const form = useForm<EventFormValues>({
    initialValues: initialValues(event),
    validate: {
      title: rules.required(t),
      startDate: rules.required(t),
      startTime: (value) => (TIME.test(value) ? null : t('validation.required')),
      endTime: (value, values) =>
        !TIME.test(value)
          ? t('validation.required')
          : `${values.endDate ?? values.startDate} ${value}` <= `${values.startDate} ${values.startTime}`
            ? t('agenda.form.endBeforeStart')
            : null,
      commune: (value, values) => (values.format === 'in_person' && !value ? t('validation.required') : null),
      address: (value, values) => (values.format === 'in_person' ? rules.required(t)(value) : null),
      onlineUrl: (value, values) =>
        values.format === 'online'
          ? (rules.required(t)(value) ?? (/^https:\/\/\S+\.\S+/.test(value.trim()) ? null : t('agenda.form.httpsOnly')))
          : null,
    },
  });
  // Networks it is shared with stay listed (an edit keeps them), even those the manager no longer manages.
  const shareChoices = [...shareTargets, ...(event?.sharedWith ?? []).filter((n) => !shareTargets.some((t) => t.id === n.id))].map((n) => ({
    value: n.id,
    label: n.name,
  }));
  const sharing = canPublish && shareChoices.length > 0;
  const { onSubmit, error, submitting } = useFormSubmit(form, (values) => save(toEventInput(values, creating, sharing)), {
    fieldAliases: { communeCode: 'commune', registrationDeadline: 'deadlineDate', startsAt: 'startDate', endsAt: 'endTime' },
  });
  const online = form.values.format === 'online';
  return (
    <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'fr', firstDayOfWeek: 1 }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          <ErrorAlert error={error} />
          <Fieldset legend={t('agenda.form.what')}>
            <Stack gap="sm">
              <TextInput label={t('agenda.fields.title')} required maxLength={200} {...form.getInputProps('title')} />
              <Textarea
                label={t('agenda.fields.description')}
                description={t('agenda.form.markdownHint')}
                autosize
                minRows={4}
                maxRows={14}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('agenda.form.when')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('agenda.form.parisTime')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateInput
                  label={t('agenda.fields.startDate')}
                  required
                  valueFormat="DD/MM/YYYY"
                  placeholder={t('agenda.form.datePlaceholder')}
                  dateParser={parseFrenchDate}
                  {...form.getInputProps('startDate')}
                />
                <TimeInput label={t('agenda.fields.startTime')} required {...form.getInputProps('startTime')} />
                <DateInput
                  label={t('agenda.fields.endDate')}
                  description={t('agenda.form.endDateHint')}
                  valueFormat="DD/MM/YYYY"
                  placeholder={t('agenda.form.datePlaceholder')}
                  dateParser={parseFrenchDate}
                  clearable
                  {...form.getInputProps('endDate')}
                />
                <TimeInput label={t('agenda.fields.endTime')} required {...form.getInputProps('endTime')} />
              </SimpleGrid>
              {creating ? (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('agenda.fields.repeat')}
                    data={(['none', 'weekly', 'monthly'] as const).map((value) => ({ value, label: t(`agenda.repeat.${value}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps('repeat')}
                  />
                  {form.values.repeat !== 'none' ? (
                    <NumberInput
                      label={t('agenda.fields.repeatCount')}
                      min={2}
                      max={AGENDA_RECURRENCE_COUNT_MAX}
                      allowDecimal={false}
                      {...form.getInputProps('repeatCount')}
                    />
                  ) : null}
                </SimpleGrid>
              ) : null}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('agenda.form.where')}>
            <Stack gap="sm">
              <SegmentedControl
                aria-label={t('agenda.fields.format')}
                data={(['in_person', 'online'] as const).map((value) => ({ value, label: t(`agenda.formats.${value}`) }))}
                {...form.getInputProps('format')}
              />
              {online ? (
                <TextInput
                  label={t('agenda.fields.onlineUrl')}
                  description={t('agenda.form.linkHint')}
                  required
                  type="url"
                  placeholder="https://"
                  {...form.getInputProps('onlineUrl')}
                />
              ) : (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={t('agenda.fields.address')} required maxLength={300} {...form.getInputProps('address')} />
                  <CommuneSelect
                    label={t('agenda.fields.commune')}
                    required
                    selected={form.values.commune}
                    onSelect={(commune) => form.setFieldValue('commune', commune)}
                    error={form.errors.commune}
                  />
                </SimpleGrid>
              )}
            </Stack>
          </Fieldset>
          <Fieldset legend={t('agenda.form.registration')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('agenda.fields.capacity')}
                  description={t('agenda.form.capacityHint')}
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps('capacity')}
                />
                <DateInput
                  label={t('agenda.fields.registrationDeadline')}
                  valueFormat="DD/MM/YYYY"
                  placeholder={t('agenda.form.datePlaceholder')}
                  dateParser={parseFrenchDate}
                  clearable
                  {...form.getInputProps('deadlineDate')}
                />
              </SimpleGrid>
              {form.values.questions.map((question, index) => (
                <Group key={index} align="flex-end" wrap="wrap" gap="xs">
                  <Select
                    label={t('agenda.fields.questionKind')}
                    w={130}
                    data={(['text', 'choice'] as const).map((value) => ({ value, label: t(`agenda.questionKinds.${value}`) }))}
                    allowDeselect={false}
                    {...form.getInputProps(`questions.${index}.kind`)}
                  />
                  <TextInput
                    label={t('agenda.fields.questionLabel')}
                    required
                    style={{ flex: '1 1 12rem' }}
                    {...form.getInputProps(`questions.${index}.label`)}
                  />
                  {question.kind === 'choice' ? (
                    <TextInput
                      label={t('agenda.fields.choices')}
                      placeholder={t('agenda.form.choicesHint')}
                      style={{ flex: '1 1 12rem' }}
                      {...form.getInputProps(`questions.${index}.choices`)}
                    />
                  ) : null}
                  <Checkbox
                    label={t('agenda.fields.required')}
                    mb={8}
                    {...form.getInputProps(`questions.${index}.required`, { type: 'checkbox' })}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    aria-label={t('agenda.form.removeQuestion', { n: index + 1 })}
                    onClick={() => form.removeListItem('questions', index)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {form.values.questions.length < AGENDA_QUESTIONS_MAX ? (
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => form.insertListItem('questions', { kind: 'text', label: '', required: false, choices: '' })}
                >
                  {t('agenda.form.addQuestion')}
                </Button>
              ) : null}
            </Stack>
          </Fieldset>
          {sharing ? (
            <MultiSelect
              label={t('agenda.fields.sharedWith')}
              description={t('agenda.form.sharedWithHint')}
              data={shareChoices}
              searchable
              clearable
              {...form.getInputProps('sharedNetworkIds')}
            />
          ) : null}
          {creating && canPublish ? (
            <Checkbox label={t('agenda.form.saveAsDraft')} {...form.getInputProps('draft', { type: 'checkbox' })} />
          ) : null}
          {creating && !canPublish ? (
            <Text size="sm" c="dimmed">
              {t('agenda.form.proposalHint')}
            </Text>
          ) : null}
          <FormActions
            submitting={submitting}
            onCancel={onCancel}
            submitLabel={creating ? (canPublish ? t('agenda.form.create') : t('agenda.form.propose')) : undefined}
          />
        </Stack>
      </form>
    </DatesProvider>
  );
}
