import { Button, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { surveyKeys, surveysApi } from '../../../features/surveys/api/surveys.api';
import { SurveyList } from '../../../features/surveys/components/SurveyList';

/** /enquetes — the questionnaires one is asked to answer, and those one manages. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: surveyKeys.list, queryFn: surveysApi.list });
  const options = useQuery({ queryKey: surveyKeys.options, queryFn: surveysApi.options });
  const canWrite = Boolean(options.data && (options.data.networks.length || options.data.organizations.length));
  return (
    <Page
      title={t('surveys.title')}
      description={t('surveys.description')}
      actions={
        canWrite ? (
          <Button component={Link} to="/enquetes/nouveau" leftSection={<IconPlus size={16} aria-hidden />}>
            {t('surveys.new')}
          </Button>
        ) : null
      }
    >
      <QueryContent query={list} loading={<LoadingLines lines={5} />}>
        {(items) => (
          <Stack gap="xl">
            <Stack gap="sm">
              <Title order={2} size="h3">
                {t('surveys.list.toMe')}
              </Title>
              <SurveyList items={items.filter((s) => !s.isOwner)} empty={t('surveys.list.noneToMe')} />
            </Stack>
            {canWrite || items.some((s) => s.isOwner) ? (
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {t('surveys.list.mine')}
                </Title>
                <SurveyList items={items.filter((s) => s.isOwner)} empty={t('surveys.list.noneMine')} />
              </Stack>
            ) : null}
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
}
