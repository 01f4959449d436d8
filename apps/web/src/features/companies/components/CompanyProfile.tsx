import { Anchor, Avatar, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '@maillage/contracts';
import { formatSiren, formatSiret } from '@maillage/referentials/identifiers';
import { DetailList } from '../../../components/DetailList';
import { SectionCard } from '../../../components/SectionCard';
import { displayHost, initials, nafLabel } from '../../../lib/format';
import { useHeadcountBandLabel } from '../hooks/useCompanies';
import { CompanyMatches } from './CompanyMatches';
import { CompanyOffers } from './CompanyOffers';
import { CompanyPeople } from './CompanyPeople';

export function companyName(company: Pick<Company, 'tradeName' | 'legalName'>): string {
  return company.tradeName ?? company.legalName;
}

/** The public page of a company: identity, activity, address, description and people. */
export function CompanyProfile({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const band = useHeadcountBandLabel(company.headcountBand, i18n.language);
  const { line1, line2, postalCode, commune } = company.address;
  const cityLine = [postalCode, commune?.name].filter(Boolean).join(' ');
  const address = [line1, line2, cityLine].filter(Boolean);

  return (
    <Stack gap="lg">
      <Group gap="lg" align="center" wrap="nowrap">
        <Avatar
          src={company.logoUrl}
          alt={company.logoUrl ? t('companies.logoOf', { name: companyName(company) }) : undefined}
          size={88}
          radius="md"
          color="blue"
        >
          {initials(companyName(company))}
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0 }}>
          {company.tradeName ? <Text fw={600}>{company.legalName}</Text> : null}
          <Text>{t('companies.siretValue', { siret: formatSiret(company.siret) })}</Text>
          {commune ? <Text>{`${commune.name} (${commune.departement.code})`}</Text> : null}
        </Stack>
      </Group>

      <SectionCard id="company-identity" title={t('companies.sections.identity')}>
        <DetailList
          items={[
            { label: t('fields.legalName'), value: company.legalName },
            { label: t('fields.tradeName'), value: company.tradeName },
            { label: t('fields.siret'), value: formatSiret(company.siret) },
            { label: t('fields.siren'), value: formatSiren(company.siren) },
            { label: t('fields.naf'), value: company.naf ? nafLabel(company.naf) : null },
            { label: t('fields.legalForm'), value: company.legalForm?.label },
            { label: t('fields.headcountBand'), value: band },
            {
              label: t('fields.address'),
              value: address.length ? address.map((line) => <span key={line} style={{ display: 'block' }}>{line}</span>) : null,
            },
            { label: t('fields.departement'), value: commune ? `${commune.departement.name} (${commune.departement.code})` : null },
            { label: t('fields.region'), value: commune?.region.name },
            {
              label: t('fields.website'),
              value: company.website ? (
                <Anchor href={company.website} target="_blank" rel="noopener noreferrer">
                  {displayHost(company.website)}
                  <VisuallyHidden> {t('common.newWindow')}</VisuallyHidden>
                </Anchor>
              ) : null,
            },
          ]}
        />
      </SectionCard>

      {company.description ? (
        <SectionCard id="company-description" title={t('fields.description')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{company.description}</Text>
        </SectionCard>
      ) : null}

      <SectionCard id="company-offers" title={t('offers.title')} intro={t('offers.intro')}>
        <CompanyOffers companyId={company.id} canEdit={company.canEdit} />
      </SectionCard>

      <SectionCard id="company-matches" title={t('matches.title')} intro={t('matches.intro')}>
        <CompanyMatches companyId={company.id} />
      </SectionCard>

      <SectionCard id="company-people" title={t('companies.sections.people')}>
        <CompanyPeople companyId={company.id} />
      </SectionCard>
    </Stack>
  );
}
