import { Checkbox, Fieldset, Radio, Stack, Switch, Group, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  POLL_OPTION_MAX,
  POLL_OPTIONS_MAX,
  POLL_QUESTION_MAX,
  type CreatePollRequest,
  type PollResultsVisibility,
} from '@maillage/contracts';

export interface PollDraft {
  enabled: boolean;
  question: string;
  /** One option per line. */
  options: string;
  multiple: boolean;
  closesAt: string;
  resultsVisibility: PollResultsVisibility;
}

export const EMPTY_POLL: PollDraft = {
  enabled: false,
  question: '',
  options: '',
  multiple: false,
  closesAt: '',
  resultsVisibility: 'after_vote',
};

/** The options typed one per line, trimmed, without blank lines. */
export const pollOptions = (draft: PollDraft) =>
  draft.options
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

/** A client-side check of the poll (the API checks again): an error key, or null. */
export function pollError(draft: PollDraft): { field: 'question' | 'options' | 'closesAt'; key: string } | null {
  if (!draft.enabled) return null;
  if (!draft.question.trim()) return { field: 'question', key: 'validation.required' };
  const options = pollOptions(draft);
  if (options.length < 2 || options.length > POLL_OPTIONS_MAX) return { field: 'options', key: 'polls.form.optionsCount' };
  if (new Set(options.map((o) => o.toLocaleLowerCase())).size !== options.length)
    return { field: 'options', key: 'polls.form.optionsDistinct' };
  if (draft.closesAt && new Date(draft.closesAt) <= new Date()) return { field: 'closesAt', key: 'polls.form.closesInPast' };
  return null;
}

export function pollRequest(draft: PollDraft): CreatePollRequest {
  return {
    question: draft.question.trim(),
    options: pollOptions(draft),
    multiple: draft.multiple,
    closesAt: draft.closesAt ? new Date(draft.closesAt).toISOString() : null,
    resultsVisibility: draft.resultsVisibility,
  };
}

/** The optional poll of a new topic (in the topic composer). */
export function PollFields({
  value,
  onChange,
  errors,
}: {
  value: PollDraft;
  onChange: (next: PollDraft) => void;
  errors: Partial<Record<'question' | 'options' | 'closesAt', string>>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PollDraft>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Switch label={t('polls.form.add')} checked={value.enabled} onChange={(e) => set({ enabled: e.currentTarget.checked })} />
      {value.enabled ? (
        <Fieldset legend={t('polls.form.legend')}>
          <Stack gap="sm">
            <TextInput
              label={t('polls.form.question')}
              withAsterisk
              maxLength={POLL_QUESTION_MAX}
              value={value.question}
              error={errors.question}
              onChange={(e) => set({ question: e.currentTarget.value })}
            />
            <Textarea
              label={t('polls.form.options')}
              description={t('polls.form.optionsHint', { max: POLL_OPTIONS_MAX })}
              withAsterisk
              autosize
              minRows={3}
              maxLength={POLL_OPTIONS_MAX * (POLL_OPTION_MAX + 1)}
              value={value.options}
              error={errors.options}
              onChange={(e) => set({ options: e.currentTarget.value })}
            />
            <Checkbox
              label={t('polls.form.multiple')}
              checked={value.multiple}
              onChange={(e) => set({ multiple: e.currentTarget.checked })}
            />
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                type="datetime-local"
                label={t('polls.form.closesAt')}
                description={t('polls.form.closesAtHint')}
                value={value.closesAt}
                error={errors.closesAt}
                onChange={(e) => set({ closesAt: e.currentTarget.value })}
              />
            </Group>
            <Radio.Group
              label={t('polls.form.results')}
              value={value.resultsVisibility}
              onChange={(v) => set({ resultsVisibility: v as PollResultsVisibility })}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="after_vote" label={t('polls.form.afterVote')} />
                <Radio value="after_close" label={t('polls.form.afterClose')} />
              </Stack>
            </Radio.Group>
          </Stack>
        </Fieldset>
      ) : null}
    </Stack>
  );
}
