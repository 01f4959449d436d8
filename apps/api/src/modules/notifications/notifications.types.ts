import type { EntityManager } from 'typeorm';
import type { NotificationChannel, NotificationSubject, NotificationType } from '@maillage/contracts';

/** A read-only handle on the database: the caller's transaction manager, or the data source outside one. */
export type Queryable = Pick<EntityManager, 'query'>;

/**
 * Who, among `personIds`, may see the subject right now. Run just before storing and mailing; the
 * people it leaves out get nothing (neither in-app nor e-mail). Read through `db`: it is the caller's
 * transaction with notify(tx, …) (PGlite: never read through another connection then); with
 * notify(null, …) the check runs before the service opens its own transaction.
 */
export type VisibilityCheck = (personIds: readonly string[], db: Queryable) => Promise<ReadonlySet<string>>;

/**
 * One domain event to tell people about (NotificationsService.notify).
 *
 * The payload (`data`) is copied into the in-app entry and rendered into the e-mail: put in it only
 * what every recipient may see (titles, names, a short excerpt), never secrets. Values are strings
 * or numbers; the service adds `firstName` of each recipient for the mail.
 */
export interface NotifyInput {
  type: NotificationType;
  /** People to tell (duplicates and the actor are dropped). */
  recipients: readonly string[];
  /** The person who caused the event (never notified of their own action). */
  actorId?: string | null;
  subject: NotificationSubject;
  /** Rendering data of the type's templates (see notifications.mail-templates.ts for each type's fields). */
  data: Record<string, string | number | boolean | null>;
  /** The web app's path to open (e.g. `/reseaux/<id>/membres`); the e-mail links to PUBLIC_URL + path. */
  path: string;
  /**
   * Folds repeated events into one entry while it is unread: a second notify with the same key for
   * the same recipient updates the unread entry (data, time, count + 1) and sends no new e-mail.
   * E.g. `conversation:<id>` for new messages.
   */
  dedupeKey?: string;
  /**
   * Who may see the subject. Optional for the types whose default check is in the registry
   * (forum.* and network.*: the access policy on `subject.networkId`); required for the others
   * (messaging.message: the conversation's participants). Without any check nobody is notified.
   */
  visibleTo?: VisibilityCheck;
}

/** What notify did; the live events go out after the commit (see publish). */
export interface NotifyResult {
  /** Notified recipients (those who passed the visibility check and whose preference is not `off`). */
  notified: string[];
  /** Recipients who were sent an immediate e-mail (outbox). */
  emailed: string[];
  /**
   * Emits `notification:new` to each recipient's `user:<id>` room. The service does it by itself
   * after the commit (of its own transaction, or of the caller's one given to notify); calling it
   * again sends nothing twice.
   */
  publish(): void;
}

/** What the registry knows of a type. */
export interface NotificationTypeDefinition {
  /** The channel of people who did not choose one. */
  defaultChannel: NotificationChannel;
}
