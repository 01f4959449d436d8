import { Button, Divider, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi, ssoStartUrl } from '../api/auth.api';

/**
 * "Sign in with <organisation>": plain links, since the API answers with a redirect to the provider
 * (a form would be stopped by the CSP's form-action on the way out). Nothing shows when none is set up.
 */
export function SsoButtons() {
  const { t } = useTranslation();
  const options = useQuery({
    queryKey: ['auth', 'sso-options'],
    queryFn: ({ signal }) => authApi.ssoOptions(signal),
    staleTime: 5 * 60_000,
  });
  if (!options.data?.length) return null;
  return (
    <Stack gap="sm" mt="lg">
      <Divider label={t('accounts.sso.or')} labelPosition="center" />
      {options.data.map((option) => (
        <Button key={option.organizationId} component="a" href={ssoStartUrl(option.organizationId)} variant="default">
          {t('accounts.sso.signInWith', { name: option.organizationName })}
        </Button>
      ))}
    </Stack>
  );
}
