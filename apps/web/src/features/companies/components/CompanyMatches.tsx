import { Anchor, Avatar, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompanyMatch } from '@maillage/contracts';
import { QueryContent } from '../../../components/QueryContent';
import { initials } from '../../../lib/format';
import { useCompanyMatches } from '../hooks/useCompanies';

function MatchItem({ match, direction }: { match: CompanyMatch; direction: 'needWhatYouOffer' | 'offerWhatYouNeed' }) {
  const { t } = useTranslation();
  const { company, reasons } = match;
  const why = [
    reasons.naf.length ? t('matches.reasons.naf', { codes: reasons.naf.join(', ') }) : null,
    reasons.skills.length ? t('matches.reasons.skills', { skills: reasons.skills.join(', ') }) : null,
    reasons.territory ? t('matches.reasons.territory') : null,
  ].filter(Boolean);
  return (
    <Paper component="li" withBorder p="sm">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Avatar src={company.logoUrl} alt="" size={40} radius="md" color="blue" aria-hidden visibleFrom="xs">
          {initials(company.name)}
        </Avatar>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" gap="xs" align="flex-start">
            <Anchor component={Link} to={`/entreprises/${company.id}`} fw={700} style={{ overflowWrap: 'anywhere' }}>
              {company.name}
            </Anchor>
            <Badge variant="light" color="teal" tt="none" style={{ flexShrink: 0 }}>
              {t('matches.score', { score: match.score })}
            </Badge>
          </Group>
          {company.communeName ? (
            <Text size="sm">
              {company.communeName}
              {company.departementCode ? ` (${company.departementCode})` : ''}
            </Text>
          ) : null}
          <Text size="sm">{t(`matches.pair.${direction}`, { theirs: match.theirs.label, ours: match.ours.label })}</Text>
          <Text size="xs" c="dimmed">
            {why.join(' · ')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

/** "Mises en relation suggérées": companies needing what this one offers, and offering what it needs. */
export function CompanyMatches({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const matches = useCompanyMatches(companyId);
  return (
    <QueryContent query={matches}>
      {(data) => (
        <Stack gap="lg">
          {(['needWhatYouOffer', 'offerWhatYouNeed'] as const).map((direction) => {
            const headingId = `mises-en-relation-${direction}`;
            return (
              <Stack key={direction} gap="sm" component="section" aria-labelledby={headingId}>
                <Title order={3} size="h5" id={headingId}>
                  {t(`matches.${direction}`)}
                </Title>
                {data[direction].length ? (
                  <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {data[direction].map((match) => (
                      <MatchItem key={`${match.company.id}:${match.theirs.id}`} match={match} direction={direction} />
                    ))}
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t(`matches.none.${direction}`)}
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </QueryContent>
  );
}
