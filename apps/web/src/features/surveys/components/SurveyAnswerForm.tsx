import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  SURVEY_LONG_TEXT_MAX,
  SURVEY_SHORT_TEXT_MAX,
  type SurveyAnswerValue,
  type SurveyQuestion,
  type SurveyView,
} from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { surveysApi } from '../api/surveys.api';

type Draft = Record<string, SurveyAnswerValue>;

const isEmpty = (v: SurveyAnswerValue | undefined) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The respondent's answer sheet: one field per question, required ones checked before sending. */
export function SurveyAnswerForm({ survey, onAnswered }: { survey: SurveyView; onAnswered: (next: SurveyView) => void }) {
  const { t } = useTranslation();
  const pending = survey.companies.filter((c) => !c.answered);
  const [companyId, setCompanyId] = useState(pending[0]?.id ?? '');
  const [values, setValues] = useState<Draft>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const set = (id: string, value: SurveyAnswerValue) => {
    setValues((v) => ({ ...v, [id]: value }));
    // The question's "required" message goes as soon as it has an answer.
    if (!isEmpty(value)) setMissing((m) => (m.has(id) ? new Set([...m].filter((x) => x !== id)) : m));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const empty = new Set(survey.questions.filter((q) => q.required && isEmpty(values[q.id])).map((q) => q.id));
    setMissing(empty);
    if (empty.size) {
      document.getElementById(`question-${[...empty][0]}`)?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      const answers = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, isEmpty(v) ? null : v]));
      onAnswered(await surveysApi.answer(survey.id, { companyId: survey.answerPer === 'company' ? companyId || null : null, answers }));
    } catch (caught) {
      setError(caught);
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="lg">
        {survey.answerPer === 'company' && pending.length > 1 ? (
          <NativeSelect
            label={t('surveys.answer.forCompany')}
            data={pending.map((c) => ({ value: c.id, label: c.name }))}
            value={companyId}
            onChange={(e) => setCompanyId(e.currentTarget.value)}
          />
        ) : survey.answerPer === 'company' && pending[0] ? (
          <Text size="sm">{t('surveys.answer.onBehalfOf', { company: pending[0].name })}</Text>
        ) : null}
        {survey.questions.map((q, index) => (
          <QuestionField
            key={q.id}
            question={q}
            index={index}
            value={values[q.id] ?? null}
            onChange={(v) => set(q.id, v)}
            error={missing.has(q.id) ? t('surveys.answer.required') : undefined}
          />
        ))}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button type="submit" loading={sending}>
            {t('surveys.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QuestionField({
  question: q,
  index,
  value,
  onChange,
  error,
}: {
  question: SurveyQuestion;
  index: number;
  value: SurveyAnswerValue;
  onChange: (v: SurveyAnswerValue) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const label = `${index + 1}. ${q.label}`;
  const id = `question-${q.id}`;
  switch (q.kind) {
    case 'single':
      return (
        <Radio.Group
          id={id}
          label={label}
          withAsterisk={q.required}
          error={error}
          value={value === null ? null : String(value)}
          onChange={(v) => onChange(Number(v))}
        >
          <Stack gap="xs" mt="xs">
            {q.choices.map((c, i) => (
              <Radio key={c} value={String(i)} label={c} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group
          id={id}
          label={label}
          withAsterisk={q.required}
          error={error}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(v) => onChange(v.map(Number))}
        >
          <Stack gap="xs" mt="xs">
            {q.choices.map((c, i) => (
              <Checkbox key={c} value={String(i)} label={c} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'scale':
      return (
        <Radio.Group
          id={id}
          label={label}
          description={t('surveys.answer.scaleHint')}
          withAsterisk={q.required}
          error={error}
          value={value === null ? null : String(value)}
          onChange={(v) => onChange(Number(v))}
        >
          <Group gap="lg" mt="xs">
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'number':
      return (
        <NumberInput
          id={id}
          label={label}
          withAsterisk={q.required}
          error={error}
          decimalSeparator=","
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
        />
      );
    case 'short_text':
      return (
        <TextInput
          id={id}
          label={label}
          withAsterisk={q.required}
          error={error}
          maxLength={SURVEY_SHORT_TEXT_MAX}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          id={id}
          label={label}
          withAsterisk={q.required}
          error={error}
          autosize
          minRows={3}
          maxLength={SURVEY_LONG_TEXT_MAX}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
