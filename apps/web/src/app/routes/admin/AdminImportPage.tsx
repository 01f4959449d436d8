import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { ImportProgress } from '../../../features/admin/components/ImportProgress';
import { useImport } from '../../../features/admin/hooks/useImport';
import { formatDateTime } from '../../../lib/dates';

export default function AdminImportPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const item = useImport(id);
  return (
    <Page
      title={item.data ? t('admin.imports.detailTitle', { date: formatDateTime(item.data.createdAt) }) : t('admin.sections.imports')}
      size="lg"
      actions={
        <Anchor component={Link} to="/admin/imports">
          <IconArrowLeft size={14} aria-hidden /> {t('admin.imports.back')}
        </Anchor>
      }
    >
      <QueryContent query={item} loading={<LoadingLines lines={8} />}>
        {(data) => <ImportProgress item={data} />}
      </QueryContent>
    </Page>
  );
}
