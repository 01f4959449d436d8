import { Anchor, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBuildingFactory2, IconCalendarEvent, IconFileText, IconMessages, IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityItem, ActivityKind } from '@maillage/contracts';
import { relativeTime } from '../lib/dates';

const ICONS: Record<ActivityKind, typeof IconMessages> = {
  member: IconBuildingFactory2,
  topic: IconMessages,
  event: IconCalendarEvent,
  document: IconFileText,
  announcement: IconSpeakerphone,
};

/** A list of what happened lately (a network's page, the signed-in home); `showNetwork` names each item's network. */
export function ActivityFeed({ items, empty, showNetwork = false }: { items: ActivityItem[]; empty: string; showNetwork?: boolean }) {
  const { t } = useTranslation();
  if (!items.length) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => {
        const Icon = ICONS[item.kind];
        return (
          <Paper component="li" key={`${item.kind}:${item.id}:${item.networkId}`} withBorder p="sm" radius="md">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" radius="xl" aria-hidden>
                <Icon size={16} />
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t(`announcements.feed.kinds.${item.kind}`)}
                </Text>
                <Anchor component={Link} to={item.path} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.title}
                </Anchor>
                <Text size="sm">
                  {[showNetwork ? item.networkName : null, item.actor, relativeTime(item.at)].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
