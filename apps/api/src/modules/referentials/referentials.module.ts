import { Module } from '@nestjs/common';
import { ReferentialsController } from './referentials.controller';

@Module({ controllers: [ReferentialsController] })
export class ReferentialsModule {}
