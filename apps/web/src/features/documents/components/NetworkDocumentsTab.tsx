import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDots, IconFolderOpen, IconFolderPlus, IconLock, IconPencil, IconSearch, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DocumentFolder, DocumentLibrary } from '@maillage/contracts';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { notify } from '../../../lib/notify';
import { Highlight } from '../../../components/Highlight';
import { documentsApi } from '../api/documents.api';
import { documentErrorMessage, fileKind } from '../hooks/files';
import { useLibrary, useLibrarySearch, useRefreshLibrary } from '../hooks/useDocuments';
import { useUploadQueue } from '../hooks/useUploadQueue';
import { DocumentDialog } from './DocumentDialog';
import { DocumentTable } from './DocumentTable';
import { DocumentUploader } from './DocumentUploader';
import { FolderDialog } from './FolderDialog';

const FOLDER_PARAM = 'dossier';
/** The open document (links from the search page: /reseaux/:id/documents?document=…). */
const DOCUMENT_PARAM = 'document';

function SearchResults({ networkId, q, onOpen }: { networkId: string; q: string; onOpen: (documentId: string) => void }) {
  const { t } = useTranslation();
  const results = useLibrarySearch(networkId, q);
  const locale = currentLocale();
  if (q.length < 2) return <Text c="dimmed">{t('documents.search.tooShort')}</Text>;
  return (
    <QueryContent query={results}>
      {(found) =>
        found.items.length ? (
          <Stack
            gap="xs"
            component="ul"
            aria-label={t('documents.search.results', { count: found.items.length })}
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {found.items.map((hit) => {
              const { icon: Icon, kind } = fileKind(hit.mimeType);
              return (
                <li key={hit.id}>
                  <Paper withBorder p="sm" radius="md">
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Icon size={22} role="img" aria-label={t(`documents.kinds.${kind}`)} />
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <UnstyledButton onClick={() => onOpen(hit.id)} fw={600} c="blue.8">
                          <Highlight html={hit.highlights.title} text={hit.title} />
                        </UnstyledButton>
                        {hit.highlights.body ? (
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            <Highlight html={hit.highlights.body} />
                          </Text>
                        ) : null}
                        <Text size="xs" c="dimmed">
                          {hit.fileName} · {formatDateTime(hit.updatedAt, locale)}
                        </Text>
                      </Stack>
                    </Group>
                  </Paper>
                </li>
              );
            })}
          </Stack>
        ) : (
          <Text c="dimmed">{t('documents.search.none', { q })}</Text>
        )
      }
    </QueryContent>
  );
}

