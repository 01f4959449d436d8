import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  SURVEY_CHOICE_MAX,
  SURVEY_CHOICES_MAX,
  SURVEY_INTRO_MAX,
  SURVEY_LABEL_MAX,
  SURVEY_QUESTION_KINDS,
  SURVEY_QUESTIONS_MAX,
  SURVEY_TITLE_MAX,
  type SurveyAnswerPer,
  type SurveyDraftRequest,
  type SurveyQuestionKind,
  type SurveyView,
} from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingLines } from '../../../components/QueryContent';
import { rules, useFormSubmit } from '../../../lib/forms';
import { surveyKeys, surveysApi } from '../api/surveys.api';

interface QuestionValues {
  key: number;
  kind: SurveyQuestionKind;
  label: string;
  required: boolean;
  /** One choice per line. */
  choices: string;
}

interface Values {
  title: string;
  intro: string;
  closesAt: string;
  answerPer: SurveyAnswerPer;
  audienceKind: 'networks' | 'territory';
  networkIds: string[];
  organizationId: string;
  departements: string[];
  communes: string[];
  resultsShared: boolean;
  /** Days before closing, as the checkbox values. */
  reminderDays: string[];
  questions: QuestionValues[];
}

let nextKey = 1;
const blankQuestion = (kind: SurveyQuestionKind = 'single'): QuestionValues => ({
  key: nextKey++,
  kind,
  label: '',
  required: true,
  choices: '',
});
const isChoice = (kind: SurveyQuestionKind) => kind === 'single' || kind === 'multiple';
/** The reminder moments offered: days before the closing date. */
const REMINDER_CHOICES = [7, 3, 1];
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
/** 'YYYY-MM-DDTHH:mm' in the browser's time zone, for a datetime-local input. */
const localInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function initialValues(survey: SurveyView | null, networkId?: string): Values {
  if (!survey) {
    return {
      title: '',
      intro: '',
      closesAt: '',
      answerPer: 'company',
      audienceKind: 'networks',
      networkIds: networkId ? [networkId] : [],
      organizationId: '',
      departements: [],
      communes: [],
      resultsShared: false,
      reminderDays: [],
      questions: [blankQuestion()],
    };
  }
  const a = survey.audience;
  return {
    title: survey.title,
    intro: survey.intro ?? '',
    closesAt: localInput(survey.closesAt),
    answerPer: survey.answerPer,
    audienceKind: a.kind,
    networkIds: a.kind === 'networks' ? a.networkIds : [],
    organizationId: a.kind === 'territory' ? a.organizationId : '',
    departements: a.kind === 'territory' ? a.departements : [],
    communes: a.kind === 'territory' ? a.communes : [],
    resultsShared: survey.resultsShared,
    reminderDays: survey.reminderDays.map(String),
    questions: survey.questions.map((q) => ({
      key: nextKey++,
      kind: q.kind,
      label: q.label,
      required: q.required,
      choices: q.choices.join('\n'),
    })),
  };
}

function toRequest(v: Values): SurveyDraftRequest {
  return {
    title: v.title.trim(),
    intro: v.intro.trim() || null,
    closesAt: v.closesAt ? new Date(v.closesAt).toISOString() : null,
    answerPer: v.answerPer,
    audience:
      v.audienceKind === 'networks'
        ? { kind: 'networks', networkIds: v.networkIds }
        : { kind: 'territory', organizationId: v.organizationId, departements: v.departements, communes: v.communes },
    questions: v.questions.map((q) => ({
      kind: q.kind,
      label: q.label.trim(),
      required: q.required,
      ...(isChoice(q.kind) ? { choices: lines(q.choices) } : {}),
    })),
    resultsShared: v.resultsShared,
    reminderDays: v.closesAt ? v.reminderDays.map(Number) : [],
  };
}

