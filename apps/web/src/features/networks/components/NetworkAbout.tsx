import { useMemo } from 'react';
import { Anchor, Badge, Group, Stack, Text, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Network } from '@maillage/contracts';
import { DetailList } from '../../../components/DetailList';
import { SectionCard } from '../../../components/SectionCard';
import { formatDate } from '../../../lib/dates';
import { useDepartements, useRegions } from '../../../lib/referentials';
import { networkPath } from '../../../config/paths/networks';
import { useOrganizations } from '../hooks/useNetworks';
import { useCommuneLabel, useEpciLabel, useNafLabel, useNetworkLabel } from './territoryFields';

function Labels({ codes, useLabel }: { codes: string[]; useLabel: (code: string) => string }) {
  if (!codes.length) return null;
  return (
    <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {codes.map((code) => (
        <LabelItem key={code} code={code} useLabel={useLabel} />
      ))}
    </Group>
  );
}

function LabelItem({ code, useLabel }: { code: string; useLabel: (code: string) => string }) {
  return (
    <li>
      <Badge variant="light" color="gray" tt="none" size="md" style={{ maxWidth: '100%' }}>
        {useLabel(code)}
      </Badge>
    </li>
  );
}

function ParentLink({ id }: { id: string }) {
  const name = useNetworkLabel(id);
  return (
    <li>
      <Anchor component={Link} to={networkPath({ id })}>
        {name}
      </Anchor>
    </li>
  );
}

/**
 * The charter's headings sit under the section's h2: '# Title' becomes an h3, and so on (the HTML
 * is the API's sanitised rendering; DOMParser runs no script).
 */
export function demoteHeadings(html: string, levels = 2): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const heading of [...doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
    const level = Math.min(6, Number(heading.tagName[1]) + levels);
    const replacement = doc.createElement(`h${level}`);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  return doc.body.innerHTML;
}

/** The network's identity, territory, sectors, presentation and charter. */
export function NetworkAbout({ network }: { network: Network }) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const regions = useRegions();
  const departements = useDepartements();
  const orgName = (id: string | null) => (id ? (organizations.data?.find((o) => o.id === id)?.name ?? null) : null);
  const regionLabel = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const departementLabel = (code: string) => {
    const name = departements.data?.find((d) => d.code === code)?.name;
    return name ? `${name} (${code})` : code;
  };
  const { territory } = network;
  const charterHtml = useMemo(() => (network.charterHtml ? demoteHeadings(network.charterHtml) : null), [network.charterHtml]);

  return (
    <Stack gap="lg">
      <SectionCard id="network-description" title={t('networks.about.description')}>
        {network.description ? (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{network.description}</Text>
        ) : (
          <Text>{t('networks.about.noDescription')}</Text>
        )}
      </SectionCard>

      <SectionCard id="network-details" title={t('networks.about.details')}>
        <DetailList
          items={[
            { label: t('networks.fields.type'), value: t(`networks.types.${network.type}`) },
            { label: t('networks.fields.visibility'), value: t(`networks.visibilities.${network.visibility}`) },
            { label: t('networks.fields.joinPolicy'), value: t(`networks.joinPolicies.${network.joinPolicy}`) },
            { label: t('networks.fields.maturity'), value: t(`networks.maturities.${network.maturity}`) },
            { label: t('networks.fields.host'), value: orgName(network.hostOrganizationId) },
            { label: t('networks.fields.referent'), value: orgName(network.referentOrganizationId) },
            { label: t('networks.fields.regions'), value: territory.regions.length ? territory.regions.map(regionLabel).join(', ') : null },
            {
              label: t('networks.fields.departements'),
              value: territory.departements.length ? territory.departements.map(departementLabel).join(', ') : null,
            },
            {
              label: t('networks.fields.epcis'),
              value: territory.epcis.length ? <Labels codes={territory.epcis} useLabel={useEpciLabel} /> : null,
            },
            {
              label: t('networks.fields.communes'),
              value: territory.communes.length ? <Labels codes={territory.communes} useLabel={useCommuneLabel} /> : null,
            },
            {
              label: t('networks.fields.sectors'),
              value: network.sectors.length ? <Labels codes={network.sectors} useLabel={useNafLabel} /> : null,
            },
            { label: t('networks.fields.themes'), value: network.themes.length ? network.themes.join(', ') : null },
            {
              label: t('networks.about.parents'),
              value: network.parentIds.length ? (
                <Stack component="ul" gap={2} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {network.parentIds.map((id) => (
                    <ParentLink key={id} id={id} />
                  ))}
                </Stack>
              ) : null,
            },
            {
              // The network's managers follow their requests to join federations (nobody else sees them).
              label: t('networks.federation.myRequests'),
              value: network.parentRequests.length ? (
                <Stack component="ul" gap={2} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {network.parentRequests.map((request) => (
                    <li key={request.parentId}>
                      {t(`networks.federation.${request.status === 'pending' ? 'pendingWith' : 'refusedBy'}`, { name: request.parentName })}
                    </li>
                  ))}
                </Stack>
              ) : null,
            },
            { label: t('networks.about.created'), value: formatDate(network.createdAt) },
          ]}
        />
      </SectionCard>

      {network.charterHtml || network.charter ? (
        <SectionCard id="network-charter" title={t('networks.about.charter')}>
          {charterHtml ? (
            // Rendered from Markdown and sanitised by the API.
            <Typography>
              <div dangerouslySetInnerHTML={{ __html: charterHtml }} />
            </Typography>
          ) : (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{network.charter}</Text>
          )}
        </SectionCard>
      ) : null}
    </Stack>
  );
}
