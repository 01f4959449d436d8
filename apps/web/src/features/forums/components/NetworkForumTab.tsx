import { useState } from 'react';
import { Alert, Button, Grid, Group, NativeSelect, NavLink, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconMessagePlus, IconSettings, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FORUM_PAGE_SIZE_DEFAULT, type ForumOverview, type ForumTopicFilter } from '@maillage/contracts';
import { Dialog } from '../../../components/Dialog';
import { Pager } from '../../../components/Pager';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { isApiError } from '../../../lib/api';
import { notify } from '../../../lib/notify';
import { moderationPath } from '../../../config/paths/moderation';
import { useSession } from '../../../lib/session';
import { useForumOverview, useLiveForum, useRefreshForum, useTopicList } from '../hooks/useForum';
import { CategoryManager } from './CategoryManager';
import { NewTopicForm } from './NewTopicForm';
import { topicPath } from '../hooks/paths';
import { TopicList } from './TopicList';

/** The list filters offered to signed-in people (the API knows a few more). */
const FILTERS: readonly ForumTopicFilter[] = ['all', 'unread', 'following'];

function useForumParams() {
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS as readonly string[]).includes(params.get('filtre') ?? '') ? (params.get('filtre') as ForumTopicFilter) : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const categoryId = params.get('categorie') ?? '';
  const update = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { filter, page, categoryId, update };
}

function Topics({ networkId, networkSlug, overview }: { networkId: string; networkSlug?: string; overview: ForumOverview }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const navigate = useNavigate();
  const refresh = useRefreshForum();
  const { filter, page, categoryId, update } = useForumParams();
  const [composing, setComposing] = useState(false);
  const [managing, setManaging] = useState(false);
  const categories = overview.categories;
  const category = categories.find((c) => c.id === categoryId);
  const topics = useTopicList(networkId, { categoryId: category?.id, filter, page, pageSize: FORUM_PAGE_SIZE_DEFAULT }, { poll: !user });
  const categoryChoices = [{ value: '', label: t('forums.categories.all') }, ...categories.map((c) => ({ value: c.id, label: c.name }))];
  const listLabel = category ? t('forums.topics.listOf', { category: category.name }) : t('forums.topics.list');

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 3 }}>
        <Stack gap="sm">
          <NativeSelect
            hiddenFrom="md"
            label={t('forums.categories.label')}
            data={categoryChoices}
            value={category?.id ?? ''}
            onChange={(e) => update({ categorie: e.currentTarget.value, page: null })}
          />
          <nav aria-label={t('forums.categories.label')} className="forum-category-nav">
            <Paper withBorder radius="md" p={4} visibleFrom="md">
              {categoryChoices.map((choice) => (
                <NavLink
                  key={choice.value || 'all'}
                  component="button"
                  label={choice.label}
                  description={
                    choice.value
                      ? t('forums.categories.topicCount', { count: categories.find((c) => c.id === choice.value)?.topicCount ?? 0 })
                      : undefined
                  }
                  active={(category?.id ?? '') === choice.value}
                  aria-current={(category?.id ?? '') === choice.value ? 'true' : undefined}
                  onClick={() => update({ categorie: choice.value || null, page: null })}
                />
              ))}
            </Paper>
          </nav>
          {overview.canManageCategories ? (
            <Button variant="default" size="sm" leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setManaging(true)}>
              {t('forums.categories.manage')}
            </Button>
          ) : null}
          {overview.canModerate ? (
            <Button
              component={Link}
              to={moderationPath({ id: networkId, slug: networkSlug })}
              variant="default"
              size="sm"
              leftSection={<IconShieldCheck size={16} aria-hidden />}
            >
              {t('moderation.title')}
            </Button>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 9 }}>
        <Stack gap="md">
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h3">
              {category?.name ?? t('forums.topics.title')}
            </Title>
            {overview.canPost && categories.length ? (
              <Button leftSection={<IconMessagePlus size={16} aria-hidden />} onClick={() => setComposing(true)}>
                {t('forums.topic.new')}
              </Button>
            ) : null}
          </Group>
          {category?.description ? <Text c="dimmed">{category.description}</Text> : null}
          {user ? (
            <SegmentedControl
              aria-label={t('forums.filters.label')}
              value={filter}
              onChange={(value) => update({ filtre: value === 'all' ? null : value, page: null })}
              data={FILTERS.map((value) => ({ value, label: t(`forums.filters.${value}`) }))}
              style={{ alignSelf: 'flex-start' }}
            />
          ) : null}
          <QueryContent query={topics} loading={<LoadingLines lines={5} />}>
            {(data) =>
              data.items.length ? (
                <>
                  <TopicList topics={data.items} showCategory={!category} label={listLabel} />
                  <Pager
                    page={data.page}
                    pageSize={data.pageSize}
                    total={data.total}
                    onChange={(next) => update({ page: next > 1 ? String(next) : null })}
                  />
                </>
              ) : (
                <Paper withBorder radius="md" p="lg">
                  <Text c="dimmed" ta="center">
                    {!categories.length
                      ? t('forums.categories.none')
                      : filter !== 'all'
                        ? t(`forums.topics.empty.${filter}`)
                        : t('forums.topics.empty.all')}
                  </Text>
                </Paper>
              )
            }
          </QueryContent>
        </Stack>
      </Grid.Col>
      <Dialog opened={composing} onClose={() => setComposing(false)} title={t('forums.topic.new')} size="xl">
        <NewTopicForm
          networkId={networkId}
          categories={categories}
          defaultCategoryId={category?.id}
          onCancel={() => setComposing(false)}
          onCreated={(topic) => {
            setComposing(false);
            notify.success(t('forums.topic.created'));
            void refresh(networkId);
            navigate(topicPath(topic.id));
          }}
        />
      </Dialog>
      <Dialog opened={managing} onClose={() => setManaging(false)} title={t('forums.categories.manage')} size="lg">
        <CategoryManager networkId={networkId} categories={categories} />
      </Dialog>
    </Grid>
  );
}

/** A network's forum: categories, topics (pinned first, unread marked), filters, new topic. */
export default function NetworkForumTab({ networkId, networkSlug }: { networkId: string; networkSlug?: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const overview = useForumOverview(networkId, { poll: !user });
  useLiveForum(networkId, user != null && overview.isSuccess);
  if (isApiError(overview.error, 404) || isApiError(overview.error, 403)) {
    return (
      <Alert color="gray" icon={<IconLock size={18} aria-hidden />}>
        {t('forums.membersOnly')}
      </Alert>
    );
  }
  return (
    <QueryContent query={overview}>{(data) => <Topics networkId={networkId} networkSlug={networkSlug} overview={data} />}</QueryContent>
  );
}
