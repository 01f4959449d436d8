import { Button, Checkbox, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, useFormSubmit } from '../../../lib/forms';
import { privacyApi } from '../api/privacy.api';

/** Deleting one's account, confirmed by the password; the caller signs the person out afterwards. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { password: '', deleteForumPosts: false }, validate: { password: rules.required(t) } });
  const { onSubmit, error, submitting } = useFormSubmit(form, async (values) => {
    await privacyApi.deleteAccount(values);
    onDeleted();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('privacy.delete.explain')}</Text>
        <ErrorAlert error={error} />
        <Checkbox label={t('privacy.delete.forumPosts')} {...form.getInputProps('deleteForumPosts', { type: 'checkbox' })} />
        <PasswordInput label={t('privacy.delete.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        <div>
          <Button type="submit" color="red" loading={submitting}>
            {t('privacy.delete.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
