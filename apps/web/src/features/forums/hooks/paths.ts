import { FORUM_PAGE_SIZE_DEFAULT } from '@maillage/contracts';

export function topicPath(topicId: string): string {
  return `/forum/sujets/${encodeURIComponent(topicId)}`;
}

/** The id of a post's element: 'post-<sequence>', as in the API's links (e-mails, moderation queue). */
export function postAnchor(sequence: number): string {
  return `post-${sequence}`;
}

/** The page of a topic showing the post with this sequence number. */
export function pageOfSequence(sequence: number, pageSize: number = FORUM_PAGE_SIZE_DEFAULT): number {
  return Math.max(1, Math.ceil(sequence / pageSize));
}

/** A link to one post: its page and its anchor. */
export function postPath(topicId: string, sequence: number, pageSize: number = FORUM_PAGE_SIZE_DEFAULT): string {
  const page = pageOfSequence(sequence, pageSize);
  return `${topicPath(topicId)}${page > 1 ? `?page=${page}` : ''}#${postAnchor(sequence)}`;
}
