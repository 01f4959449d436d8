import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconChecklist, IconChevronDown, IconLogout, IconLogout2, IconPalette, IconSettings, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '@maillage/contracts';
import { useSignOut } from '../../features/auth/hooks/useSignOut';
import { organizationBrandingPath } from '../../features/steering/hooks/access';
import { fullName, initials } from '../../lib/format';

/**
 * The signed-in person's menu: profile, the identity of the organisations they administer, administration (platform
 * admins), sign out, sign out everywhere.
 */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { signOut, signOutEverywhere } = useSignOut();
  const name = fullName(user);
  return (
    <Menu position="bottom-end" width={240} withinPortal={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px={6}
          aria-label={t('nav.accountMenu', { name })}
          leftSection={
            <Avatar size={28} radius="xl" color="blue" aria-hidden>
              {initials(name)}
            </Avatar>
          }
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          <Text span size="sm" fw={600} visibleFrom="md">
            {user.firstName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{name}</Menu.Label>
        <Menu.Item component={Link} to="/profil" leftSection={<IconUser size={16} aria-hidden />}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/enquetes" leftSection={<IconChecklist size={16} aria-hidden />}>
          {t('nav.surveys')}
        </Menu.Item>
        {user.staffOf
          .filter((s) => s.role === 'admin')
          .map((s) => (
            <Menu.Item
              key={s.organizationId}
              component={Link}
              to={organizationBrandingPath(s.organizationId)}
              leftSection={<IconPalette size={16} aria-hidden />}
            >
              {t('organizationBranding.link', { name: s.organizationName })}
            </Menu.Item>
          ))}
        {user.platformRole === 'admin' ? (
          <Menu.Item component={Link} to="/admin" leftSection={<IconSettings size={16} aria-hidden />}>
            {t('nav.admin')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('auth.logout.submit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout2 size={16} aria-hidden />} onClick={() => void signOutEverywhere()}>
          {t('auth.logout.everywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
