import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

const SECTIONS = [
  { to: '/admin/organisations', key: 'organizations' },
  { to: '/admin/utilisateurs', key: 'users' },
  { to: '/admin/e-mails', key: 'mails' },
  { to: '/admin/imports', key: 'imports' },
  { to: '/admin/recherche', key: 'search' },
  { to: '/admin/confidentialite', key: 'privacy' },
  { to: '/admin/securite', key: 'security' },
] as const;

/** Platform administration: a sub-navigation, then the section (which has its own h1). */
export default function AdminLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <>
      <Group
        component="nav"
        aria-label={t('admin.nav')}
        gap={4}
        mb="lg"
        wrap="wrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', paddingBottom: 8 }}
      >
        {SECTIONS.map((section) => {
          const active = pathname === section.to || pathname.startsWith(`${section.to}/`);
          return (
            <Button
              key={section.to}
              component={Link}
              to={section.to}
              aria-current={active ? 'page' : undefined}
              variant={active ? 'light' : 'subtle'}
              color={active ? 'blue' : 'dark'}
              size="sm"
            >
              {t(`admin.sections.${section.key}`)}
            </Button>
          );
        })}
      </Group>
      <Outlet />
    </>
  );
}