/** Writes or edits a draft questionnaire: audience, answer mode, closing date, questions of every kind. */
export function SurveyEditor({
  survey,
  initialNetworkId,
  onSaved,
  onCancel,
}: {
  survey: SurveyView | null;
  initialNetworkId?: string;
  onSaved: (saved: SurveyView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const options = useQuery({ queryKey: surveyKeys.options, queryFn: surveysApi.options });
  const form = useForm<Values>({
    initialValues: initialValues(survey, initialNetworkId),
    validate: {
      title: rules.required(t),
      networkIds: (value, v) => (v.audienceKind === 'networks' && !value.length ? t('surveys.editor.chooseNetworks') : null),
      organizationId: (value, v) => (v.audienceKind === 'territory' && !value ? t('validation.required') : null),
      departements: (value, v) =>
        v.audienceKind === 'territory' && !value.length && !v.communes.length ? t('surveys.editor.chooseTerritory') : null,
      closesAt: (value) => (value && new Date(value) <= new Date() ? t('surveys.editor.closesInPast') : null),
      questions: {
        label: rules.required(t),
        choices: (value, v, path) => {
          const index = Number(path.split('.')[1]);
          if (!isChoice(v.questions[index]?.kind ?? 'short_text')) return null;
          const list = lines(value);
          return list.length < 2 || new Set(list).size !== list.length ? t('surveys.editor.choicesHint') : null;
        },
      },
    },
  });
  const { onSubmit, error } = useFormSubmit(form, async (values) => {
    const body = toRequest(values);
    onSaved(survey ? await surveysApi.update(survey.id, body) : await surveysApi.create(body));
  });

  if (options.isPending) return <LoadingLines lines={6} />;
  if (options.error) return <ErrorAlert error={options.error} onRetry={() => void options.refetch()} />;
  const { networks, organizations } = options.data;
  if (!networks.length && !organizations.length) {
    return (
      <Text c="dimmed" role="status">
        {t('surveys.editor.nothingToSurvey')}
      </Text>
    );
  }
  const organization = organizations.find((o) => o.id === form.values.organizationId);
  const questions = form.values.questions;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput label={t('surveys.editor.title')} withAsterisk maxLength={SURVEY_TITLE_MAX} {...form.getInputProps('title')} />
        <Textarea label={t('surveys.editor.intro')} autosize minRows={2} maxLength={SURVEY_INTRO_MAX} {...form.getInputProps('intro')} />

        <Fieldset legend={t('surveys.editor.audience')}>
          <Stack gap="sm">
            {organizations.length && networks.length ? (
              <SegmentedControl
                aria-label={t('surveys.editor.audience')}
                data={[
                  { value: 'networks', label: t('surveys.editor.byNetworks') },
                  { value: 'territory', label: t('surveys.editor.byTerritory') },
                ]}
                {...form.getInputProps('audienceKind')}
              />
            ) : null}
            {form.values.audienceKind === 'networks' && networks.length ? (
              <MultiSelect
                label={t('surveys.editor.networks')}
                withAsterisk
                searchable
                data={networks.map((n) => ({ value: n.id, label: n.name }))}
                {...form.getInputProps('networkIds')}
              />
            ) : (
              <>
                <NativeSelect
                  label={t('surveys.editor.organization')}
                  withAsterisk
                  data={[
                    { value: '', label: t('surveys.editor.chooseOrganization') },
                    ...organizations.map((o) => ({ value: o.id, label: o.name })),
                  ]}
                  {...form.getInputProps('organizationId')}
                />
                <MultiSelect
                  label={t('surveys.editor.departements')}
                  description={
                    organization ? t('surveys.editor.departementsHint', { list: organization.departements.join(', ') }) : undefined
                  }
                  data={organization?.departements ?? []}
                  disabled={!organization}
                  {...form.getInputProps('departements')}
                />
                <TagsInput
                  label={t('surveys.editor.communes')}
                  description={t('surveys.editor.communesHint')}
                  disabled={!organization}
                  {...form.getInputProps('communes')}
                />
              </>
            )}
            <Radio.Group label={t('surveys.editor.answerPer')} {...form.getInputProps('answerPer')}>
              <Stack gap="xs" mt="xs">
                <Radio value="company" label={t('surveys.answerPer.company')} />
                <Radio value="person" label={t('surveys.answerPer.person')} />
              </Stack>
            </Radio.Group>
            <TextInput
              type="datetime-local"
              label={t('surveys.editor.closesAt')}
              description={t('surveys.editor.closesAtHint')}
              {...form.getInputProps('closesAt')}
            />
            <Checkbox.Group
              label={t('surveys.editor.reminders')}
              description={form.values.closesAt ? t('surveys.editor.remindersHint') : t('surveys.editor.remindersNeedClosing')}
              {...form.getInputProps('reminderDays')}
            >
              <Group gap="md" mt="xs">
                {REMINDER_CHOICES.map((days) => (
                  <Checkbox
                    key={days}
                    value={String(days)}
                    disabled={!form.values.closesAt}
                    label={t('surveys.editor.reminderDays', { count: days })}
                  />
                ))}
              </Group>
            </Checkbox.Group>
            <Checkbox label={t('surveys.editor.resultsShared')} {...form.getInputProps('resultsShared', { type: 'checkbox' })} />
          </Stack>
        </Fieldset>

        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('surveys.editor.questions')}>
          {questions.map((q, index) => (
            <Paper component="li" key={q.key} withBorder p="sm" radius="md">
              <Fieldset legend={t('surveys.editor.questionN', { n: index + 1 })} variant="unstyled">
                <Stack gap="xs">
                  <Group gap="xs" align="flex-end" wrap="wrap">
                    <NativeSelect
                      label={t('surveys.editor.kind')}
                      data={SURVEY_QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))}
                      {...form.getInputProps(`questions.${index}.kind`)}
                    />
                    <Checkbox
                      label={t('surveys.editor.required')}
                      mb={8}
                      {...form.getInputProps(`questions.${index}.required`, { type: 'checkbox' })}
                    />
                    <Group gap={4} ml="auto" mb={4}>
                      <ActionIcon
                        variant="subtle"
                        color="dark"
                        disabled={index === 0}
                        aria-label={t('surveys.editor.moveUp', { n: index + 1 })}
                        onClick={() => form.reorderListItem('questions', { from: index, to: index - 1 })}
                      >
                        <IconArrowUp size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="dark"
                        disabled={index === questions.length - 1}
                        aria-label={t('surveys.editor.moveDown', { n: index + 1 })}
                        onClick={() => form.reorderListItem('questions', { from: index, to: index + 1 })}
                      >
                        <IconArrowDown size={16} aria-hidden />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        disabled={questions.length === 1}
                        aria-label={t('surveys.editor.remove', { n: index + 1 })}
                        onClick={() => form.removeListItem('questions', index)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                  <TextInput
                    label={t('surveys.editor.label')}
                    withAsterisk
                    maxLength={SURVEY_LABEL_MAX}
                    {...form.getInputProps(`questions.${index}.label`)}
                  />
                  {isChoice(q.kind) ? (
                    <Textarea
                      label={t('surveys.editor.choices')}
                      description={t('surveys.editor.choicesHint')}
                      withAsterisk
                      autosize
                      minRows={3}
                      maxLength={SURVEY_CHOICES_MAX * (SURVEY_CHOICE_MAX + 1)}
                      {...form.getInputProps(`questions.${index}.choices`)}
                    />
                  ) : null}
                </Stack>
              </Fieldset>
            </Paper>
          ))}
        </Stack>
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={questions.length >= SURVEY_QUESTIONS_MAX}
            onClick={() => form.insertListItem('questions', blankQuestion())}
          >
            {t('surveys.editor.addQuestion')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('surveys.editor.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
