import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Badge, Box, Container, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { Network } from '@maillage/contracts';
import { Page } from '../../../components/Page';
import { PageLoader } from '../../../components/PageLoader';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { JoinNetwork } from '../../../features/networks/components/JoinNetwork';
import { useTerritoryLabel, VISIBILITY_COLORS } from '../../../features/networks/components/labels';
import { NetworkAbout } from '../../../features/networks/components/NetworkAbout';
import { NetworkChildren } from '../../../features/networks/components/NetworkChildren';
import { NetworkCover } from '../../../features/networks/components/NetworkCover';
import { NetworkHistory } from '../../../features/networks/components/NetworkHistory';
import { NetworkMembers } from '../../../features/networks/components/NetworkMembers';
import { NetworkNotificationLevel } from '../../../features/notifications/components/NetworkNotificationLevel';
import { isNetworkId, networkPath, tabOfSegment, type NetworkTab } from '../../../config/paths/networks';
import { useNetwork, useNetworkChildren, useOrganizations } from '../../../features/networks/hooks/useNetworks';
import { useSession } from '../../../lib/session';
import { isApiError } from '../../../lib/api';
import NotFoundPage from '../NotFoundPage';

// Each feature's heavier part is its own chunk: the forum, and the managers' settings (forms, dropzone).
const NetworkForumTab = lazy(() => import('../../../features/forums/components/NetworkForumTab'));
const NetworkAgendaTab = lazy(() => import('../../../features/agenda/components/NetworkAgendaTab'));
const NetworkDocumentsTab = lazy(() => import('../../../features/documents/components/NetworkDocumentsTab'));
const NetworkNewslettersTab = lazy(() => import('../../../features/newsletters/components/NetworkNewslettersTab'));
const NetworkSteeringTab = lazy(() => import('../../../features/steering/components/NetworkSteeringTab'));
const NetworkAnnouncements = lazy(() => import('../../../features/announcements/components/NetworkAnnouncements'));
const NetworkActivity = lazy(() => import('../../../features/announcements/components/NetworkActivity'));
const NetworkSettings = lazy(() => import('../../../features/networks/components/NetworkSettings'));

