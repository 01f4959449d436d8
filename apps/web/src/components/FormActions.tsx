import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Enregistrer" and "Annuler" under an inline edit form. */
export function FormActions({ submitting, onCancel }: { submitting: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={submitting}>
        {t('common.save')}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
