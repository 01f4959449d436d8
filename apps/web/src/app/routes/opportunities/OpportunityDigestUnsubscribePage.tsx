import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { opportunitiesApi, opportunityKeys } from '../../../features/opportunities/api/opportunities.api';

/** The unsubscribe link of the weekly opportunities e-mail (no sign-in): opening it changes nothing, the button stops that e-mail. */
export default function OpportunityDigestUnsubscribePage() {
  const { t } = useTranslation();
  const token = useSearchParams()[0].get('token') ?? '';
  const queryClient = useQueryClient();
  const key = opportunityKeys.digestUnsubscribe(token);
  const preview = useQuery({
    queryKey: key,
    queryFn: () => opportunitiesApi.digestUnsubscribePreview(token),
    enabled: token !== '',
    retry: false,
  });
  const confirm = useMutation({
    mutationFn: () => opportunitiesApi.digestUnsubscribe(token),
    onSuccess: (data) => queryClient.setQueryData(key, data),
  });
  return (
    <Page title={t('opportunities.unsubscribe.title')} size="sm">
      {token === '' ? (
        <Alert color="red">{t('opportunities.unsubscribe.invalid')}</Alert>
      ) : (
        <QueryContent query={preview}>
          {({ weekly }) =>
            weekly ? (
              <Stack gap="md">
                <Text>{t('opportunities.unsubscribe.intro')}</Text>
                <Button onClick={() => confirm.mutate()} loading={confirm.isPending} w="fit-content">
                  {t('opportunities.unsubscribe.button')}
                </Button>
                {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
              </Stack>
            ) : (
              <Stack gap="md">
                <Alert color="teal" role="status">
                  {t('opportunities.unsubscribe.done')}
                </Alert>
                <Text size="sm">{t('opportunities.unsubscribe.again')}</Text>
              </Stack>
            )
          }
        </QueryContent>
      )}
    </Page>
  );
}
