import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Enregistrer" (or `submitLabel`) and "Annuler" under a form. */
export function FormActions({ submitting, onCancel, submitLabel }: { submitting: boolean; onCancel: () => void; submitLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
