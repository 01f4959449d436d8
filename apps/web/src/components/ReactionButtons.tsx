import { useState } from 'react';
import { ActionIcon, Button, Group, Popover, SimpleGrid, Tooltip, type MantineSize } from '@mantine/core';
import { IconMoodPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORUM_REACTION_EMOJI, FORUM_REACTIONS, type ForumReaction } from '@maillage/contracts';

export interface ReactionCount {
  reaction: ForumReaction;
  count: number;
  /** The viewer's own reaction. */
  mine: boolean;
}

interface ReactionButtonsProps {
  reactions: ReactionCount[];
  /** False: counts only (anonymous visitors, closed conversations). */
  canReact: boolean;
  /** The reaction being saved (its button shows a loader). */
  busy?: ForumReaction | null;
  onToggle: (reaction: ForumReaction, on: boolean) => void;
  size?: 'sm' | 'xs';
}

/** Reaction counts as toggle buttons (aria-pressed), plus a picker of every reaction (forum posts, messages). */
export function ReactionButtons({ reactions, canReact, busy = null, onToggle, size = 'sm' }: ReactionButtonsProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const shown = reactions.filter((r) => r.count > 0);
  const mine = (reaction: ForumReaction) => reactions.find((r) => r.reaction === reaction)?.mine ?? false;
  const toggle = (reaction: ForumReaction) => {
    setPicking(false);
    onToggle(reaction, !mine(reaction));
  };
  const iconSize: MantineSize = size === 'sm' ? 'md' : 'sm';

  return (
    <Group gap={size === 'sm' ? 6 : 4} role="group" aria-label={t('forums.reactions.label')}>
      {shown.map((r) => (
        <Button
          key={r.reaction}
          size={`compact-${size}`}
          radius="xl"
          variant={r.mine ? 'light' : 'default'}
          aria-pressed={canReact ? r.mine : undefined}
          aria-label={t('forums.reactions.summary', { reaction: t(`forums.reactions.names.${r.reaction}`), count: r.count })}
          disabled={!canReact}
          loading={busy === r.reaction}
          onClick={() => toggle(r.reaction)}
        >
          <span aria-hidden>
            {FORUM_REACTION_EMOJI[r.reaction]} {r.count}
          </span>
        </Button>
      ))}
      {canReact ? (
        <Popover opened={picking} onChange={setPicking} position="top-start" withArrow trapFocus returnFocus>
          <Popover.Target>
            <Tooltip label={t('forums.reactions.add')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                radius="xl"
                size={iconSize}
                aria-label={t('forums.reactions.add')}
                aria-expanded={picking}
                onClick={() => setPicking((o) => !o)}
              >
                <IconMoodPlus size={size === 'sm' ? 18 : 16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown p={6}>
            <SimpleGrid cols={6} spacing={4}>
              {FORUM_REACTIONS.map((reaction) => (
                <ActionIcon
                  key={reaction}
                  variant={mine(reaction) ? 'light' : 'subtle'}
                  size="lg"
                  aria-label={t(`forums.reactions.names.${reaction}`)}
                  aria-pressed={mine(reaction)}
                  onClick={() => toggle(reaction)}
                >
                  <span aria-hidden style={{ fontSize: 18 }}>
                    {FORUM_REACTION_EMOJI[reaction]}
                  </span>
                </ActionIcon>
              ))}
            </SimpleGrid>
          </Popover.Dropdown>
        </Popover>
      ) : null}
    </Group>
  );
}
