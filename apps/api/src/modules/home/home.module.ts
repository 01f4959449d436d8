import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { AgendaModule } from '../agenda/agenda.module';
import { ForumsModule } from '../forums/forums.module';
import { NetworksModule } from '../networks/networks.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';

@Module({ imports: [NetworksModule, AgendaModule, ForumsModule, ActivityModule], controllers: [HomeController], providers: [HomeService] })
export class HomeModule {}
