import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailBody } from './entities/mail-body.entity';
import { OutboxMail } from './entities/outbox-mail.entity';
import { MailService } from './mail.service';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([OutboxMail, MailBody])], providers: [MailService], exports: [MailService] })
export class MailModule {}