function FolderMenu({ folder, onRename }: { folder: DocumentFolder; onRename: (folder: DocumentFolder) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshLibrary();
  const remove = async () => {
    try {
      await documentsApi.deleteFolder(folder.id);
      await refresh(folder.networkId);
      notify.success(t('documents.folders.deleted'));
    } catch (error) {
      notify.error(documentErrorMessage(error, t, 0, currentLocale()));
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('documents.folders.actions', { name: folder.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onRename(folder)}>
          {t('documents.folders.rename')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={14} aria-hidden />}
          onClick={() => void remove()}
          disabled={folder.itemCount > 0}
        >
          {folder.itemCount > 0 ? t('documents.folders.deleteNotEmpty') : t('common.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

interface LibraryProps {
  library: DocumentLibrary;
  openDocument: string | null;
  onOpenFolder: (folderId: string | null) => void;
  onOpenDocument: (documentId: string | null) => void;
}

function Library({ library, openDocument, onOpenFolder, onOpenDocument }: LibraryProps) {
  const { t } = useTranslation();
  const refresh = useRefreshLibrary();
  const networkId = library.networkId;
  const folderId = library.folder?.id ?? null;
  const queue = useUploadQueue(() => void refresh(networkId));
  const [folderDialog, setFolderDialog] = useState<{ folder: DocumentFolder | null } | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const empty = !library.folders.length && !library.documents.length;

  const crumbs = [
    { id: null, name: t('documents.root') },
    ...library.breadcrumbs,
    ...(library.folder ? [{ id: library.folder.id, name: library.folder.name }] : []),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} size="h3">
          {t('documents.title')}
        </Title>
        <TextInput
          type="search"
          label={t('documents.search.label')}
          placeholder={t('documents.search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
      </Group>
      {q ? (
        <SearchResults networkId={networkId} q={q} onOpen={onOpenDocument} />
      ) : (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Breadcrumbs separator="›" aria-label={t('documents.breadcrumbs')} component="nav" style={{ flexWrap: 'wrap' }}>
              {crumbs.map((crumb, index) =>
                index === crumbs.length - 1 ? (
                  <Text key={crumb.id ?? 'root'} fw={600} aria-current="page">
                    {crumb.name}
                    {library.folder?.animatorsOnly ? (
                      <IconLock size={14} aria-label={t('documents.folders.animatorsOnly')} style={{ marginInlineStart: 4 }} />
                    ) : null}
                  </Text>
                ) : (
                  <Anchor key={crumb.id ?? 'root'} component="button" type="button" onClick={() => onOpenFolder(crumb.id)}>
                    {crumb.name}
                  </Anchor>
                ),
              )}
            </Breadcrumbs>
            {library.rights.write ? (
              <Button
                variant="default"
                leftSection={<IconFolderPlus size={16} aria-hidden />}
                onClick={() => setFolderDialog({ folder: null })}
              >
                {t('documents.folders.new')}
              </Button>
            ) : null}
          </Group>
          {library.rights.write ? (
            <DocumentUploader
              maxBytes={library.maxBytes}
              items={queue.items}
              onDismiss={queue.dismiss}
              onFiles={(files) =>
                void queue.start(files, (file, onProgress) => documentsApi.upload(networkId, folderId, file, { onProgress }))
              }
            />
          ) : null}
          {empty ? (
            <Paper withBorder p="xl" radius="md">
              <Stack align="center" gap="xs">
                <IconFolderOpen size={40} color="var(--mantine-color-gray-6)" aria-hidden />
                <Text fw={600}>{t('documents.empty.title')}</Text>
                <Text size="sm" c="dimmed" ta="center">
                  {library.rights.write ? t('documents.empty.writer') : t('documents.empty.reader')}
                </Text>
              </Stack>
            </Paper>
          ) : (
            <DocumentTable
              folders={library.folders}
              documents={library.documents}
              onOpenFolder={onOpenFolder}
              onOpenDocument={onOpenDocument}
              folderActions={
                library.rights.manage
                  ? (folder) => <FolderMenu folder={folder} onRename={(f) => setFolderDialog({ folder: f })} />
                  : undefined
              }
            />
          )}
        </>
      )}
      <DocumentDialog
        documentId={openDocument}
        canWrite={library.rights.write}
        maxBytes={library.maxBytes}
        onClose={() => onOpenDocument(null)}
      />
      {folderDialog ? (
        <FolderDialog
          key={folderDialog.folder?.id ?? 'new'}
          networkId={networkId}
          parentId={folderId}
          folder={folderDialog.folder}
          opened
          canRestrict={library.rights.manage}
          onClose={() => setFolderDialog(null)}
          onSaved={() => {
            setFolderDialog(null);
            void refresh(networkId);
          }}
        />
      ) : null}
    </Stack>
  );
}

/** A network's document library: folders with breadcrumbs, documents, uploads, versions, previews and search. */
export default function NetworkDocumentsTab({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const folderId = params.get(FOLDER_PARAM);
  const library = useLibrary(networkId, folderId);
  const openDocument = params.get(DOCUMENT_PARAM);
  const setParam = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  const openFolder = (id: string | null) => setParam(FOLDER_PARAM, id);
  if (!folderId && isApiError(library.error, 404)) {
    return (
      <Alert color="blue" icon={<IconLock aria-hidden />}>
        {t('documents.membersOnly')}
      </Alert>
    );
  }
  if (folderId && (isApiError(library.error, 404) || isApiError(library.error, 400))) {
    return (
      <Alert color="yellow" title={t('documents.folders.gone')}>
        <Anchor component="button" type="button" onClick={() => openFolder(null)}>
          {t('documents.backToRoot')}
        </Anchor>
      </Alert>
    );
  }
  return (
    <QueryContent query={library} loading={<LoadingLines lines={6} />}>
      {(loaded) => (
        <Library
          library={loaded}
          openDocument={openDocument}
          onOpenFolder={openFolder}
          onOpenDocument={(id) => setParam(DOCUMENT_PARAM, id)}
        />
      )}
    </QueryContent>
  );
}
