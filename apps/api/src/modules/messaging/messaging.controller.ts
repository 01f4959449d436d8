import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { FilesService } from '../../core/storage/files.service';
import { Upload, type UploadSource } from '../../core/storage/upload-source';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type {
  Conversation,
  ConversationListItem,
  Message,
  MessageAttachment,
  MessagePage,
  MessagingPerson,
  Page,
  PresenceSnapshot,
  ReadState,
  UnreadSummary,
} from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { UuidParam } from '../../core/http/params';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { ConversationsService } from './conversations.service';
import {
  AddParticipantsDto,
  ContactQueryDto,
  ConversationListQueryDto,
  CreateConversationDto,
  EditMessageDto,
  MarkReadDto,
  MessagePageQueryDto,
  MuteConversationDto,
  SendMessageDto,
  UpdateConversationDto,
} from './dto/messaging.dto';
import { MessagesService } from './messages.service';
import { ATTACHMENT, CONVERSATION, MESSAGE, PERSON } from './messaging.errors';

/** Conversations and their messages (every path is listed in libs/contracts/src/messaging.ts). Signed-in only. */
@ApiTags('messaging')
@Controller()
export class MessagingController {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly messages: MessagesService,
    private readonly files: FilesService,
  ) {}

  // ---------- conversations ----------

  @Post('conversations')
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateConversationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Conversation> {
    const { conversation, created } = await this.conversations.create(actor, dto);
    reply.status(created ? 201 : 200);
    return conversation;
  }

  @Get('conversations')
  list(@CurrentActor() actor: Actor, @Query() query: ConversationListQueryDto): Promise<Page<ConversationListItem>> {
    return this.conversations.list(actor, query);
  }

  @Get('conversations/:id')
  get(@CurrentActor() actor: Actor, @UuidParam('id', CONVERSATION) id: string): Promise<Conversation> {
    return this.conversations.get(actor, id);
  }

  @Patch('conversations/:id')
  rename(
    @CurrentActor() actor: Actor,
    @UuidParam('id', CONVERSATION) id: string,
    @Body() dto: UpdateConversationDto,
  ): Promise<Conversation> {
    return this.conversations.rename(actor, id, dto.title);
  }

  @Put('conversations/:id/muted')
  mute(@CurrentActor() actor: Actor, @UuidParam('id', CONVERSATION) id: string, @Body() dto: MuteConversationDto): Promise<Conversation> {
    return this.conversations.mute(actor, id, dto.muted);
  }

  @Post('conversations/:id/leave')
  @HttpCode(204)
  leave(@CurrentActor() actor: Actor, @UuidParam('id', CONVERSATION) id: string): Promise<void> {
    return this.conversations.leave(actor, id);
  }

  @Post('conversations/:id/participants')
  @HttpCode(200)
  addParticipants(
    @CurrentActor() actor: Actor,
    @UuidParam('id', CONVERSATION) id: string,
    @Body() dto: AddParticipantsDto,
  ): Promise<Conversation> {
    return this.conversations.addParticipants(actor, id, dto);
  }

  @Delete('conversations/:id/participants/:personId')
  @HttpCode(204)
  removeParticipant(
    @CurrentActor() actor: Actor,
    @UuidParam('id', CONVERSATION) id: string,
    @UuidParam('personId', PERSON) personId: string,
  ): Promise<void> {
    return this.conversations.removeParticipant(actor, id, personId.toLowerCase());
  }

  // ---------- messages ----------

  @Get('conversations/:id/messages')
  page(@CurrentActor() actor: Actor, @UuidParam('id', CONVERSATION) id: string, @Query() query: MessagePageQueryDto): Promise<MessagePage> {
    return this.messages.page(actor, id, query);
  }

  @Post('conversations/:id/messages')
  async send(
    @CurrentActor() actor: Actor,
    @UuidParam('id', CONVERSATION) id: string,
    @Body() dto: SendMessageDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Message> {
    const { message, created } = await this.messages.send(actor, id, dto);
    reply.status(created ? 201 : 200);
    return message;
  }

  @Post('conversations/:id/read')
  @HttpCode(200)
  read(@CurrentActor() actor: Actor, @UuidParam('id', CONVERSATION) id: string, @Body() dto: MarkReadDto): Promise<ReadState> {
    return this.messages.markRead(actor, id, dto.seq);
  }

  @Put('messages/:id')
  edit(@CurrentActor() actor: Actor, @UuidParam('id', MESSAGE) id: string, @Body() dto: EditMessageDto): Promise<Message> {
    return this.messages.edit(actor, id, dto.body);
  }

  @Delete('messages/:id')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('id', MESSAGE) id: string): Promise<void> {
    return this.messages.remove(actor, id);
  }

  @Put('messages/:id/reactions/:reaction')
  react(@CurrentActor() actor: Actor, @UuidParam('id', MESSAGE) id: string, @Param('reaction') reaction: string): Promise<Message> {
    return this.messages.react(actor, id, reaction, true);
  }

  @Delete('messages/:id/reactions/:reaction')
  unreact(@CurrentActor() actor: Actor, @UuidParam('id', MESSAGE) id: string, @Param('reaction') reaction: string): Promise<Message> {
    return this.messages.react(actor, id, reaction, false);
  }

  // ---------- attachments ----------

  @Post('conversations/:id/attachments')
  @ApiConsumes('multipart/form-data')
  upload(
    @CurrentActor() actor: Actor,
    @UuidParam('id', CONVERSATION) id: string,
    @Upload() upload: UploadSource,
  ): Promise<MessageAttachment> {
    return this.messages.upload(actor, id, upload);
  }

  @Get('messaging/attachments/:id')
  async download(@CurrentActor() actor: Actor, @UuidParam('id', ATTACHMENT) id: string, @Res() reply: FastifyReply): Promise<void> {
    return this.files.send(await this.messages.download(actor, id), reply);
  }

  // ---------- blocks, badges, presence ----------

  @Post('people/:id/block')
  @HttpCode(204)
  block(@CurrentActor() actor: Actor, @UuidParam('id', PERSON) id: string): Promise<void> {
    return this.conversations.block(actor, id.toLowerCase());
  }

  @Delete('people/:id/block')
  @HttpCode(204)
  unblock(@CurrentActor() actor: Actor, @UuidParam('id', PERSON) id: string): Promise<void> {
    return this.conversations.unblock(actor, id.toLowerCase());
  }

  /** People to start a conversation with, by name (see ConversationsService.contacts). */
  @Get('messaging/contacts')
  contacts(@CurrentActor() actor: Actor, @Query() query: ContactQueryDto): Promise<MessagingPerson[]> {
    return this.conversations.contacts(actor, query.q);
  }

  @Get('messaging/blocks')
  blocks(@CurrentActor() actor: Actor): Promise<MessagingPerson[]> {
    return this.conversations.blocks(actor);
  }

  @Get('messaging/unread')
  unread(@CurrentActor() actor: Actor): Promise<UnreadSummary> {
    return this.conversations.unread(actor);
  }

  @Get('messaging/presence')
  presence(@CurrentActor() actor: Actor): Promise<PresenceSnapshot> {
    return this.conversations.presence(actor);
  }
}
