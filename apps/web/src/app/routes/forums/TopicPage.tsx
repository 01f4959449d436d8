import { useEffect } from 'react';
import { Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { Page } from '../../../components/Page';
import { LoadingLines, QueryContent } from '../../../components/QueryContent';
import { useSession } from '../../../lib/session';
import { TopicBreadcrumbs, TopicView } from '../../../features/forums/components/TopicView';
import { pageOfSequence } from '../../../features/forums/hooks/paths';
import { useTopicPage } from '../../../features/forums/hooks/useTopic';
import { isApiError } from '../../../lib/api';
import NotFoundPage from '../NotFoundPage';

/** /forum/sujets/:id?page=n — a topic of a network's forum. */
export default function TopicPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const [params, setParams] = useSearchParams();
  const { hash } = useLocation();
  // A link to '#post-<n>' without a page (e-mails, moderation queue) opens the page holding that post.
  const linked = /^#post-(\d+)$/.exec(hash);
  const page = Math.max(1, Number(params.get('page')) || (linked ? pageOfSequence(Number(linked[1])) : 1));
  const { user } = useSession();
  const topic = useTopicPage(id, page);
  const loaded = Boolean(topic.data);

  useEffect(() => {
    if (loaded && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);

  // Absent, forbidden and malformed look the same.
  if (isApiError(topic.error, 404) || isApiError(topic.error, 400) || isApiError(topic.error, 403)) return <NotFoundPage />;
  const title = topic.data?.topic.title ?? t('forums.topic.loading');
  return (
    <>
      {topic.data ? (
        <Container size="lg" px={0}>
          <TopicBreadcrumbs data={topic.data} />
        </Container>
      ) : null}
      <Page title={title}>
        <QueryContent query={topic} loading={<LoadingLines lines={8} />}>
          {(data) => (
            <TopicView
              key={data.topic.id}
              data={data}
              page={page}
              viewerId={user?.id ?? null}
              onPage={(next) => {
                setParams(next > 1 ? { page: String(next) } : {});
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </QueryContent>
      </Page>
    </>
  );
}
