import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORUM_CATEGORY_DESCRIPTION_MAX, FORUM_CATEGORY_NAME_MAX, type ForumCategory, type ForumCategoryInput } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { errorMessage } from '../../../lib/errors';
import { emptyToNull, rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { forumsApi } from '../api/forums.api';
import { useRefreshForum } from '../hooks/useForum';

interface CategoryFormProps {
  initial?: ForumCategory;
  submitLabel?: string;
  onSubmit: (input: ForumCategoryInput) => Promise<unknown>;
  onCancel?: () => void;
}

function CategoryForm({ initial, submitLabel, onSubmit, onCancel }: CategoryFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: initial?.name ?? '', description: initial?.description ?? '' },
    validate: { name: rules.required(t) },
  });
  const submit = useFormSubmit(form, async (values) => {
    await onSubmit({ name: values.name.trim(), description: emptyToNull(values.description) });
    if (!initial) form.reset();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="xs">
        <ErrorAlert error={submit.error} />
        <TextInput label={t('forums.categories.name')} maxLength={FORUM_CATEGORY_NAME_MAX} withAsterisk {...form.getInputProps('name')} />
        <Textarea
          label={t('forums.categories.description')}
          maxLength={FORUM_CATEGORY_DESCRIPTION_MAX}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        {onCancel ? (
          <FormActions submitting={form.submitting} onCancel={onCancel} />
        ) : (
          <Group>
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Animators' management of a forum's categories: create, rename, reorder, delete (only when empty). */
export function CategoryManager({ networkId, categories }: { networkId: string; categories: ForumCategory[] }) {
  const { t } = useTranslation();
  const refresh = useRefreshForum();
  const [editing, setEditing] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);

  const move = async (index: number, delta: -1 | 1) => {
    const order = categories.slice();
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + delta, 0, moved);
    setMoving(true);
    try {
      // Positions are renumbered 0…n so that equal or sparse positions cannot get in the way.
      for (const [position, category] of order.entries()) {
        if (category.position !== position) await forumsApi.updateCategory(category.id, { position });
      }
      await refresh(networkId);
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setMoving(false);
    }
  };

  return (
    <Stack gap="md">
      {categories.length ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('forums.categories.title')}>
          {categories.map((category, index) => (
            <Paper key={category.id} component="li" withBorder p="sm" radius="sm">
              {editing === category.id ? (
                <CategoryForm
                  initial={category}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (input) => {
                    await forumsApi.updateCategory(category.id, input);
                    await refresh(networkId);
                    setEditing(null);
                    notify.success(t('forums.categories.saved'));
                  }}
                />
              ) : (
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {category.name}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('forums.categories.topicCount', { count: category.topicCount })}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={index === 0 || moving}
                      aria-label={t('forums.categories.up', { name: category.name })}
                      onClick={() => void move(index, -1)}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={index === categories.length - 1 || moving}
                      aria-label={t('forums.categories.down', { name: category.name })}
                      onClick={() => void move(index, 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('forums.categories.rename', { name: category.name })}
                      onClick={() => setEditing(category.id)}
                    >
                      <IconPencil size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
              )}
              {editing !== category.id ? (
                <Group justify="flex-end" mt={4}>
                  <ConfirmButton
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('forums.categories.delete', { name: category.name })}
                    title={t('forums.categories.deleteTitle')}
                    message={
                      category.topicCount ? t('forums.categories.notEmpty') : t('forums.categories.deleteMessage', { name: category.name })
                    }
                    confirmLabel={t('common.delete')}
                    onConfirm={async () => {
                      await forumsApi.deleteCategory(category.id);
                      await refresh(networkId);
                      notify.success(t('forums.categories.deleted'));
                    }}
                  >
                    {t('common.delete')}
                  </ConfirmButton>
                </Group>
              ) : null}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('forums.categories.none')}</Text>
      )}
      <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('forums.categories.add')}>
        <Text fw={600} mb="xs">
          {t('forums.categories.add')}
        </Text>
        <CategoryForm
          submitLabel={t('forums.categories.create')}
          onSubmit={async (input) => {
            await forumsApi.createCategory(networkId, { ...input, position: categories.length });
            await refresh(networkId);
            notify.success(t('forums.categories.created'));
          }}
        />
      </Paper>
    </Stack>
  );
}
