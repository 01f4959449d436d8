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
  'network.federation_request': { defaultChannel: 'email_immediate' },
  'network.membership_decision': { defaultChannel: 'email_immediate' },
  'network.invitation': { defaultChannel: 'email_immediate' },
  'messaging.message': { defaultChannel: 'email_immediate' },
  'agenda.promoted': { defaultChannel: 'email_immediate' },
  'agenda.reminder': { defaultChannel: 'email_immediate' },
  'agenda.event_cancelled': { defaultChannel: 'email_immediate' },
  'company.claim_request': { defaultChannel: 'email_immediate' },
  'company.claim_decision': { defaultChannel: 'email_immediate' },
  'moderation.report': { defaultChannel: 'email_immediate' },
  // Opportunities that match a company: in the notification centre unless the person asks for e-mails.
  'opportunity.match': { defaultChannel: 'in_app' },
  'opportunity.response': { defaultChannel: 'email_immediate' },
  'opportunity.deadline': { defaultChannel: 'email_immediate' },
  // Designated as a mini-grappe's supporter: in the notification centre (the cockpit lists the groups too).
  'opportunity.group_support': { defaultChannel: 'in_app' },
  // An invitation waits for an answer: by e-mail at once.
  'opportunity.group_invitation': { defaultChannel: 'email_immediate' },
  'survey.invitation': { defaultChannel: 'email_immediate' },
  'survey.reminder': { defaultChannel: 'email_immediate' },
  // A network's news: announcements at once, the rest in the daily digest (each network's level decides who hears).
  'network.announcement': { defaultChannel: 'email_immediate' },
  'network.new_topic': { defaultChannel: 'email_digest' },
  'network.new_event': { defaultChannel: 'email_digest' },
  'network.new_document': { defaultChannel: 'email_digest' },
};

export function defaultChannel(type: NotificationType): NotificationChannel {
  return NOTIFICATION_REGISTRY[type].defaultChannel;
}
