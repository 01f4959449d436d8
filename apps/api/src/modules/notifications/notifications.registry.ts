import type { NotificationChannel, NotificationType } from '@maillage/contracts';
import type { NotificationTypeDefinition } from './notifications.types';

/**
 * Every notification type and its default channel (what people get until they choose). A later issue
 * adds its type to NOTIFICATION_TYPES in libs/contracts, here, and its template in
 * notifications.mail-templates.ts.
 */
export const NOTIFICATION_REGISTRY: Record<NotificationType, NotificationTypeDefinition> = {
  'forum.mention': { defaultChannel: 'email_immediate' },
  'forum.reply': { defaultChannel: 'email_immediate' },
  'network.membership_request': { defaultChannel: 'email_immediate' },
  'network.membership_decision': { defaultChannel: 'email_immediate' },
  'messaging.message': { defaultChannel: 'email_immediate' },
  'agenda.promoted': { defaultChannel: 'email_immediate' },
  'agenda.reminder': { defaultChannel: 'email_immediate' },
  'agenda.event_cancelled': { defaultChannel: 'email_immediate' },
};

export function defaultChannel(type: NotificationType): NotificationChannel {
  return NOTIFICATION_REGISTRY[type].defaultChannel;
}