const ADDRESS = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function Summary({ network }: { network: Network }) {
  const { t } = useTranslation();
  const territory = useTerritoryLabel(network.territory);
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Badge variant="light" color={VISIBILITY_COLORS[network.visibility]}>
          {t(`networks.visibilities.${network.visibility}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t(`networks.joinPolicies.${network.joinPolicy}`)}
        </Badge>
        <Badge variant="outline" color="gray">
          {t('networks.maturityValue', { maturity: t(`networks.maturities.${network.maturity}`) })}
        </Badge>
      </Group>
      <Text size="sm">
        {[
          t(`networks.types.${network.type}`),
          territory,
          network.memberCount === null ? null : t('networks.memberCount', { count: network.memberCount }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

function NetworkTabs({ network, tab }: { network: Network; tab: NetworkTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const children = useNetworkChildren(network.id);
  const hasChildren = !!children.data?.length;
  const { user } = useSession();
  // Members choose what they hear of the network (its host's staff too: they may follow it).
  const member = !!user && (network.myMemberships.some((m) => m.status === 'active') || network.canManage);
  // Its animators, its host's and referent's staff and platform admins steer the network.
  const steers =
    network.canManage ||
    !!user?.staffOf.some(
      (staff) => staff.organizationId === network.hostOrganizationId || staff.organizationId === network.referentOrganizationId,
    );
  const available: NetworkTab[] = [
    'about',
    'members',
    'forum',
    'agenda',
    'documents',
    'newsletters',
    // The federation's managers always have the tab: requests to join it are decided there.
    ...(hasChildren || network.canManage ? (['children'] as const) : []),
    ...(steers ? (['steering'] as const) : []),
    ...(network.canManage ? (['history', 'settings'] as const) : []),
  ];
  // A tab this person may not open shows the page's first tab.
  const current = available.includes(tab) ? tab : 'about';
  const panels: Record<NetworkTab, () => ReactNode> = {
    about: () => (
      <Stack gap="lg">
        <NetworkAbout network={network} />
        <NetworkActivity networkId={network.id} />
        {member ? (
          <Paper withBorder p="lg" radius="md">
            <NetworkNotificationLevel networkId={network.id} />
          </Paper>
        ) : null}
      </Stack>
    ),
    members: () => <NetworkMembers network={network} />,
    forum: () => <NetworkForumTab networkId={network.id} networkSlug={network.slug} />,
    agenda: () => <NetworkAgendaTab network={network} />,
    documents: () => <NetworkDocumentsTab networkId={network.id} />,
    newsletters: () => <NetworkNewslettersTab networkId={network.id} canManage={network.canManage} />,
    children: () => <NetworkChildren network={network} items={children.data ?? []} />,
    steering: () => <NetworkSteeringTab networkId={network.id} canEdit={steers} />,
    history: () => <NetworkHistory network={network} />,
    settings: () => <NetworkSettings network={network} onDone={(saved) => navigate(networkPath(saved))} />,
  };
  return (
    <Tabs value={current} onChange={(value) => value && navigate(networkPath(network, value as NetworkTab))} keepMounted={false}>
      <Tabs.List aria-label={t('networks.tabs.label')} mb="lg">
        {available.map((name) => (
          <Tabs.Tab key={name} value={name}>
            {t(`networks.tabs.${name}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {available.map((name) => (
        <Tabs.Panel key={name} value={name}>
          {name === current ? <Suspense fallback={<PageLoader />}>{panels[name]()}</Suspense> : null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

export default function NetworkPage() {
  const { t } = useTranslation();
  const params = useParams();
  const key = params.id ?? '';
  const tab = tabOfSegment(params.tab);
  const network = useNetwork(key);
  const organizations = useOrganizations();
  const navigate = useNavigate();
  const { search, hash } = useLocation();
  const current = network.data;
  useEffect(() => {
    // Reached through a former address: the current one replaces it in the address bar, keeping what follows the path.
    if (current && tab && !isNetworkId(key) && current.slug !== key)
      void navigate(`${networkPath(current, tab)}${search}${hash}`, { replace: true });
  }, [current, key, tab, navigate, search, hash]);
  if (!(isNetworkId(key) || ADDRESS.test(key)) || !tab || isApiError(network.error, 404) || isApiError(network.error, 400))
    return <NotFoundPage />;
  const data = network.data;
  const host = organizations.data?.find((o) => o.id === data?.hostOrganizationId) ?? null;
  const name = data?.name ?? t('networks.title');
  return (
    <>
      {data ? (
        // On a phone, only the presentation shows the cover: the other tabs open on their content.
        <Container size="lg" px={0} visibleFrom={tab === 'about' ? undefined : 'sm'}>
          <NetworkCover network={data} accent={host?.accentColor} host={host} />
        </Container>
      ) : null}
      <Page title={tab === 'about' ? name : `${t(`networks.tabs.${tab}`)} · ${name}`} heading={name}>
        <QueryContent query={network} loading={<LoadingLines lines={8} />}>
          {(loaded) => (
            <Stack gap="lg">
              {/* On a phone, a tab other than the presentation opens on its content, not on the network's badges. */}
              <Box visibleFrom={tab === 'about' ? undefined : 'sm'}>
                <Summary network={loaded} />
              </Box>
              {/* A member leaves from the presentation; the other tabs start with what they hold. */}
              {tab === 'about' || !loaded.myMemberships.some((m) => m.status === 'active') ? <JoinNetwork network={loaded} /> : null}
              <Suspense fallback={null}>
                <NetworkAnnouncements networkId={loaded.id} canManage={loaded.canManage} />
              </Suspense>
              <NetworkTabs network={loaded} tab={tab} />
            </Stack>
          )}
        </QueryContent>
      </Page>
    </>
  );
}
