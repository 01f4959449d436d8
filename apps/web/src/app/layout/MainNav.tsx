import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../lib/session';
import { STEERING_PATH } from '../../features/steering/hooks/access';
import { useSteeringAccess } from '../../features/steering/hooks/useSteering';

interface NavItem {
  to: string;
  label: string;
}

/**
 * The areas that exist for this visitor; the current one is marked with aria-current. The header bar
 * leaves out the home page (the logo), the profile and the administration (the account menu) to stay on one line.
 */
function useNavItems(vertical: boolean): NavItem[] {
  const { t } = useTranslation();
  const { user, isAdmin } = useSession();
  const steering = useSteeringAccess();
  const items: NavItem[] = [
    ...(vertical ? [{ to: '/', label: t('nav.home') }] : []),
    { to: '/recherche', label: t('nav.directory') },
    { to: '/reseaux', label: t('nav.networks') },
    { to: '/opportunites', label: t('nav.opportunities') },
    // Signed-in people see their agenda (with a link to the territory's); visitors the territory's public events.
    { to: user ? '/agenda' : '/agenda/territoire', label: t('nav.agenda') },
  ];
  // The steering pages come first for the staff who run networks.
  if (steering.canSteer) items.splice(vertical ? 1 : 0, 0, { to: STEERING_PATH, label: t('nav.steering') });
  if (user) {
    items.push(
      { to: '/entreprises', label: t('nav.companies') },
      ...(vertical
        ? [
            { to: '/enquetes', label: t('nav.surveys') },
            { to: '/profil', label: t('nav.profile') },
          ]
        : []),
    );
  }
  // In the header bar, the administration is in the account menu (the bar stays on one line at 1280 px).
  if (isAdmin && vertical) items.push({ to: '/admin', label: t('nav.admin') });
  return items;
}

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** Horizontal in the desktop header, vertical in the mobile menu. */
export function MainNav({ vertical = false }: { vertical?: boolean }) {
  const items = useNavItems(vertical);
  const { pathname } = useLocation();
  const links = items.map((item) => {
    const active = isActive(pathname, item.to);
    return (
      <Button
        key={item.to}
        component={Link}
        to={item.to}
        aria-current={active ? 'page' : undefined}
        variant={active ? 'light' : 'subtle'}
        color={active ? 'blue' : 'dark'}
        justify={vertical ? 'flex-start' : 'center'}
        fullWidth={vertical}
        size={vertical ? 'md' : 'sm'}
        // Narrower in the header bar, so that every area fits on one line at 1280 px.
        px={vertical ? undefined : 10}
      >
        {item.label}
      </Button>
    );
  });
  const entries = links.map((link) => <li key={link.key}>{link}</li>);
  const list = { component: 'ul' as const, style: { listStyle: 'none', margin: 0, padding: 0 } };
  return vertical ? (
    <Stack gap={4} {...list}>
      {entries}
    </Stack>
  ) : (
    // One line in the header bar, whatever the number of areas.
    <Group gap={4} wrap="nowrap" {...list}>
      {entries}
    </Group>
  );
}
