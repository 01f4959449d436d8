import { Avatar, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationInput } from '@maillage/contracts';
import { OrganizationForm } from '../../../components/OrganizationForm';
import { QueryContent } from '../../../components/QueryContent';
import { SectionCard } from '../../../components/SectionCard';
import { initials } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { organizationApi, organizationKeys } from '../api/organization.api';

interface OrganizationBrandingProps {
  organizationId: string;
  /** Its admins edit; its other staff read. */
  editable: boolean;
  /** Platform admins also change its kind and parent. */
  structureEditable: boolean;
  /** Shown when the organisation does not exist. */
  notFound: ReactNode;
}

/** A host organisation's identity as its networks' pages show it: name, description, accent colour, logo. */
export function OrganizationBranding({ organizationId, editable, structureEditable, notFound }: OrganizationBrandingProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organizations = useQuery({ queryKey: organizationKeys.all, queryFn: organizationApi.list });
  const refresh = async (saved: Organization) => {
    // Network pages read the host's logo and colour: they are fetched again.
    await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    await queryClient.invalidateQueries({ queryKey: ['networks'] });
    return saved;
  };
  const save = async (input: OrganizationInput) => {
    await refresh(await organizationApi.update(organizationId, input));
    notify.success(t('organizations.saved', { name: input.name }));
  };

  return (
    <QueryContent query={organizations}>
      {(list) => {
        const organization = list.find((o) => o.id === organizationId);
        if (!organization) return <>{notFound}</>;
        if (!editable) return <OrganizationCard organization={organization} />;
        return (
          <SectionCard id="organization-identity" title={t('organizationBranding.formTitle')} intro={t('organizationBranding.intro')}>
            <OrganizationForm
              key={organization.id}
              organization={organization}
              organizations={list}
              onSubmit={save}
              structureEditable={structureEditable}
              logo={{
                upload: (file) => organizationApi.uploadLogo(organizationId, file).then(refresh),
                remove: () => organizationApi.removeLogo(organizationId).then(refresh),
              }}
            />
          </SectionCard>
        );
      }}
    </QueryContent>
  );
}

function OrganizationCard({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="organization-identity" title={t('organizationBranding.formTitle')} intro={t('organizationBranding.intro')}>
      <Stack gap="md">
        <Group gap="md" wrap="nowrap">
          <Avatar src={organization.logoUrl} alt={t('networks.hostLogo', { name: organization.name })} size={72} radius="md">
            {initials(organization.name)}
          </Avatar>
          <Text fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {organization.name}
          </Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-line' }}>{organization.description ?? t('organizationBranding.noDescription')}</Text>
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('organizations.accent')}
          </Text>
          {organization.accentColor ? (
            <>
              <Box w={20} h={20} style={{ borderRadius: 4, background: organization.accentColor }} aria-hidden />
              <Text size="sm">{organization.accentColor}</Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('organizationBranding.noAccent')}
            </Text>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('organizationBranding.readOnly')}
        </Text>
      </Stack>
    </SectionCard>
  );
}
