import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConversationsService } from './conversations.service';
import { ConversationParticipant } from './entities/conversation-participant.entity';
import { Conversation } from './entities/conversation.entity';
import { MessageAttachment } from './entities/message-attachment.entity';
import { MessageReaction } from './entities/message-reaction.entity';
import { Message } from './entities/message.entity';
import { PersonBlock } from './entities/person-block.entity';
import { MessagesService } from './messages.service';
import { MessagingController } from './messaging.controller';
import { MessagingRealtime } from './messaging.realtime';
import { MessagingRepository } from './messaging.repository';
import { MessagingPersonalData } from './messaging.personal-data';

/** Direct and group conversations. Every permission question goes to the access policy. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Conversation, ConversationParticipant, Message, MessageReaction, MessageAttachment, PersonBlock]),
    NotificationsModule,
  ],
  controllers: [MessagingController],
  providers: [MessagingPersonalData, MessagingRepository, MessagingRealtime, ConversationsService, MessagesService],
  exports: [ConversationsService],
})
export class MessagingModule {}
