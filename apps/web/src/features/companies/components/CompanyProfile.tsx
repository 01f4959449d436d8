import { Anchor, Avatar, Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Company } from '@maillage/contracts';
import { formatSiren, formatSiret } from '@maillage/referentials/identifiers';
import { DetailList } from '../../../components/DetailList';
import { SectionCard } from '../../../components/SectionCard';
import { displayHost, initials, nafLabel } from '../../../lib/format';
import { useHeadcountBandLabel } from '../hooks/useCompanies';
import { CompanyOffers } from './CompanyOffers';
import { CompanyPeople, type PersonAction } from './CompanyPeople';

export function companyName(company: Pick<Company, 'tradeName' | 'legalName'>): string {
  return company.tradeName ?? company.legalName;
}

/** Without a cover, a gradient picked from the company's NAF section, so that companies of one trade look akin. */
const SECTION_COLORS: [string, string][] = [
  ['indigo', 'cyan'],
  ['teal', 'lime'],
  ['violet', 'indigo'],
  ['blue', 'grape'],
  ['cyan', 'blue'],
  ['grape', 'pink'],
  ['orange', 'red'],
  ['yellow', 'orange'],
];
function coverGradient(company: Company): string {
  const key = company.naf?.code ?? company.siren;
  const [from, to] = SECTION_COLORS[[...key].reduce((sum, c) => sum + c.charCodeAt(0), 0) % SECTION_COLORS.length];
  return `linear-gradient(120deg, var(--mantine-color-${from}-8), var(--mantine-color-${to}-5))`;
}

/** The public page of a company: identity, activity, address, description and people. */
export function CompanyProfile({ company, personAction }: { company: Company; personAction?: PersonAction }) {
  const { t, i18n } = useTranslation();
  const band = useHeadcountBandLabel(company.headcountBand, i18n.language);
  const { line1, line2, postalCode, commune } = company.address;
  const cityLine = [postalCode, commune?.name].filter(Boolean).join(' ');
  const address = [line1, line2, cityLine].filter(Boolean);

  return (
    <Stack gap="lg">
      {/* The cover band (or a gradient in the colours of its activity) with the logo overlapping it. */}
      <Box pos="relative" mb={8} data-testid="company-cover">
        <Box
          h={{ base: 96, sm: 168 }}
          style={{ borderRadius: 'var(--mantine-radius-lg)', overflow: 'hidden', background: coverGradient(company) }}
        >
          {company.coverUrl ? (
            <img src={company.coverUrl} alt="" style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
          ) : null}
        </Box>
      </Box>
      <Group gap="lg" align="flex-end" wrap="nowrap" mt={-56} px="md">
        <Avatar
          src={company.logoUrl}
          alt={company.logoUrl ? t('companies.logoOf', { name: companyName(company) }) : undefined}
          size={88}
          radius="md"
          variant="default"
          style={{ border: '4px solid var(--mantine-color-body)', boxShadow: 'var(--mantine-shadow-sm)', flexShrink: 0 }}
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
              value: address.length
                ? address.map((line) => (
                    <span key={line} style={{ display: 'block' }}>
                      {line}
                    </span>
                  ))
                : null,
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

      <SectionCard id="company-people" title={t('companies.sections.people')}>
        <CompanyPeople companyId={company.id} personAction={personAction} />
      </SectionCard>
    </Stack>
  );
}
