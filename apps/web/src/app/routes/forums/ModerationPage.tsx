import { useEffect } from 'react';
import { Anchor, Container } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines } from '../../../components/QueryContent';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useForumOverview } from '../../../features/forums/hooks/useForum';
import { forumKeys } from '../../../features/forums/api/forums.api';
import ModerationPanel from '../../../features/moderation/components/ModerationPanel';
import { WarnMemberForm } from '../../../features/moderation/components/WarnMemberForm';
import { useNetwork, useNetworkMembers } from '../../../features/networks/hooks/useNetworks';
import { isNetworkId, networkPath } from '../../../config/paths/networks';
import { moderationPath } from '../../../config/paths/moderation';
import { isApiError } from '../../../lib/api';
import NotFoundPage from '../NotFoundPage';

const ADDRESS = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The warning form with the network's members, loaded only when its tab is opened. */
function WarnMember({ networkId }: { networkId: string }) {
  const members = useNetworkMembers(networkId);
  return <WarnMemberForm networkId={networkId} members={members} />;
}

/** /reseaux/:address/moderation (or by id, replaced by the address) — the network's moderators only (anyone else gets the not-found page). */
export default function ModerationPage() {
  const { t } = useTranslation();
  const key = useParams().id ?? '';
  const navigate = useNavigate();
  const { search, hash } = useLocation();
  const queryClient = useQueryClient();
  const network = useNetwork(key);
  const current = network.data;
  const overview = useForumOverview(current?.id ?? '', { enabled: Boolean(current) });
  useEffect(() => {
    // The chosen tab (?vue=journal) and anchor survive the move from the id to the address.
    if (current && current.slug && current.slug !== key) void navigate(`${moderationPath(current)}${search}${hash}`, { replace: true });
  }, [current, key, navigate, search, hash]);
  const missing =
    !(isNetworkId(key) || ADDRESS.test(key)) ||
    [network.error, overview.error].some((error) => isApiError(error, 404) || isApiError(error, 400));
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
          <ModerationPanel
            networkId={overview.data.networkId}
            warnForm={<WarnMember networkId={overview.data.networkId} />}
            onDecided={() => queryClient.invalidateQueries({ queryKey: forumKeys.all })}
          />
        ) : (
          <LoadingLines lines={6} />
        )}
      </Page>
    </>
  );
}
