import { useState } from 'react';
import { Alert, Anchor, Avatar, Badge, Blockquote, Box, Button, Group, Image, Menu, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  IconCircleCheck,
  IconDots,
  IconEye,
  IconEyeOff,
  IconFileTypePdf,
  IconFlag,
  IconHistory,
  IconPencil,
  IconQuote,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ForumAttachment, ForumAuthor, ForumPost, ForumTopic } from '@maillage/contracts';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { nameOr } from '../../../lib/format';
import { notify } from '../../../lib/notify';
import { ReportDialog } from '../../../components/ReportDialog';
import { forumsApi } from '../api/forums.api';
import { formatBytes } from '../hooks/format';
import { postAnchor, postPath } from '../hooks/paths';
import { EditPostDialog, HidePostDialog, RevisionsDialog } from './PostDialogs';
import { PostHtml } from '../../../components/markdown/PostHtml';
import { ReactionBar } from './ReactionBar';

function AuthorCard({ author, headingId }: { author: ForumAuthor | null; headingId: string }) {
  const { t } = useTranslation();
  if (!author) {
    return (
      <Text id={headingId} fw={600} c="dimmed">
        {t('forums.post.deletedAuthor')}
      </Text>
    );
  }
  const name = nameOr(author, t('common.aMember'));
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Avatar src={author.photoUrl} alt="" size={40} radius="xl" name={name} color="initials" />
      <Box style={{ minWidth: 0 }}>
        {author.personId ? (
          <Anchor id={headingId} component={Link} to={`/personnes/${encodeURIComponent(author.personId)}`} fw={600} size="sm">
            {name}
          </Anchor>
        ) : (
          <Text id={headingId} fw={600} size="sm">
            {name}
          </Text>
        )}
        {author.company ? (
          <Anchor
            component={Link}
            to={`/entreprises/${encodeURIComponent(author.company.id)}`}
            size="xs"
            c="dimmed"
            display="block"
            lineClamp={1}
          >
            {author.company.name}
          </Anchor>
        ) : null}
      </Box>
    </Group>
  );
}

function Attachments({ attachments }: { attachments: ForumAttachment[] }) {
  const { t } = useTranslation();
  const images = attachments.filter((a) => a.isImage);
  const files = attachments.filter((a) => !a.isImage);
  return (
    <Stack gap="xs" aria-label={t('forums.attachments.list')} role="group">
      {images.length ? (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {images.map((image) => (
            <Anchor
              key={image.id}
              href={image.url}
              target="_blank"
              rel="noopener"
              aria-label={t('forums.attachments.open', { name: image.fileName })}
            >
              <Image
                src={image.url}
                alt={image.fileName}
                h={96}
                fit="cover"
                radius="sm"
                style={{ border: '1px solid var(--mantine-color-default-border)' }}
              />
            </Anchor>
          ))}
        </SimpleGrid>
      ) : null}
      {files.map((file) => (
        <Anchor key={file.id} href={file.url} size="sm" download={file.fileName}>
          <Group gap={6} wrap="nowrap" component="span">
            <IconFileTypePdf size={18} aria-hidden />
            <span style={{ overflowWrap: 'anywhere' }}>
              {file.fileName} ({formatBytes(file.size)})
            </span>
          </Group>
        </Anchor>
      ))}
    </Stack>
  );
}

interface PostCardProps {
  post: ForumPost;
  topic: ForumTopic;
  /** The signed-in person's id; null for anonymous visitors. */
  viewerId: string | null;
  onChange: (post: ForumPost) => void;
  onTopicChange: (topic: ForumTopic) => void;
  onQuote: (post: ForumPost) => void;
}

type OpenDialog = 'edit' | 'history' | 'hide' | 'report' | null;

