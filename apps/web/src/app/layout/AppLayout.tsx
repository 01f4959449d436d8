import { lazy, Suspense, useEffect } from 'react';
import { ActionIcon, Anchor, AppShell, Box, Burger, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/PageLoader';
import { APP_NAME } from '../../config';
import { RouteErrorBoundary } from '../routes/RouteError';
import { useSession, useSessionExpiry } from '../../lib/session';
import { useAccountLanguage, useLanguage } from '../../features/profile/hooks/useLanguage';
import { LEGAL_PAGES, type LegalPageKey } from '../legal-pages';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';
import { ConsentGate } from '../../components/ConsentGate';

const MAIN_ID = 'contenu';

// Its own chunk (combobox, suggestions): the entry stays small and the box appears a moment later.
const SearchBox = lazy(() => import('../../features/search/components/SearchBox'));
const TwoFactorGatePage = lazy(() => import('../routes/TwoFactorGatePage'));
// Its own chunk too: it brings the real-time client (socket.io), which stays out of the entry.
const NotificationBell = lazy(() => import('../../features/notifications/components/NotificationBell'));
const MessagesBadge = lazy(() => import('../../features/messaging/components/MessagesBadge'));

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
    >
      {t('nav.skip')}
    </a>
  );
}

function AuthButtons({ vertical = false }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const Layout = vertical ? Stack : Group;
  return (
    <Layout gap="xs">
      <Button component={Link} to="/connexion" variant="default" size={vertical ? 'md' : 'sm'}>
        {t('nav.login')}
      </Button>
      <Button component={Link} to="/inscription" size={vertical ? 'md' : 'sm'}>
        {t('nav.signup')}
      </Button>
    </Layout>
  );
}

/** The shell: skip link, header (brand, navigation, language, account), mobile menu, main. */
/** The information pages, on every page. */
function SiteFooter() {
  const { t } = useTranslation();
  return (
    <Box component="footer" mt={48} pt="md" pb="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" gap="sm" maw={1200} mx="auto">
        <Text size="sm">{t('legal.tagline')}</Text>
        <Group component="nav" aria-label={t('legal.footerLabel')} gap="md">
          {(Object.entries(LEGAL_PAGES) as [LegalPageKey, string][]).map(([key, path]) => (
            <Anchor key={key} component={Link} to={`/${path}`} size="sm" c="dark">
              {t(`legal.${key}.title`)}
            </Anchor>
          ))}
        </Group>
      </Group>
    </Box>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const { user, isPending } = useSession();
  const { language, setLanguage } = useLanguage();
  useAccountLanguage();
  useSessionExpiry();

  useEffect(close, [pathname, close]);

  // Two-factor sign-in required and not set up: nothing else until it is (the API agrees).
  if (user?.mustEnrolTwoFactor) {
    return (
      <Suspense fallback={<PageLoader />}>
        <TwoFactorGatePage />
      </Suspense>
    );
  }

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 280, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="menu-mobile"
              />
              <Anchor
                component={Link}
                to="/"
                fw={800}
                size="xl"
                c="blue.9"
                underline="never"
                aria-label={t('nav.homeOf', { app: APP_NAME })}
              >
                {APP_NAME}
              </Anchor>
            </Group>
            {/* The search box needs room: below large screens it is an icon, and the bar keeps the navigation on one line. */}
            <Box visibleFrom="lg" style={{ flex: '0 1 18rem', minWidth: '11rem' }}>
              <Suspense fallback={<Skeleton height={36} aria-hidden />}>
                <SearchBox />
              </Suspense>
            </Box>
            <Box component="nav" aria-label={t('nav.main')} visibleFrom="md" style={{ flex: 1, display: 'flex', justifyContent: 'center' }}>
              <MainNav />
            </Box>
            <Group gap="xs" wrap="nowrap">
              {pathname === '/recherche' ? null : (
                <ActionIcon
                  component={Link}
                  to="/recherche"
                  hiddenFrom="lg"
                  variant="subtle"
                  color="dark"
                  size="lg"
                  aria-label={t('search.box.open')}
                >
                  <IconSearch size={20} aria-hidden />
                </ActionIcon>
              )}
              {/* On phones it moves to the menu: the bar keeps room for the messages and the bell. */}
              <Box visibleFrom="xs">
                <LanguageSwitch value={language} onChange={(locale) => void setLanguage(locale)} />
              </Box>
              {user ? (
                <>
                  <Suspense fallback={null}>
                    <MessagesBadge />
                  </Suspense>
                  <Suspense fallback={null}>
                    <NotificationBell />
                  </Suspense>
                  <UserMenu user={user} />
                </>
              ) : isPending ? null : (
                <Group visibleFrom="sm">
                  <AuthButtons />
                </Group>
              )}
            </Group>
          </Group>
        </AppShell.Header>
        {opened ? (
          <AppShell.Navbar id="menu-mobile" p="md" aria-label={t('nav.mobile')}>
            <Stack gap="lg">
              <MainNav vertical />
              <Box hiddenFrom="xs">
                <LanguageSwitch value={language} onChange={(locale) => void setLanguage(locale)} />
              </Box>
              {!user && !isPending ? <AuthButtons vertical /> : null}
            </Stack>
          </AppShell.Navbar>
        ) : null}
        <AppShell.Main id={MAIN_ID} tabIndex={-1}>
          <ConsentGate />
          <RouteErrorBoundary key={pathname}>
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </RouteErrorBoundary>
          <SiteFooter />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
