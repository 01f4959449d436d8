import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PollView } from '@maillage/contracts';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { ForumTopicsService, type TopicRights } from '../forums/forum-topics.service';
import type { CreatePollDto } from './dto/polls.dto';
import { PollOption } from './entities/poll-option.entity';
import { PollVote } from './entities/poll-vote.entity';
import { Poll } from './entities/poll.entity';
import { POLL, PollErrors } from './polls.errors';

const isClosed = (poll: Pick<Poll, 'closedAt' | 'closesAt'>, now = new Date()) =>
  poll.closedAt !== null || (poll.closesAt !== null && poll.closesAt <= now);

/** Polls of forum topics: every decision starts from the forums' rights on the topic (through ForumTopicsService). */
@Injectable()
export class PollsService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly topics: ForumTopicsService,
  ) {}

  async get(actor: MaybeActor, topicId: string): Promise<PollView> {
    const rights = await this.topics.topicRights(actor, topicId);
    const poll = await this.db.getRepository(Poll).findOneBy({ topicId });
    if (!poll) throw AppException.notFound(POLL);
    return this.view(actor, rights, poll);
  }

  async create(actor: Actor, topicId: string, dto: CreatePollDto): Promise<PollView> {
    const rights = await this.topics.topicRights(actor, topicId);
    if (!this.access.pollRights(actor, rights, null, false).create) throw AppException.forbidden();
    const options = dto.options.map((o) => o.trim());
    if (options.some((o) => !o) || new Set(options.map((o) => o.toLocaleLowerCase('fr'))).size !== options.length)
      throw PollErrors.duplicateOptions();
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (closesAt && closesAt <= new Date()) throw PollErrors.closesInPast();
    const question = dto.question.trim();
    if (!question)
      throw AppException.badRequest('VALIDATION_FAILED', 'question must not be blank', [
        { field: 'question', messages: ['must not be blank'] },
      ]);
    const poll = await this.db.transaction(async (tx) => {
      // The unique topic id decides between two polls created at once; the loser gets the same 409 as a later one.
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO polls (topic_id, author_id, question, multiple, results_visibility, closes_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (topic_id) DO NOTHING RETURNING id`,
        [topicId, actor.personId, question, dto.multiple, dto.resultsVisibility, closesAt],
      );
      if (!inserted.length) throw PollErrors.exists();
      await tx.insert(
        PollOption,
        options.map((label, position) => ({ pollId: inserted[0].id, position, label })),
      );
      return tx.findOneByOrFail(Poll, { id: inserted[0].id });
    });
    return this.view(actor, rights, poll);
  }

  /** Replaces the person's vote (changing one's mind is allowed until the poll closes). */
  async vote(actor: Actor, topicId: string, optionIds: string[]): Promise<PollView> {
    const rights = await this.topics.topicRights(actor, topicId);
    const poll = await this.db.getRepository(Poll).findOneBy({ topicId });
    if (!poll) throw AppException.notFound(POLL);
    if (isClosed(poll)) throw PollErrors.closed();
    if (!this.access.pollRights(actor, rights, { ...poll, closed: false }, false).vote) throw AppException.forbidden();
    const chosen = [...new Set(optionIds)];
    if (chosen.length !== optionIds.length || (!poll.multiple && chosen.length !== 1)) throw PollErrors.invalidVote();
    await this.db.transaction(async (tx) => {
      const known: { id: string }[] = await tx.query('SELECT id FROM poll_options WHERE poll_id = $1 AND id = ANY($2::uuid[])', [
        poll.id,
        chosen,
      ]);
      if (known.length !== chosen.length) throw PollErrors.invalidVote();
      // Closing is re-read under the poll's row lock so that no vote lands after a concurrent close.
      const [locked]: { closed_at: Date | null; closes_at: Date | null }[] = await tx.query(
        'SELECT closed_at, closes_at FROM polls WHERE id = $1 FOR UPDATE',
        [poll.id],
      );
      if (isClosed({ closedAt: locked.closed_at, closesAt: locked.closes_at })) throw PollErrors.closed();
      await tx.delete(PollVote, { pollId: poll.id, personId: actor.personId });
      await tx.insert(
        PollVote,
        chosen.map((optionId) => ({ pollId: poll.id, personId: actor.personId, optionId })),
      );
    });
    return this.view(actor, rights, poll);
  }

  async close(actor: Actor, topicId: string): Promise<PollView> {
    const rights = await this.topics.topicRights(actor, topicId);
    const poll = await this.db.getRepository(Poll).findOneBy({ topicId });
    if (!poll) throw AppException.notFound(POLL);
    if (isClosed(poll)) throw PollErrors.closed();
    if (!this.access.pollRights(actor, rights, { ...poll, closed: false }, false).close) throw AppException.forbidden();
    await this.db.query('UPDATE polls SET closed_at = now() WHERE id = $1 AND closed_at IS NULL', [poll.id]);
    return this.view(actor, rights, await this.db.getRepository(Poll).findOneByOrFail({ id: poll.id }));
  }

  private async view(actor: MaybeActor, rights: TopicRights, poll: Poll): Promise<PollView> {
    const [options, mine, [{ voters }]]: [{ id: string; label: string; votes: number }[], { option_id: string }[], { voters: number }[]] =
      await Promise.all([
        this.db.query(
          `SELECT o.id, o.label, (SELECT count(*)::int FROM poll_votes v WHERE v.option_id = o.id) AS votes
         FROM poll_options o WHERE o.poll_id = $1 ORDER BY o.position`,
          [poll.id],
        ),
        actor
          ? this.db.query('SELECT option_id FROM poll_votes WHERE poll_id = $1 AND person_id = $2', [poll.id, actor.personId])
          : Promise.resolve([]),
        this.db.query('SELECT count(DISTINCT person_id)::int AS voters FROM poll_votes WHERE poll_id = $1', [poll.id]),
      ]);
    const closed = isClosed(poll);
    const can = this.access.pollRights(
      actor,
      rights,
      { authorId: poll.authorId, resultsVisibility: poll.resultsVisibility, closed },
      mine.length > 0,
    );
    return {
      id: poll.id,
      topicId: poll.topicId,
      question: poll.question,
      multiple: poll.multiple,
      resultsVisibility: poll.resultsVisibility,
      closesAt: poll.closesAt?.toISOString() ?? null,
      closed,
      options: options.map((o) => ({ id: o.id, label: o.label, votes: can.seeResults ? o.votes : null })),
      voters: can.seeResults ? voters : null,
      myVote: mine.map((m) => m.option_id),
      resultsVisible: can.seeResults,
      canVote: can.vote,
      canClose: can.close,
    };
  }
}