/** One post: author card, date, quote, content (or why it is not shown), files, reactions, actions. */
export function PostCard({ post, topic, viewerId, onChange, onTopicChange, onQuote }: PostCardProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const headingId = `${postAnchor(post.sequence)}-auteur`;
  const { permissions } = topic;
  const visible = post.state === 'visible';
  const signedIn = viewerId !== null;
  const canReport = signedIn && visible && post.author?.personId !== viewerId;

  const run = async (action: () => Promise<void>, success: string) => {
    try {
      await action();
      notify.success(success);
    } catch (error) {
      notify.error(errorMessage(error, t));
    }
  };
  const restore = () => run(async () => onChange(await forumsApi.restorePost(post.id)), t('forums.moderation.restored'));
  const solve = () =>
    run(
      async () => onTopicChange(await forumsApi.solve(topic.id, post.isSolution ? null : post.id)),
      post.isSolution ? t('forums.post.unsolved') : t('forums.post.solvedDone'),
    );

  const menuItems = [
    visible && permissions.canReply ? (
      <Menu.Item key="quote" leftSection={<IconQuote size={16} aria-hidden />} onClick={() => onQuote(post)}>
        {t('forums.post.quote')}
      </Menu.Item>
    ) : null,
    post.canEdit ? (
      <Menu.Item key="edit" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')}>
        {t('common.edit')}
      </Menu.Item>
    ) : null,
    visible && permissions.canSolve && post.sequence > 1 ? (
      <Menu.Item key="solve" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => void solve()}>
        {post.isSolution ? t('forums.post.unmarkSolution') : t('forums.post.markSolution')}
      </Menu.Item>
    ) : null,
    canReport ? (
      <Menu.Item key="report" leftSection={<IconFlag size={16} aria-hidden />} onClick={() => setDialog('report')}>
        {t('forums.post.report')}
      </Menu.Item>
    ) : null,
    permissions.canModerate && visible ? (
      <Menu.Item key="hide" color="red" leftSection={<IconEyeOff size={16} aria-hidden />} onClick={() => setDialog('hide')}>
        {t('forums.moderation.hide')}
      </Menu.Item>
    ) : null,
    permissions.canModerate && post.state === 'hidden' ? (
      <Menu.Item key="restore" leftSection={<IconEye size={16} aria-hidden />} onClick={() => void restore()}>
        {t('forums.moderation.restore')}
      </Menu.Item>
    ) : null,
  ].filter(Boolean);

  return (
    <Paper
      component="article"
      id={postAnchor(post.sequence)}
      aria-labelledby={headingId}
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      style={post.isSolution ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <AuthorCard author={post.author} headingId={headingId} />
          <Group gap={4} wrap="nowrap">
            {menuItems.length ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" color="gray" size="compact-sm" aria-label={t('forums.post.actions', { number: post.sequence })}>
                    <IconDots size={18} aria-hidden />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>{menuItems}</Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        </Group>
        <Group gap="xs">
          <Text size="xs" c="dimmed" component="span">
            <time dateTime={post.createdAt}>{formatDateTime(post.createdAt)}</time>
          </Text>
          {post.edited ? (
            <Button
              variant="subtle"
              size="compact-xs"
              color="gray"
              leftSection={<IconHistory size={12} aria-hidden />}
              onClick={() => setDialog('history')}
            >
              {post.editedAt ? t('forums.post.editedAt', { date: formatDateTime(post.editedAt) }) : t('forums.post.edited')}
            </Button>
          ) : null}
          {post.isSolution ? (
            <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={12} aria-hidden />}>
              {t('forums.post.solution')}
            </Badge>
          ) : null}
        </Group>
        {post.quote ? (
          <Blockquote p="xs" pl="md" radius="sm" color="gray">
            <Text size="sm" fs="italic" mb={4}>
              {t('forums.post.quoteOf', { name: post.quote.authorName || t('common.aMember') })}
            </Text>
            {post.quote.excerpt ?? (
              <Text span fs="italic">
                {t('forums.post.quoteUnavailable')}
              </Text>
            )}{' '}
            <Anchor component={Link} to={postPath(topic.id, post.quote.sequence)} size="xs" underline="always" c="blue.9">
              {t('forums.post.quoteLink', { number: post.quote.sequence })}
            </Anchor>
          </Blockquote>
        ) : null}
        {post.state === 'deleted' ? (
          <Text c="dimmed" fs="italic">
            {t('forums.post.deleted')}
          </Text>
        ) : null}
        {post.state === 'hidden' ? (
          <Alert color="orange" variant="light" icon={<IconEyeOff size={18} aria-hidden />} title={t('forums.post.hidden')}>
            {post.hiddenReason ? t('forums.post.hiddenReason', { reason: post.hiddenReason }) : null}
          </Alert>
        ) : null}
        {post.html ? (
          <Box opacity={visible ? 1 : 0.6}>
            <PostHtml html={post.html} />
          </Box>
        ) : null}
        {post.attachments.length && post.state !== 'deleted' ? <Attachments attachments={post.attachments} /> : null}
        <Group justify="space-between" gap="xs">
          {visible ? (
            <ReactionBar
              postId={post.id}
              reactions={post.reactions}
              canReact={signedIn}
              onChange={(reactions) => onChange({ ...post, reactions })}
            />
          ) : (
            <span />
          )}
          {post.canDelete && post.state !== 'deleted' && post.sequence > 1 ? (
            <ConfirmButton
              variant="subtle"
              color="red"
              size="compact-sm"
              leftSection={<IconTrash size={14} aria-hidden />}
              aria-label={t('forums.post.deleteNumber', { number: post.sequence })}
              title={t('forums.post.deleteTitle')}
              message={t('forums.post.deleteMessage')}
              confirmLabel={t('common.delete')}
              onConfirm={async () => {
                onChange(await forumsApi.deletePost(post.id));
                notify.success(t('forums.post.deletedDone'));
              }}
            >
              {t('common.delete')}
            </ConfirmButton>
          ) : null}
        </Group>
      </Stack>
      {post.canEdit ? (
        <EditPostDialog
          opened={dialog === 'edit'}
          onClose={() => setDialog(null)}
          post={post}
          networkId={topic.networkId}
          onSaved={onChange}
        />
      ) : null}
      {post.edited ? <RevisionsDialog opened={dialog === 'history'} onClose={() => setDialog(null)} post={post} /> : null}
      {permissions.canModerate ? (
        <HidePostDialog opened={dialog === 'hide'} onClose={() => setDialog(null)} post={post} onDone={onChange} />
      ) : null}
      {canReport ? (
        <ReportDialog opened={dialog === 'report'} onClose={() => setDialog(null)} targetKind="forum_post" targetId={post.id} />
      ) : null}
    </Paper>
  );
}
