import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForumReaction, ForumReactionSummary } from '@maillage/contracts';
import { ReactionButtons } from '../../../components/ReactionButtons';
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

/** A post's reactions: counts as toggle buttons (aria-pressed), plus a picker of the other reactions. */
export function ReactionBar({ postId, reactions, canReact, onChange }: ReactionBarProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ForumReaction | null>(null);

  const toggle = async (reaction: ForumReaction, on: boolean) => {
    setBusy(reaction);
    try {
      onChange(await forumsApi.react(postId, reaction, on));
    } catch (error) {
      notify.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };

  return <ReactionButtons reactions={reactions} canReact={canReact} busy={busy} onToggle={(reaction, on) => void toggle(reaction, on)} />;
}
