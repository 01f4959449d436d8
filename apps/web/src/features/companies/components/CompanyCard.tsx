import { Anchor, Avatar, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanySummary } from '@maillage/contracts';
import { initials } from '../../../lib/format';

/** Logo, name (link to the company page), commune, NAF code and my role. */
export function CompanyCard({ company }: { company: CompanySummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" component="article">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <Avatar src={company.logoUrl} alt="" size={56} radius="md" color="blue" aria-hidden>
          {initials(company.name)}
        </Avatar>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/entreprises/${company.id}`} fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {company.name}
          </Anchor>
          <Text size="sm">
            {[company.communeName, company.nafCode && t('companies.nafShort', { code: company.nafCode })].filter(Boolean).join(' · ') ||
              '\u00a0'}
          </Text>
          {company.role ? (
            <Badge variant="light" color="blue" style={{ alignSelf: 'flex-start' }}>
              {t(`roles.${company.role}`)}
            </Badge>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}
