import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Pagination with labelled controls, plus the total count. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm">{t('pager.total', { count: total })}</Text>
      {pages > 1 ? (
        <nav aria-label={t('pager.label')}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('pager.page', { page: item }) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
