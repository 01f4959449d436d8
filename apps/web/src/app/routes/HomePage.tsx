import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  Anchor,
  Avatar,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconBuildingFactory2,
  IconCalendarEvent,
  IconChartBar,
  IconNetwork,
  IconPlus,
  IconSearch,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ActivityFeed as Feed, AgendaEventSummary, HomeFigures, HomeMine } from '@maillage/contracts';
import { ActivityFeed } from '../../components/ActivityFeed';
import { useDocumentTitle } from '../../components/Page';
import { PageLoader } from '../../components/PageLoader';
import { LoadingLines, QueryContent } from '../../components/QueryContent';
import { useAgendaEvents } from '../../features/agenda/hooks/useAgenda';
import { useSession } from '../../lib/session';
import { CompanyList } from '../../features/companies/components/CompanyList';
import { useMyCompanies } from '../../lib/my-companies';
import { NetworkCard } from '../../features/networks/components/NetworkCard';
import { useNetworkList } from '../../features/networks/hooks/useNetworks';
import { api } from '../../lib/api';
import { initials } from '../../lib/format';
import classes from './HomePage.module.css';

const DAY = 24 * 3600 * 1000;

/** Upcoming events from now to three months ahead (a stable key for the whole visit). */
function useUpcoming(scope: 'mine' | 'territory') {
  const query = useMemo(() => {
    const from = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    return { from: from.toISOString(), to: new Date(from.getTime() + 92 * DAY).toISOString(), scope };
  }, [scope]);
  return useAgendaEvents(query);
}

/** The search box front and centre: it opens the directory with the words typed. */
function HeroSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate(q.trim() ? `/recherche?q=${encodeURIComponent(q.trim())}` : '/recherche');
  };
  return (
    <form onSubmit={submit} role="search" aria-label={t('home.search.label')}>
      {/* On a phone the button goes under a full-width box (the label and the examples stay readable). */}
      <Group gap="xs" align="flex-end" wrap="wrap" maw={640}>
        <TextInput
          label={t('home.search.label')}
          placeholder={t('home.search.placeholder')}
          leftSection={<IconSearch size={18} aria-hidden />}
          size="md"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit" size="md">
          {t('home.search.submit')}
        </Button>
      </Group>
    </form>
  );
}

function Section({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end">
        <Title order={2} id={id} size="h3">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Stack>
  );
}

