import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MODERATION_REASON_MAX_LENGTH, type NetworkMember } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { rules, useFormSubmit } from '../../../lib/forms';
import { notify } from '../../../lib/notify';
import { moderationApi, moderationKeys } from '../api/moderation.api';

/** The network's member companies, as the page composing the form loads them. */
export type MembersQuery = Pick<UseQueryResult<NetworkMember[]>, 'data' | 'error' | 'isPending'>;

/** Sends a written warning to a member company's people (kept in the audit log). */
export function WarnMemberForm({ networkId, members }: { networkId: string; members: MembersQuery }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { companyId: '', reason: '' },
    validate: {
      companyId: rules.required(t),
      reason: (value: string) => (value.trim().length >= 3 ? null : t('moderation.warn.reasonTooShort')),
    },
  });
  const { onSubmit, error } = useFormSubmit(form, async (values) => {
    await moderationApi.warn(networkId, { companyId: values.companyId, reason: values.reason.trim() });
    notify.success(t('moderation.warn.sent'));
    form.reset();
    await queryClient.invalidateQueries({ queryKey: moderationKeys.all(networkId) });
  });
  const options = (members.data ?? [])
    .filter((m) => m.status === 'active')
    .map((m) => ({ value: m.companyId, label: m.tradeName ?? m.legalName }));

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md" maw={560}>
        <Text size="sm">{t('moderation.warn.intro')}</Text>
        <ErrorAlert error={error ?? members.error} />
        <Select
          label={t('moderation.warn.company')}
          data={options}
          searchable
          withAsterisk
          nothingFoundMessage={t('moderation.warn.noCompany')}
          disabled={members.isPending}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('companyId')}
        />
        <Textarea
          label={t('moderation.warn.reason')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={MODERATION_REASON_MAX_LENGTH}
          {...form.getInputProps('reason')}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('moderation.warn.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
