import { Button, Select, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CONTACT_VISIBILITIES, PROFILE_VISIBILITIES, type PrivacySettings } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { notify } from '../../../lib/notify';
import { privacyApi, privacyKeys } from '../api/privacy.api';

/** Who sees my profile, e-mail and phone, and whether I am found in contact search and public networks' lists. */
export function PrivacySettingsForm({ settings }: { settings: PrivacySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<PrivacySettings>({ initialValues: settings });
  const save = useMutation({
    mutationFn: privacyApi.updateSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(privacyKeys.settings, saved);
      form.resetDirty(saved);
      notify.success(t('privacy.settings.saved'));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="md">
        <ErrorAlert error={save.error} />
        <Select
          label={t('privacy.settings.profile')}
          data={PROFILE_VISIBILITIES.map((v) => ({ value: v, label: t(`privacy.levels.${v}`) }))}
          allowDeselect={false}
          {...form.getInputProps('profileVisibility')}
        />
        <Select
          label={t('privacy.settings.email')}
          data={CONTACT_VISIBILITIES.map((v) => ({ value: v, label: t(`privacy.levels.${v}`) }))}
          allowDeselect={false}
          {...form.getInputProps('emailVisibility')}
        />
        <Select
          label={t('privacy.settings.phone')}
          data={CONTACT_VISIBILITIES.map((v) => ({ value: v, label: t(`privacy.levels.${v}`) }))}
          allowDeselect={false}
          {...form.getInputProps('phoneVisibility')}
        />
        <Switch label={t('privacy.settings.inContactsSearch')} {...form.getInputProps('inContactsSearch', { type: 'checkbox' })} />
        <Switch label={t('privacy.settings.inPublicMemberLists')} {...form.getInputProps('inPublicMemberLists', { type: 'checkbox' })} />
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('privacy.settings.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
