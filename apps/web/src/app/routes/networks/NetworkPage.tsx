import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Avatar, Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Network } from '@maillage/contracts';
import { Page } from '../../../components/Page';
import { PageLoader } from '../../../components/PageLoader';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { JoinNetwork } from '../../../features/networks/components/JoinNetwork';
import { useTerritoryLabel, VISIBILITY_COLORS } from '../../../features/networks/components/labels';
import { NetworkAbout } from '../../../features/networks/components/NetworkAbout';
import { NetworkChildren } from '../../../features/networks/components/NetworkChildren';
import { NetworkHistory } from '../../../features/networks/components/NetworkHistory';
import { NetworkMembers } from '../../../features/networks/components/NetworkMembers';
import { isNetworkId, networkPath, tabOfSegment, type NetworkTab } from '../../../features/networks/hooks/networkPaths';
import { useNetwork, useNetworkChildren } from '../../../features/networks/hooks/useNetworks';
import { isApiError } from '../../../lib/api';
import { initials } from '../../../lib/format';
import NotFoundPage from '../NotFoundPage';

// Each feature's heavier part is its own chunk: the forum, and the managers' settings (forms, dropzone).
const NetworkForumTab = lazy(() => import('../../../features/forums/components/NetworkForumTab'));
const NetworkAgendaTab = lazy(() => import('../../../features/agenda/components/NetworkAgendaTab'));
const NetworkDocumentsTab = lazy(() => import('../../../features/documents/components/NetworkDocumentsTab'));
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
        {[t(`networks.types.${network.type}`), territory, network.memberCount === null ? null : t('networks.memberCount', { count: network.memberCount })]
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
  const available: NetworkTab[] = [
    'about',
    'members',
    'forum',
    'agenda',
    'documents',
    ...(hasChildren ? (['children'] as const) : []),
    ...(network.canManage ? (['history', 'settings'] as const) : []),
  ];
  // A tab this person may not open shows the page's first tab.
  const current = available.includes(tab) ? tab : 'about';
  const panels: Record<NetworkTab, () => ReactNode> = {
    about: () => <NetworkAbout network={network} />,
    members: () => <NetworkMembers network={network} />,
    forum: () => <NetworkForumTab networkId={network.id} />,
    agenda: () => <NetworkAgendaTab network={network} />,
    documents: () => <NetworkDocumentsTab networkId={network.id} />,
    children: () => <NetworkChildren items={children.data ?? []} />,
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
  const navigate = useNavigate();
  const current = network.data;
  useEffect(() => {
    // Reached through a former address: the current one replaces it in the address bar.
    if (current && tab && !isNetworkId(key) && current.slug !== key) void navigate(networkPath(current, tab), { replace: true });
  }, [current, key, tab, navigate]);
  if (!(isNetworkId(key) || ADDRESS.test(key)) || !tab || isApiError(network.error, 404) || isApiError(network.error, 400)) return <NotFoundPage />;
  const data = network.data;
  const name = data?.name ?? t('networks.title');
  const heading = data ? (
    <Group gap="md" wrap="nowrap" component="span">
      <Avatar src={data.logoUrl} alt="" size={56} radius="md" color="indigo" aria-hidden visibleFrom="sm">
        {initials(data.name)}
      </Avatar>
      <span>{data.name}</span>
    </Group>
  ) : (
    name
  );
  return (
    <Page title={tab === 'about' ? name : `${t(`networks.tabs.${tab}`)} · ${name}`} heading={heading}>
      <QueryContent query={network} loading={<LoadingLines lines={8} />}>
        {(loaded) => (
          <Stack gap="lg">
            <Summary network={loaded} />
            <JoinNetwork network={loaded} />
            <NetworkTabs network={loaded} tab={tab} />
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
}
