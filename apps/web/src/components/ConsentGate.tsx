import { Alert, Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { legalApi, legalKeys, versionsOf } from '../lib/legal';
import { useSession, useSessionActions } from '../lib/session';
import { ErrorAlert } from './ErrorAlert';

/**
 * When new terms or a new privacy policy were published, the signed-in person is asked to accept them, at the top
 * of every page until they do (a banner rather than a modal: the legal texts it links to stay readable).
 */
export function ConsentGate() {
  const { t } = useTranslation();
  const { user } = useSession();
  const session = useSessionActions();
  const [checked, setChecked] = useState(false);
  const required = user?.consentRequired === true;
  const versions = useQuery({ queryKey: legalKeys.versions, queryFn: legalApi.versions, enabled: required });
  const accept = useMutation({
    mutationFn: () => legalApi.accept(versionsOf(versions.data)),
    onSuccess: () => session.update({ consentRequired: false }),
  });
  if (!required) return null;
  return (
    <Alert
      component="section"
      role="region"
      aria-labelledby="consent-title"
      color="orange"
      variant="light"
      mb="md"
      title={<span id="consent-title">{t('consent.title')}</span>}
    >
      <Stack gap="sm">
        <Text size="sm">{t('consent.text')}</Text>
        <Group gap="md">
          <Anchor component={Link} to="/conditions-utilisation" size="sm" c="blue.9" underline="always">
            {t('legal.terms.title')}
          </Anchor>
          <Anchor component={Link} to="/confidentialite" size="sm" c="blue.9" underline="always">
            {t('legal.privacy.title')}
          </Anchor>
        </Group>
        <ErrorAlert error={accept.error} />
        <Checkbox checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} label={t('consent.checkbox')} />
        <div>
          <Button disabled={!checked || !versions.data} loading={accept.isPending} onClick={() => accept.mutate()}>
            {t('consent.accept')}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}
