import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { LoadingLines, QueryContent } from '../../components/QueryContent';
import { SectionCard } from '../../components/SectionCard';
import { privacyApi, privacyKeys } from '../../features/privacy/api/privacy.api';
import { DataExports } from '../../features/privacy/components/DataExports';
import { DeleteAccount } from '../../features/privacy/components/DeleteAccount';
import { PrivacySettingsForm } from '../../features/privacy/components/PrivacySettingsForm';
import { useSessionActions } from '../../lib/session';

/** My privacy: who sees what of me, the export of my data, and deleting my account. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: privacyKeys.settings, queryFn: privacyApi.settings });
  const session = useSessionActions();
  const navigate = useNavigate();
  return (
    <Page title={t('privacy.title')} description={t('privacy.lead')} size="md">
      <Stack gap="lg">
        <SectionCard id="privacy-settings" title={t('privacy.settings.title')}>
          <QueryContent query={settings} loading={<LoadingLines lines={5} />}>
            {(current) => <PrivacySettingsForm settings={current} />}
          </QueryContent>
        </SectionCard>
        <SectionCard id="privacy-exports" title={t('privacy.exports.title')} intro={t('privacy.exports.intro')}>
          <DataExports />
        </SectionCard>
        <SectionCard id="privacy-delete" title={t('privacy.delete.title')}>
          <DeleteAccount
            onDeleted={() => {
              session.signedOut();
              navigate('/', { replace: true });
            }}
          />
        </SectionCard>
      </Stack>
    </Page>
  );
}
