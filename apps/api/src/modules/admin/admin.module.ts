import { Module } from '@nestjs/common';
import { AdminSearchController } from './admin-search.controller';
import { AdminSearchService } from './admin-search.service';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

@Module({ controllers: [AdminController, AdminSearchController], providers: [AdminService, AdminSearchService] })
export class AdminModule {}
