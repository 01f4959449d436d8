import { useState } from 'react';
import { ActionIcon, Button, Group, Popover, SimpleGrid, Tooltip } from '@mantine/core';
import { IconMoodPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FORUM_REACTION_EMOJI, FORUM_REACTIONS, type ForumReaction, type ForumReactionSummary } from '@maillage/contracts';
import { errorMessage } from '../../../lib/errors';
import { notify } from '../../../lib/notify';
import { forumsApi } from '../api/forums.api';

interface ReactionBarProps {
  postId: string;
  reactions: ForumReactionSummary[];
  /** False for anonymous visitors: counts only. */
  canReact: boolean;
  onChange: (reactions: ForumReactionSummary[]) => void;
}

/** Reaction counts as toggle buttons (aria-pressed), plus a picker of the other reactions. */
export function ReactionBar({ postId, reactions, canReact, onChange }: ReactionBarProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState<ForumReaction | null>(null);
  const shown = reactions.filter((r) => r.count > 0);

  const toggle = async (reaction: ForumReaction) => {
    const on = !reactions.find((r) => r.reaction === reaction)?.mine;
    setBusy(reaction);
    setPicking(false);
    try {
      onChange(await forumsApi.react(postId, reaction, on));
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap={6} role="group" aria-label={t('forums.reactions.label')}>
      {shown.map((r) => {
        const label = t('forums.reactions.summary', { reaction: t(`forums.reactions.names.${r.reaction}`), count: r.count });
        return (
          <Button
            key={r.reaction}
            size="compact-sm"
            radius="xl"
            variant={r.mine ? 'light' : 'default'}
            aria-pressed={canReact ? r.mine : undefined}
            aria-label={label}
            disabled={!canReact}
            loading={busy === r.reaction}
            onClick={() => void toggle(r.reaction)}
          >
            <span aria-hidden>
              {FORUM_REACTION_EMOJI[r.reaction]} {r.count}
            </span>
          </Button>
        );
      })}
      {canReact ? (
        <Popover opened={picking} onChange={setPicking} position="top-start" withArrow trapFocus returnFocus>
          <Popover.Target>
            <Tooltip label={t('forums.reactions.add')}>
              <ActionIcon variant="subtle" color="gray" radius="xl" aria-label={t('forums.reactions.add')} aria-expanded={picking} onClick={() => setPicking((o) => !o)}>
                <IconMoodPlus size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown p={6}>
            <SimpleGrid cols={6} spacing={4}>
              {FORUM_REACTIONS.map((reaction) => {
                const mine = reactions.find((r) => r.reaction === reaction)?.mine ?? false;
                return (
                  <ActionIcon
                    key={reaction}
                    variant={mine ? 'light' : 'subtle'}
                    size="lg"
                    aria-label={t(`forums.reactions.names.${reaction}`)}
                    aria-pressed={mine}
                    onClick={() => void toggle(reaction)}
                  >
                    <span aria-hidden style={{ fontSize: 18 }}>
                      {FORUM_REACTION_EMOJI[reaction]}
                    </span>
                  </ActionIcon>
                );
              })}
            </SimpleGrid>
          </Popover.Dropdown>
        </Popover>
      ) : null}
    </Group>
  );
}
