import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput, Title, Typography } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPinnedOff, IconSpeakerphone } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Announcement, AnnouncementRequest } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { announcementKeys, announcementsApi } from '../api/announcements.api';

interface FormValues {
  title: string;
  body: string;
  pinned: boolean;
  /** `datetime-local` value (Europe/Paris for the people of the platform), or empty. */
  pinnedUntil: string;
}

/** A `datetime-local` value from an ISO date, in the browser's time zone. */
function localInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function AnnouncementForm({ networkId, editing, onDone }: { networkId: string; editing: Announcement | null; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<FormValues>({
    initialValues: {
      title: editing?.title ?? '',
      body: editing?.body ?? '',
      pinned: editing?.pinned ?? true,
      pinnedUntil: localInput(editing?.pinnedUntil ?? null),
    },
    validate: { title: rules.required(t), body: rules.required(t) },
  });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    const body: AnnouncementRequest = {
      title: values.title.trim(),
      body: values.body,
      pinned: values.pinned,
      pinnedUntil: values.pinned && values.pinnedUntil ? new Date(values.pinnedUntil).toISOString() : null,
    };
    if (editing) await announcementsApi.update(editing.id, body);
    else await announcementsApi.create(networkId, body);
    notify.success(t(editing ? 'announcements.saved' : 'announcements.published'));
    await client.invalidateQueries({ queryKey: announcementKeys.network(networkId) });
    await client.invalidateQueries({ queryKey: announcementKeys.activity(networkId) });
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput label={t('announcements.formTitle')} required maxLength={150} {...form.getInputProps('title')} />
        <Textarea label={t('announcements.formBody')} required autosize minRows={5} maxLength={20000} {...form.getInputProps('body')} />
        <Checkbox label={t('announcements.formPinned')} {...form.getInputProps('pinned', { type: 'checkbox' })} />
        {form.values.pinned ? (
          <TextInput type="datetime-local" label={t('announcements.formPinnedUntil')} {...form.getInputProps('pinnedUntil')} />
        ) : null}
        <FormActions submitting={submitting} onCancel={onDone} submitLabel={t(editing ? 'announcements.save' : 'announcements.publish')} />
      </Stack>
    </form>
  );
}

function AnnouncementCard({ announcement, networkId, onEdit }: { announcement: Announcement; networkId: string; onEdit: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: announcementKeys.network(networkId) });
    await client.invalidateQueries({ queryKey: announcementKeys.activity(networkId) });
  };
  const unpin = useMutation({
    mutationFn: () => announcementsApi.unpin(announcement.id),
    onSuccess: async () => {
      notify.success(t('announcements.unpinned'));
      await refresh();
    },
    onError: (error) => notify.error(errorMessage(error, t)),
  });
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      bg={announcement.pinned ? 'var(--mantine-color-indigo-0)' : undefined}
      aria-labelledby={`announcement-${announcement.id}`}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <IconSpeakerphone size={20} aria-hidden />
            <Title order={3} size="h5" id={`announcement-${announcement.id}`} style={{ overflowWrap: 'anywhere' }}>
              {announcement.title}
            </Title>
          </Group>
          {announcement.pinned ? (
            <Badge variant="light" color="indigo">
              {announcement.pinnedUntil
                ? t('announcements.pinnedUntil', { date: formatDate(announcement.pinnedUntil) })
                : t('announcements.pinned')}
            </Badge>
          ) : null}
        </Group>
        <Typography>
          <div dangerouslySetInnerHTML={{ __html: announcement.html }} />
        </Typography>
        <Text size="sm" c="dimmed">
          {[formatDateTime(announcement.createdAt), announcement.author ? t('announcements.by', { name: announcement.author.name }) : null]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {announcement.canManage ? (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('announcements.edit')}
            </Button>
            {announcement.pinned ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconPinnedOff size={14} aria-hidden />}
                loading={unpin.isPending}
                onClick={() => unpin.mutate()}
              >
                {t('announcements.unpin')}
              </Button>
            ) : null}
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              title={t('announcements.delete')}
              message={t('announcements.deleteConfirm')}
              confirmLabel={t('announcements.delete')}
              onConfirm={async () => {
                await announcementsApi.remove(announcement.id);
                notify.success(t('announcements.deleted'));
                await refresh();
              }}
            >
              {t('announcements.delete')}
            </ConfirmButton>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * The network's pinned announcements at the top of its page (every announcement for its managers, who publish, edit,
 * unpin and delete them). Shows nothing to whoever may not read the network's content (the API answers 404).
 */
export default function NetworkAnnouncements({ networkId, canManage }: { networkId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);
  const list = useQuery({
    queryKey: announcementKeys.network(networkId),
    queryFn: () => announcementsApi.ofNetwork(networkId),
    retry: false,
  });
  const shown = (list.data ?? []).filter((a) => a.pinned || canManage);
  if (!canManage && !shown.length) return null;
  return (
    <Stack gap="sm" component="section" aria-label={t('announcements.title')}>
      {canManage ? (
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconSpeakerphone size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('announcements.new')}
          </Button>
        </Group>
      ) : null}
      {shown.map((announcement) => (
        <AnnouncementCard key={announcement.id} announcement={announcement} networkId={networkId} onEdit={() => setEditing(announcement)} />
      ))}
      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={t(editing === 'new' ? 'announcements.createTitle' : 'announcements.editTitle')}
        size="lg"
      >
        {editing !== null ? (
          <AnnouncementForm networkId={networkId} editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Dialog>
    </Stack>
  );
}
