import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';

@Module({ imports: [CompaniesModule], controllers: [PeopleController], providers: [PeopleService], exports: [PeopleService] })
export class PeopleModule {}
