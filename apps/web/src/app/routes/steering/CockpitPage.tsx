import { Button, Stack } from '@mantine/core';
import { IconMap2, IconPalette } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../components/Page';
import { Cockpit } from '../../../features/steering/components/Cockpit';
import { DormantSettings } from '../../../features/steering/components/DormantSettings';
import { organizationBrandingPath, TERRITORY_STEERING_PATH } from '../../../features/steering/hooks/access';
import { useSteeringAccess } from '../../../features/steering/hooks/useSteering';
import { useSession } from '../../../lib/session';

export default function CockpitPage() {
  const { t } = useTranslation();
  const { canSeeRegional } = useSteeringAccess();
  // The organisations this person administers: their identity (logo, colour) is set from here.
  const administered = useSession().user?.staffOf.filter((s) => s.role === 'admin') ?? [];
  return (
    <Page
      title={t('steering.cockpit.title')}
      description={t('steering.cockpit.lead')}
      size="xl"
      actions={
        canSeeRegional || administered.length ? (
          <>
            {administered.map((o) => (
              <Button
                key={o.organizationId}
                component={Link}
                to={organizationBrandingPath(o.organizationId)}
                variant="default"
                leftSection={<IconPalette size={16} aria-hidden />}
              >
                {t('organizationBranding.link', { name: o.organizationName })}
              </Button>
            ))}
            {canSeeRegional ? (
              <Button component={Link} to={TERRITORY_STEERING_PATH} variant="light" leftSection={<IconMap2 size={16} aria-hidden />}>
                {t('steering.territory.link')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <Stack gap="lg">
        <Cockpit />
        <DormantSettings />
      </Stack>
    </Page>
  );
}
