// Test data of the forum specs (imported by *.spec.ts(x) only).
import type { ForumPost } from '@maillage/contracts';

export function makePost(sequence: number, patch: Partial<ForumPost> = {}): ForumPost {
  return {
    id: `post-${sequence}`,
    topicId: 'topic-1',
    sequence,
    author: { personId: 'person-1', firstName: 'Claire', lastName: 'Dubois', isExpert: false, photoUrl: null, company: null },
    state: 'visible',
    html: `<p>Message ${sequence}</p>`,
    markdown: null,
    edited: false,
    editedAt: null,
    hiddenReason: null,
    createdAt: `2026-11-26T10:0${sequence % 10}:00Z`,
    quote: null,
    reactions: [],
    attachments: [],
    isSolution: false,
    canEdit: false,
    canDelete: false,
    ...patch,
  };
}
