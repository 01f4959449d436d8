import { Button, Group } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * CSV and XLSX downloads as plain links: the browser fetches them with the session cookie and saves
 * the file under the name the API gives (no file built in the page).
 */
export function ExportButtons({ label, csv, xlsx }: { label: string; csv: string; xlsx: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="group" aria-label={label}>
      <Button component="a" href={csv} download variant="default" size="sm" leftSection={<IconFileTypeCsv size={16} aria-hidden />}>
        {t('steering.export.csv')}
      </Button>
      <Button component="a" href={xlsx} download variant="default" size="sm" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
        {t('steering.export.xlsx')}
      </Button>
    </Group>
  );
}
