import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { newsletterKeys, newslettersApi } from '../../../features/newsletters/api/newsletters.api';

/** The unsubscribe link of a newsletter (no sign-in): which networks' newsletters it stops, and a button to confirm. */
export default function NewsletterUnsubscribePage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: newsletterKeys.unsubscribe(token),
    queryFn: () => newslettersApi.unsubscribePreview(token),
    enabled: token !== '',
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => newslettersApi.unsubscribe(token),
    onSuccess: (data) => queryClient.setQueryData(newsletterKeys.unsubscribe(token), data),
  });
  return (
    <Page title={t('newsletters.unsubscribe.title')} size="sm">
      {token === '' ? (
        <Alert color="red">{t('newsletters.unsubscribe.invalid')}</Alert>
      ) : (
        <QueryContent query={preview}>
          {(rows) => {
            const done = rows.every((r) => r.unsubscribed);
            return (
              <Stack gap="md">
                <Text>{done ? t('newsletters.unsubscribe.done') : t('newsletters.unsubscribe.intro')}</Text>
                <List>
                  {rows.map((r) => (
                    <List.Item key={r.network.id}>{r.network.name}</List.Item>
                  ))}
                </List>
                {done ? (
                  <Alert color="teal" role="status">
                    {t('newsletters.unsubscribe.confirmed')}
                  </Alert>
                ) : (
                  <Button onClick={() => confirm.mutate()} loading={confirm.isPending} w="fit-content">
                    {t('newsletters.unsubscribe.button')}
                  </Button>
                )}
                {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
              </Stack>
            );
          }}
        </QueryContent>
      )}
    </Page>
  );
}
