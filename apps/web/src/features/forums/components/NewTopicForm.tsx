import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FORUM_POST_MAX, FORUM_TITLE_MAX, type ForumAttachment, type ForumCategory, type ForumTopic } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, useFormSubmit } from '../../../lib/forms';
import { forumsApi, pollsApi } from '../api/forums.api';
import { mentionSource } from '../hooks/useForum';
import { AttachmentPicker } from './AttachmentPicker';
import { MarkdownEditor } from '../../../components/markdown/MarkdownEditor';
import { EMPTY_POLL, PollFields, pollError, pollRequest, type PollDraft } from './PollFields';

interface NewTopicFormProps {
  networkId: string;
  categories: ForumCategory[];
  defaultCategoryId?: string;
  onCreated: (topic: ForumTopic) => void;
  onCancel: () => void;
}

/** Opens a topic: category, title, first post (Markdown, mentions, attachments). */
export function NewTopicForm({ networkId, categories, defaultCategoryId, onCreated, onCancel }: NewTopicFormProps) {
  const { t } = useTranslation();
  const [attachments, setAttachments] = useState<ForumAttachment[]>([]);
  const [poll, setPoll] = useState<PollDraft>(EMPTY_POLL);
  const [pollErrors, setPollErrors] = useState<Partial<Record<'question' | 'options' | 'closesAt', string>>>({});
  const form = useForm({
    initialValues: { categoryId: defaultCategoryId ?? categories[0]?.id ?? '', title: '', body: '' },
    validate: { categoryId: rules.required(t), title: rules.required(t), body: rules.required(t) },
  });
  const { onSubmit, error } = useFormSubmit(form, async (values) => {
    // The poll is checked before the topic is opened, so that a topic never goes out with a poll left behind.
    const invalid = pollError(poll);
    setPollErrors(invalid ? { [invalid.field]: t(invalid.key) } : {});
    if (invalid) return;
    const topic = await forumsApi.createTopic(networkId, {
      categoryId: values.categoryId,
      title: values.title.trim(),
      body: values.body,
      attachmentIds: attachments.map((a) => a.id),
    });
    if (poll.enabled) await pollsApi.create(topic.id, pollRequest(poll));
    onCreated(topic);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <NativeSelect
          label={t('forums.topic.category')}
          data={categories.map((c) => ({ value: c.id, label: c.name }))}
          withAsterisk
          {...form.getInputProps('categoryId')}
        />
        <TextInput
          label={t('forums.topic.title')}
          maxLength={FORUM_TITLE_MAX}
          withAsterisk
          data-autofocus
          {...form.getInputProps('title')}
        />
        <MarkdownEditor
          label={t('forums.topic.body')}
          value={form.values.body}
          onChange={(body) => form.setFieldValue('body', body)}
          error={form.errors.body}
          maxLength={FORUM_POST_MAX}
          mentions={mentionSource(networkId)}
          minRows={6}
        />
        <AttachmentPicker networkId={networkId} value={attachments} onChange={setAttachments} disabled={form.submitting} />
        <PollFields value={poll} onChange={setPoll} errors={pollErrors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('forums.topic.publish')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
