import { Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSettings } from '@maillage/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { formatDateTime } from '../../../lib/dates';
import { notify } from '../../../lib/notify';
import { adminApi, adminKeys } from '../api/admin.api';

function RetentionForm({ settings }: { settings: RetentionSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<RetentionSettings>({
    initialValues: settings,
    validate: {
      outboxDays: (v) => (Number.isInteger(v) && v >= 1 && v <= 3650 ? null : t('retention.range')),
      endedSessionsDays: (v) => (Number.isInteger(v) && v >= 1 && v <= 3650 ? null : t('retention.range')),
    },
  });
  const save = useMutation({
    mutationFn: adminApi.setRetention,
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.retention, saved);
      notify.success(t('retention.saved'));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="md">
        <ErrorAlert error={save.error} />
        <Group grow align="flex-start">
          <NumberInput label={t('retention.outboxDays')} min={1} max={3650} allowDecimal={false} {...form.getInputProps('outboxDays')} />
          <NumberInput
            label={t('retention.endedSessionsDays')}
            min={1}
            max={3650}
            allowDecimal={false}
            {...form.getInputProps('endedSessionsDays')}
          />
        </Group>
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('retention.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

/** Platform privacy: retention periods and the audit log of admin actions on accounts and personal data. */
export function PrivacyAdmin() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const retention = useQuery({ queryKey: adminKeys.retention, queryFn: adminApi.retention });
  const audit = useQuery({ queryKey: adminKeys.audit(page), queryFn: () => adminApi.audit(page) });
  return (
    <Stack gap="lg">
      <SectionCard id="retention" title={t('retention.title')} intro={t('retention.intro')}>
        <QueryContent query={retention} loading={<LoadingLines lines={2} />}>
          {(settings) => <RetentionForm settings={settings} />}
        </QueryContent>
      </SectionCard>
      <SectionCard id="audit" title={t('audit.title')} intro={t('audit.intro')}>
        <QueryContent query={audit}>
          {(entries) =>
            entries.items.length === 0 ? (
              <Text c="dimmed">{t('audit.empty')}</Text>
            ) : (
              <>
                <Table.ScrollContainer minWidth={640}>
                  <Table striped verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('audit.when')}</Table.Th>
                        <Table.Th scope="col">{t('audit.who')}</Table.Th>
                        <Table.Th scope="col">{t('audit.what')}</Table.Th>
                        <Table.Th scope="col">{t('audit.target')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {entries.items.map((entry) => (
                        <Table.Tr key={entry.id}>
                          <Table.Td>{formatDateTime(entry.createdAt)}</Table.Td>
                          <Table.Td>{entry.actor?.name ?? '—'}</Table.Td>
                          <Table.Td>{t(`audit.actions.${entry.action.replace(/\./g, '_')}`, { defaultValue: entry.action })}</Table.Td>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.targetPersonId ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Pager page={entries.page} pageSize={entries.pageSize} total={entries.total} onChange={setPage} />
              </>
            )
          }
        </QueryContent>
      </SectionCard>
    </Stack>
  );
}
