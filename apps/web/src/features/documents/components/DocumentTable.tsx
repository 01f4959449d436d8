import type { ReactNode } from 'react';
import { ActionIcon, Badge, Group, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFolder, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { documentVersionPath, type DocumentFolder, type DocumentItem } from '@maillage/contracts';
import { formatDateTime } from '../../../lib/dates';
import { nameOr } from '../../../lib/format';
import { currentLocale } from '../../../lib/i18n';
import { fileKind, formatBytes } from '../hooks/files';

interface DocumentTableProps {
  folders: DocumentFolder[];
  documents: DocumentItem[];
  onOpenFolder: (folderId: string) => void;
  onOpenDocument: (documentId: string) => void;
  /** Per-folder actions (rename, delete) for the managers. */
  folderActions?: (folder: DocumentFolder) => ReactNode;
}

/** A folder's content: its sub-folders, then its documents (icon, title, size, version, updated at, author, download). */
export function DocumentTable({ folders, documents, onOpenFolder, onOpenDocument, folderActions }: DocumentTableProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table verticalSpacing="sm" highlightOnHover aria-label={t('documents.table.caption')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('documents.table.name')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('documents.table.size')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('documents.table.version')}</Table.Th>
          <Table.Th visibleFrom="sm">{t('documents.table.updatedAt')}</Table.Th>
          <Table.Th visibleFrom="md">{t('documents.table.author')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {folders.map((folder) => (
          <Table.Tr key={folder.id}>
            <Table.Td>
              <Group gap="sm" wrap="nowrap">
                <IconFolder size={22} color="var(--mantine-color-yellow-8)" aria-hidden />
                <UnstyledButton
                  onClick={() => onOpenFolder(folder.id)}
                  fw={600}
                  c="blue.8"
                  aria-label={t('documents.folders.open', { name: folder.name })}
                >
                  {folder.name}
                </UnstyledButton>
                {folder.animatorsOnly ? (
                  <Badge size="sm" variant="light" color="grape" leftSection={<IconLock size={12} aria-hidden />}>
                    {t('documents.folders.animatorsOnly')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <Text size="sm" c="dimmed">
                {t('documents.folders.items', { count: folder.itemCount })}
              </Text>
            </Table.Td>
            <Table.Td visibleFrom="sm" />
            <Table.Td visibleFrom="sm" />
            <Table.Td visibleFrom="md" />
            <Table.Td>{folderActions?.(folder)}</Table.Td>
          </Table.Tr>
        ))}
        {documents.map((doc) => {
          const { icon: Icon, kind } = fileKind(doc.current.mimeType);
          return (
            <Table.Tr key={doc.id}>
              <Table.Td>
                <Group gap="sm" wrap="nowrap">
                  <Icon size={22} aria-label={t(`documents.kinds.${kind}`)} role="img" />
                  <div style={{ minWidth: 0 }}>
                    <UnstyledButton
                      onClick={() => onOpenDocument(doc.id)}
                      fw={600}
                      c="blue.8"
                      aria-label={t('documents.open', { title: doc.title })}
                    >
                      {doc.title}
                    </UnstyledButton>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {doc.current.fileName}
                    </Text>
                    {/* On a phone, the other columns are folded in here. */}
                    <Text size="xs" c="dimmed" hiddenFrom="sm">
                      {[
                        formatBytes(doc.current.size, locale),
                        t('documents.versionNumber', { number: doc.current.number }),
                        formatDateTime(doc.updatedAt, locale),
                      ].join(' · ')}
                    </Text>
                  </div>
                </Group>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatBytes(doc.current.size, locale)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{t('documents.versionNumber', { number: doc.current.number })}</Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDateTime(doc.updatedAt, locale)}</Text>
              </Table.Td>
              <Table.Td visibleFrom="md">
                <Text size="sm">{doc.current.author ? nameOr(doc.current.author, t('common.aMember')) : t('documents.formerMember')}</Text>
              </Table.Td>
              <Table.Td>
                <Tooltip label={t('documents.download')}>
                  <ActionIcon
                    component="a"
                    href={documentVersionPath(doc.id, doc.current.number, 'download')}
                    download
                    variant="subtle"
                    aria-label={t('documents.downloadNamed', { title: doc.title })}
                  >
                    <IconDownload size={18} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