function EventList({ events, empty }: { events: AgendaEventSummary[]; empty: string }) {
  const { i18n } = useTranslation();
  if (!events.length) return <Text c="dimmed">{empty}</Text>;
  const day = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', timeZone: 'Europe/Paris' });
  const month = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', timeZone: 'Europe/Paris' });
  const time = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Paris',
  });
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {events.map((event) => (
        <Paper component="li" key={event.id} withBorder p="sm" radius="md">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <Box className={classes.eventDate} aria-hidden>
              <Text fw={800} size="lg" lh={1.1}>
                {day.format(new Date(event.startsAt))}
              </Text>
              <Text size="xs" tt="uppercase" fw={700}>
                {month.format(new Date(event.startsAt))}
              </Text>
            </Box>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/evenements/${event.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {event.title}
              </Anchor>
              <Text size="sm">
                {[time.format(new Date(event.startsAt)), event.communeName, event.network.name].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function Figures() {
  const { t } = useTranslation();
  const figures = useQuery({ queryKey: ['home', 'figures'], queryFn: () => api.get<HomeFigures>('/home/figures'), staleTime: 60_000 });
  const items = [
    { key: 'networks', icon: IconNetwork, value: figures.data?.networks },
    { key: 'memberCompanies', icon: IconBuildingFactory2, value: figures.data?.memberCompanies },
    { key: 'upcomingEvents', icon: IconCalendarEvent, value: figures.data?.upcomingEvents },
  ] as const;
  return (
    <SimpleGrid
      cols={{ base: 1, xs: 3 }}
      spacing="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('home.figures.label')}
    >
      {items.map(({ key, icon: Icon, value }) => (
        <Paper component="li" key={key} withBorder p="md" radius="md" aria-busy={value === undefined}>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
              <Icon size={22} />
            </ThemeIcon>
            <div>
              <Text className={classes.figure}>{value ?? '…'}</Text>
              <Text size="sm">{t(`home.figures.${key}`, { count: value ?? 0 })}</Text>
            </div>
          </Group>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** The landing page of a visitor: what Maillage is for whom, live figures, public networks and events. */
function Welcome() {
  const { t } = useTranslation();
  useDocumentTitle(null);
  const networks = useNetworkList({ page: 1, pageSize: 6 });
  const events = useUpcoming('territory');
  return (
    <Stack gap={40} maw={1200} mx="auto">
      <Box className={classes.hero}>
        <Stack gap="lg">
          <Badge variant="light" size="lg" radius="sm" style={{ alignSelf: 'flex-start' }}>
            {t('home.hero.kicker')}
          </Badge>
          <Title order={1} className={classes.heroTitle}>
            {t('home.hero.title')}
          </Title>
          <Text size="lg" maw={640}>
            {t('home.hero.lead')}
          </Text>
          <HeroSearch />
          <Group gap="sm">
            <Button component={Link} to="/inscription" size="md">
              {t('home.anonymous.signup')}
            </Button>
            <Button component={Link} to="/reseaux" size="md" variant="default">
              {t('home.hero.browse')}
            </Button>
          </Group>
        </Stack>
      </Box>

      <Figures />

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {(['companies', 'cci'] as const).map((audience) => (
          <Card key={audience} withBorder padding="lg" radius="md" component="section" aria-labelledby={`for-${audience}`}>
            <Group gap="sm" mb="xs" wrap="nowrap">
              <ThemeIcon size={44} radius="md" variant="light" color={audience === 'cci' ? 'teal' : 'blue'} aria-hidden>
                {audience === 'cci' ? <IconUsersGroup size={26} /> : <IconBuildingFactory2 size={26} />}
              </ThemeIcon>
              <Title order={2} size="h4" id={`for-${audience}`}>
                {t(`home.for.${audience}.title`)}
              </Title>
            </Group>
            <Stack component="ul" gap={6} pl="md" m={0}>
              {(t(`home.for.${audience}.points`, { returnObjects: true }) as string[]).map((point) => (
                <Text component="li" key={point}>
                  {point}
                </Text>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>

      <Section
        id="home-networks"
        title={t('home.publicNetworks')}
        action={
          <Anchor component={Link} to="/reseaux">
            {t('home.allNetworks')}
          </Anchor>
        }
      >
        <QueryContent query={networks} loading={<LoadingLines lines={4} />}>
          {(page) => (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {page.items.map((network) => (
                <NetworkCard key={network.id} network={network} />
              ))}
            </SimpleGrid>
          )}
        </QueryContent>
      </Section>

      <Section
        id="home-events"
        title={t('home.upcomingEvents')}
        action={
          <Anchor component={Link} to="/agenda/territoire">
            {t('home.allEvents')}
          </Anchor>
        }
      >
        <QueryContent query={events} loading={<LoadingLines lines={3} />}>
          {(list) => <EventList events={list.slice(0, 5)} empty={t('home.noEvents')} />}
        </QueryContent>
      </Section>
    </Stack>
  );
}

function MyNetworks({ mine }: { mine: HomeMine }) {
  const { t } = useTranslation();
  if (!mine.networks.length) {
    return (
      <Stack gap="xs" align="flex-start">
        <Text c="dimmed">{t('home.me.noNetworks')}</Text>
        <Button component={Link} to="/reseaux" variant="light">
          {t('home.hero.browse')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {mine.networks.map((network) => (
        <Paper component="li" key={network.id} withBorder p="sm" radius="md">
          <Group gap="sm" wrap="wrap" justify="space-between">
            <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <Avatar src={network.logoUrl} alt="" radius="md" color="blue">
                {initials(network.name)}
              </Avatar>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/reseaux/${network.slug}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {network.name}
                </Anchor>
                <Text size="sm">{t(`home.me.roles.${network.role}`)}</Text>
              </Stack>
            </Group>
            {network.unreadTopics ? (
              <Badge component={Link} to={`/reseaux/${network.slug}/forum`} variant="filled" style={{ cursor: 'pointer', flexShrink: 0 }}>
                {t('home.me.unread', { count: network.unreadTopics })}
              </Badge>
            ) : null}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** What happened lately in one's networks (their feeds together, each item as far as one may see it). */
function Activity() {
  const { t } = useTranslation();
  const feed = useQuery({ queryKey: ['home', 'activity'], queryFn: () => api.get<Feed>('/home/activity') });
  return (
    <QueryContent query={feed} loading={<LoadingLines lines={3} />}>
      {(data) => <ActivityFeed items={data.items.slice(0, 8)} empty={t('announcements.feed.homeEmpty')} showNetwork />}
    </QueryContent>
  );
}

/** The signed-in home: my networks (unread topics), my upcoming events, recent activity, my companies. */
function Dashboard({ firstName }: { firstName: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.greeting', { name: firstName }));
  const companies = useMyCompanies();
  const mine = useQuery({ queryKey: ['home', 'me'], queryFn: () => api.get<HomeMine>('/home/me') });
  const events = useUpcoming('mine');
  const add = (
    <Button component={Link} to="/entreprises#ajouter" variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />}>
      {t('home.addCompany')}
    </Button>
  );
  return (
    <Stack gap="xl" maw={1200} mx="auto">
      <Box className={classes.greeting}>
        <Stack gap="sm">
          <Title order={1}>{t('home.greeting', { name: firstName })}</Title>
          <Text>{t('home.lead')}</Text>
          <HeroSearch />
          {mine.data?.animates ? (
            <Group gap="sm">
              <Button component={Link} to="/pilotage" leftSection={<IconChartBar size={18} aria-hidden />}>
                {t('home.me.cockpit')}
              </Button>
              <Text size="sm">{t('home.me.cockpitHint')}</Text>
            </Group>
          ) : null}
        </Stack>
      </Box>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section id="home-my-networks" title={t('home.me.networks')}>
          <QueryContent query={mine} loading={<LoadingLines lines={3} />}>
            {(data) => <MyNetworks mine={data} />}
          </QueryContent>
        </Section>
        <Section
          id="home-my-events"
          title={t('home.me.events')}
          action={
            <Anchor component={Link} to="/agenda">
              {t('home.me.agenda')}
            </Anchor>
          }
        >
          <QueryContent query={events} loading={<LoadingLines lines={3} />}>
            {(list) => <EventList events={list.slice(0, 4)} empty={t('home.me.noEvents')} />}
          </QueryContent>
        </Section>
        <Section id="home-activity" title={t('home.me.activity')}>
          <Activity />
        </Section>
      </SimpleGrid>
      {/* Full width: the company cards have a grid of their own. */}
      <Section id="home-companies" title={t('home.myCompanies')} action={companies.data?.length ? add : null}>
        <QueryContent query={companies}>{(list) => <CompanyList companies={list} emptyAction={add} />}</QueryContent>
      </Section>
    </Stack>
  );
}

export default function HomePage() {
  const { user, isPending } = useSession();
  if (isPending) return <PageLoader />;
  return user ? <Dashboard firstName={user.firstName} /> : <Welcome />;
}
