import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../features/auth/hooks/useSession';

interface NavItem {
  to: string;
  label: string;
}

/**
 * The areas that exist for this visitor; the current one is marked with aria-current. The header bar
 * leaves out the home page (the logo) and the profile (the account menu) to stay on one line.
 */
function useNavItems(vertical: boolean): NavItem[] {
  const { t } = useTranslation();
  const { user, isAdmin } = useSession();
  const items: NavItem[] = [
    ...(vertical ? [{ to: '/', label: t('nav.home') }] : []),
    { to: '/recherche', label: t('nav.directory') },
    { to: '/reseaux', label: t('nav.networks') },
    // Signed-in people see their agenda (with a link to the territory's); visitors the territory's public events.
    { to: user ? '/agenda' : '/agenda/territoire', label: t('nav.agenda') },
  ];
  if (user) {
    items.push({ to: '/entreprises', label: t('nav.companies') }, ...(vertical ? [{ to: '/profil', label: t('nav.profile') }] : []));
  }
  if (isAdmin) items.push({ to: '/admin', label: t('nav.admin') });
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
      >
        {item.label}
      </Button>
    );
  });
  const Layout = vertical ? Stack : Group;
  return (
    <Layout gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {links.map((link) => (
        <li key={link.key}>{link}</li>
      ))}
    </Layout>
  );
}
