import { policy } from '../../../test/access-fixtures';

const voter = { personId: 'p1', platformRole: 'user' as const };
const reader = { read: true, reply: true, moderate: false, author: false };
const poll = (over: Partial<{ authorId: string | null; resultsVisibility: string; closed: boolean }> = {}) => ({
  authorId: 'author',
  resultsVisibility: 'after_vote',
  closed: false,
  ...over,
});

describe('AccessPolicy: polls and surveys', () => {
  it('lets the topic author and moderators add and close a poll, repliers vote while it is open', () => {
    expect(policy.pollRights(voter, reader, null, false).create).toBe(false);
    expect(policy.pollRights(voter, { ...reader, author: true }, null, false).create).toBe(true);
    expect(policy.pollRights(voter, { ...reader, moderate: true }, null, false).create).toBe(true);
    // A locked topic (no reply): no poll, no vote.
    expect(policy.pollRights(voter, { ...reader, reply: false, author: true }, null, false).create).toBe(false);
    expect(policy.pollRights(voter, { ...reader, reply: false }, poll(), false).vote).toBe(false);
    expect(policy.pollRights(voter, reader, poll(), false)).toEqual({ create: false, vote: true, close: false, seeResults: false });
    expect(policy.pollRights(voter, reader, poll({ closed: true }), false)).toEqual({
      create: false,
      vote: false,
      close: false,
      seeResults: true,
    });
    expect(policy.pollRights({ ...voter, personId: 'author' }, reader, poll(), false).close).toBe(true);
    expect(policy.pollRights(null, { ...reader, reply: false }, poll(), false).vote).toBe(false);
  });

  it('shows a poll’s counts after voting or after closing, as its author chose; always to its author and moderators', () => {
    expect(policy.pollRights(voter, reader, poll(), true).seeResults).toBe(true);
    expect(policy.pollRights(voter, reader, poll({ resultsVisibility: 'after_close' }), true).seeResults).toBe(false);
    expect(policy.pollRights(voter, reader, poll({ resultsVisibility: 'after_close', closed: true }), true).seeResults).toBe(true);
    expect(policy.pollRights(voter, { ...reader, moderate: true }, poll({ resultsVisibility: 'after_close' }), false).seeResults).toBe(
      true,
    );
    expect(policy.pollRights({ ...voter, personId: 'author' }, reader, poll({ resultsVisibility: 'after_close' }), false).seeResults).toBe(
      true,
    );
  });

  it('keeps a survey’s answers to its owners; recipients answer while it is open and see results only when shared', () => {
    const open = { status: 'open', closesAt: null, resultsShared: false };
    expect(policy.surveyRights(open, true, false)).toEqual({ read: true, manage: true, answer: false, seeResults: true, seeAnswers: true });
    expect(policy.surveyRights(open, false, true)).toEqual({
      read: true,
      manage: false,
      answer: true,
      seeResults: false,
      seeAnswers: false,
    });
    expect(policy.surveyRights({ ...open, resultsShared: true }, false, true).seeResults).toBe(true);
    expect(policy.surveyRights({ ...open, resultsShared: true }, false, true).seeAnswers).toBe(false);
    // Past its closing date, or closed, or still a draft: no answer.
    expect(policy.surveyRights({ ...open, closesAt: new Date(Date.now() - 1000) }, false, true).answer).toBe(false);
    expect(policy.surveyRights({ ...open, status: 'closed' }, false, true).answer).toBe(false);
    expect(policy.surveyRights({ ...open, status: 'draft' }, false, true)).toMatchObject({ read: false, answer: false });
    // Anyone else: nothing.
    expect(policy.surveyRights({ ...open, resultsShared: true }, false, false)).toEqual({
      read: false,
      manage: false,
      answer: false,
      seeResults: false,
      seeAnswers: false,
    });
  });
});
