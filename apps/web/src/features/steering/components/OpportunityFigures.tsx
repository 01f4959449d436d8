import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SupportedOpportunityGroup } from '@maillage/contracts';
import { opportunityGroupPath } from '../../../config/paths/opportunities';
import { formatDate } from '../../../lib/dates';
import { formatNumber } from '../hooks/format';
import { useSteeringOpportunities } from '../hooks/useSteering';

const KEYS = ['opportunities', 'open', 'responses', 'groupsFormed', 'awarded'] as const;

/** "Mini-grappes accompagnées": the groups whose lead chose the caller as CCI supporter, each linking to its space. */
function SupportedGroups({ groups }: { groups: SupportedOpportunityGroup[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cockpit-supported-groups">
      <Stack gap="xs">
        <Title order={3} size="h5" id="cockpit-supported-groups">
          {t('opportunities.cockpit.supported')}
        </Title>
        {groups.length ? (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {groups.map((g) => (
              <Paper component="li" key={g.id} withBorder p="sm" radius="md">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor component={Link} to={opportunityGroupPath(g.opportunityId)} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {g.opportunityTitle}
                  </Anchor>
                  <Badge variant="light" tt="none">
                    {t(`opportunities.group.statuses.${g.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('opportunities.cockpit.supportedLine', { lead: g.lead.name, count: g.members, date: formatDate(g.deadline) })}
                </Text>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('opportunities.cockpit.supportedEmpty')}
          </Text>
        )}
      </Stack>
    </section>
  );
}

/** The opportunities and mini-grappes of the member companies of the steered networks (the groups the CCI supports). */
export function OpportunityFigures() {
  const { t } = useTranslation();
  const query = useSteeringOpportunities();
  // The cockpit stays usable without these figures: an error is said in one line, loading keeps the room.
  if (query.isError)
    return (
      <Group gap="sm">
        <Text size="sm" c="red.8">
          {t('opportunities.cockpit.error')}
        </Text>
        <Button size="xs" variant="default" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Group>
    );
  return (
    <section aria-labelledby="cockpit-opportunities">
      <Stack gap="xs">
        <Title order={2} size="h4" id="cockpit-opportunities">
          {t('opportunities.cockpit.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('opportunities.cockpit.hint')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" component="dl" style={{ margin: 0 }}>
          {KEYS.map((key) => (
            <Paper key={key} withBorder p="sm" radius="md">
              <Text component="dt" size="sm" c="dimmed">
                {t(`opportunities.cockpit.${key}`)}
              </Text>
              <Text component="dd" m={0} fz="xl" fw={700} data-figure={key}>
                {query.data ? (
                  formatNumber(query.data.stats[key])
                ) : (
                  <Skeleton height={28} width="3rem" component="span" display="inline-block" />
                )}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
        {query.data ? <SupportedGroups groups={query.data.supported} /> : null}
      </Stack>
    </section>
  );
}
