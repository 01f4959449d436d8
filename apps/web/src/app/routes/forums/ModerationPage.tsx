import { Anchor, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines } from '../../../components/QueryContent';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useForumOverview } from '../../../features/forums/hooks/useForum';
import ModerationPanel from '../../../features/moderation/components/ModerationPanel';
import { useNetwork } from '../../../features/networks/hooks/useNetworks';
import { networkPath } from '../../../features/networks/hooks/networkPaths';
import { isApiError } from '../../../lib/api';
import NotFoundPage from '../NotFoundPage';

/** /reseaux/:id/moderation — the network's moderators only (anyone else gets the not-found page). */
export default function ModerationPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const network = useNetwork(id);
  const overview = useForumOverview(id);
  const missing = [network.error, overview.error].some((error) => isApiError(error, 404) || isApiError(error, 400));
  if (missing || overview.data?.canModerate === false) return <NotFoundPage />;
  const name = network.data?.name;
  return (
    <>
      {network.data ? (
        <Container size="lg" px={0} mb="xs">
          <Anchor component={Link} to={networkPath(network.data, 'forum')} size="sm">
            {t('moderation.backToForum', { network: network.data.name })}
          </Anchor>
        </Container>
      ) : null}
      <Page title={name ? t('moderation.titleOf', { network: name }) : t('moderation.title')}>
        {network.error || overview.error ? (
          <ErrorAlert error={network.error ?? overview.error} onRetry={() => void Promise.all([network.refetch(), overview.refetch()])} />
        ) : overview.data ? (
          <ModerationPanel networkId={overview.data.networkId} />
        ) : (
          <LoadingLines lines={6} />
        )}
      </Page>
    </>
  );
}
