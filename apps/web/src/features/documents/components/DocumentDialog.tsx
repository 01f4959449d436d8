import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Divider,
  FileButton,
  Group,
  Image,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload, IconEye, IconFileUpload, IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_ACCEPT,
  DOCUMENT_DESCRIPTION_MAX,
  DOCUMENT_TITLE_MAX,
  documentVersionPath,
  type DocumentDetail,
  type DocumentVersion,
} from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Dialog } from '../../../components/Dialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormActions } from '../../../components/FormActions';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { formatDateTime } from '../../../lib/dates';
import { nameOr } from '../../../lib/format';
import { rules, useFormSubmit } from '../../../lib/forms';
import { currentLocale } from '../../../lib/i18n';
import { notify } from '../../../lib/notify';
import { documentsApi } from '../api/documents.api';
import { documentErrorMessage, formatBytes } from '../hooks/files';
import { useDocumentDetail, useFolderOptions, useRefreshLibrary } from '../hooks/useDocuments';

interface DocumentDialogProps {
  documentId: string | null;
  /** The caller may upload new versions and restore old ones. */
  canWrite: boolean;
  maxBytes: number;
  onClose: () => void;
}

function VersionLine({
  documentId,
  version,
  current,
  canRestore,
  onRestore,
}: {
  documentId: string;
  version: DocumentVersion;
  current: boolean;
  canRestore: boolean;
  onRestore: (n: number) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              {t('documents.versionNumber', { number: version.number })}
            </Text>
            {current ? (
              <Badge size="sm" variant="light" color="teal">
                {t('documents.history.current')}
              </Badge>
            ) : null}
            {version.restoredFrom ? (
              <Text size="xs" c="dimmed">
                {t('documents.history.restoredFrom', { number: version.restoredFrom })}
              </Text>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {[
              version.fileName,
              formatBytes(version.size, locale),
              formatDateTime(version.createdAt, locale),
              version.author ? nameOr(version.author, t('common.aMember')) : t('documents.formerMember'),
            ].join(' · ')}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('documents.history.download', { number: version.number })}>
            <ActionIcon
              component="a"
              href={documentVersionPath(documentId, version.number, 'download')}
              download
              variant="subtle"
              aria-label={t('documents.history.download', { number: version.number })}
            >
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          {canRestore && !current ? (
            <Tooltip label={t('documents.history.restore', { number: version.number })}>
              <ActionIcon
                variant="subtle"
                onClick={() => onRestore(version.number)}
                aria-label={t('documents.history.restore', { number: version.number })}
              >
                <IconRestore size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
      </Group>
    </li>
  );
}

function EditForm({ doc, onDone }: { doc: DocumentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshLibrary();
  const folders = useFolderOptions(doc.networkId);
  const form = useForm({
    initialValues: { title: doc.title, description: doc.description, folderId: doc.folderId ?? '' },
    validate: { title: rules.required(t) },
  });
  const submit = useFormSubmit(form, async (values) => {
    const folderId = values.folderId || null;
    await documentsApi.update(doc.id, {
      title: values.title.trim(),
      description: values.description.trim(),
      ...(folderId !== doc.folderId ? { folderId } : {}),
    });
    await refresh(doc.networkId, doc.id);
    notify.success(t('documents.saved'));
    onDone();
  });
  return (
    <form onSubmit={submit.onSubmit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('documents.fields.title')} required maxLength={DOCUMENT_TITLE_MAX} {...form.getInputProps('title')} />
        <Textarea
          label={t('documents.fields.description')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={DOCUMENT_DESCRIPTION_MAX}
          {...form.getInputProps('description')}
        />
        <Select
          label={t('documents.fields.folder')}
          data={[{ value: '', label: t('documents.root') }, ...(folders.data ?? []).map((f) => ({ value: f.id, label: f.path }))]}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('folderId')}
        />
        <ErrorAlert error={submit.error} />
        <FormActions submitting={submit.submitting} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function Preview({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const [showPdf, setShowPdf] = useState(false);
  const { preview, number } = doc.current;
  if (preview === 'image') {
    return (
      <Image
        src={documentVersionPath(doc.id, number, 'thumbnail')}
        alt={t('documents.preview.imageAlt', { title: doc.title })}
        maw={320}
        radius="sm"
        fit="contain"
      />
    );
  }
  if (preview !== 'pdf') return null;
  return showPdf ? (
    <Box>
      <iframe
        src={documentVersionPath(doc.id, number, 'preview')}
        title={t('documents.preview.pdfTitle', { title: doc.title })}
        style={{ width: '100%', height: '60vh', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }}
      />
      <Anchor href={documentVersionPath(doc.id, number, 'preview')} target="_blank" rel="noopener" size="sm">
        {t('documents.preview.openPdf')}
      </Anchor>
    </Box>
  ) : (
    <Group>
      <Button variant="light" leftSection={<IconEye size={16} aria-hidden />} onClick={() => setShowPdf(true)}>
        {t('documents.preview.showPdf')}
      </Button>
    </Group>
  );
}

function Detail({ doc, canWrite, maxBytes, onClose }: { doc: DocumentDetail; canWrite: boolean; maxBytes: number; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const refresh = useRefreshLibrary();
  const [editing, setEditing] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>, success: string) => {
    setError(null);
    try {
      await action();
      await refresh(doc.networkId, doc.id);
      notify.success(success);
    } catch (caught) {
      setError(documentErrorMessage(caught, t, maxBytes, locale));
    }
  };
  const newVersion = (file: File | null) => {
    if (!file) return;
    setProgress(0);
    void run(() => documentsApi.newVersion(doc.id, file, { onProgress: setProgress }), t('documents.history.uploaded')).finally(() =>
      setProgress(null),
    );
  };

  return (
    <Stack gap="md">
      {editing ? (
        <EditForm doc={doc} onDone={() => setEditing(false)} />
      ) : (
        <Stack gap={4}>
          {doc.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{doc.description}</Text> : null}
          <Text size="sm" c="dimmed">
            {[
              doc.current.fileName,
              formatBytes(doc.current.size, locale),
              t('documents.versionNumber', { number: doc.current.number }),
              formatDateTime(doc.updatedAt, locale),
            ].join(' · ')}
          </Text>
        </Stack>
      )}
      <Group gap="sm">
        <Button
          component="a"
          href={documentVersionPath(doc.id, doc.current.number, 'download')}
          download
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('documents.download')}
        </Button>
        {canWrite ? (
          <FileButton onChange={newVersion} accept={DOCUMENT_ACCEPT.join(',')}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconFileUpload size={16} aria-hidden />} loading={progress !== null}>
                {t('documents.history.newVersion')}
              </Button>
            )}
          </FileButton>
        ) : null}
        {doc.canEdit && !editing ? (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : null}
        {doc.canEdit ? (
          <ConfirmButton
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            title={t('documents.delete.title')}
            message={t('documents.delete.message', { title: doc.title })}
            confirmLabel={t('common.delete')}
            onConfirm={async () => {
              await documentsApi.remove(doc.id);
              await refresh(doc.networkId);
              notify.success(t('documents.delete.done'));
              onClose();
            }}
          >
            {t('common.delete')}
          </ConfirmButton>
        ) : null}
      </Group>
      <Preview doc={doc} />
      {progress !== null ? (
        <Progress value={Math.round(progress * 100)} aria-label={t('documents.upload.progressLabel', { name: doc.title })} />
      ) : null}
      {error ? (
        <Text role="alert" c="var(--mantine-color-error)" size="sm">
          {error}
        </Text>
      ) : null}
      <Divider />
      <Title order={3} size="h5">
        {t('documents.history.title', { count: doc.versions.length })}
      </Title>
      <Stack
        gap="sm"
        component="ol"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        aria-label={t('documents.history.title', { count: doc.versions.length })}
      >
        {doc.versions.map((version) => (
          <VersionLine
            key={version.number}
            documentId={doc.id}
            version={version}
            current={version.number === doc.current.number}
            canRestore={canWrite}
            onRestore={(number) => void run(() => documentsApi.restore(doc.id, number), t('documents.history.restored', { number }))}
          />
        ))}
      </Stack>
    </Stack>
  );
}

/** A document: preview, download, new version, history with restore, edit and delete. */
export function DocumentDialog({ documentId, canWrite, maxBytes, onClose }: DocumentDialogProps) {
  const { t } = useTranslation();
  const detail = useDocumentDetail(documentId);
  return (
    <Dialog opened={documentId !== null} onClose={onClose} title={detail.data?.title ?? t('documents.title')} size="xl">
      <QueryContent query={detail} loading={<LoadingLines lines={6} />}>
        {(doc) => <Detail doc={doc} canWrite={canWrite} maxBytes={maxBytes} onClose={onClose} />}
      </QueryContent>
    </Dialog>
  );
}
