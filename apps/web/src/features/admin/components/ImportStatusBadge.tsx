import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DirectoryImportStatus } from '@maillage/contracts';

const COLORS: Record<DirectoryImportStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' };

export function ImportStatusBadge({ status }: { status: DirectoryImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`admin.imports.status.${status}`)}
    </Badge>
  );
}
