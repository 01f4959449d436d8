import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../hooks/format';
import { useSteeringOpportunities } from '../hooks/useSteering';

const KEYS = ['opportunities', 'open', 'responses', 'groupsFormed', 'awarded'] as const;

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
      </Stack>
    </section>
  );
}
