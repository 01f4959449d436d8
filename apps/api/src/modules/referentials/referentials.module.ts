import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { findCommune, findNaf } from '@maillage/referentials';
import { ReferentialsController } from './referentials.controller';

@Module({ controllers: [ReferentialsController] })
export class ReferentialsModule implements OnApplicationBootstrap {
  /** Loads and indexes the NAF and commune tables at boot rather than on the first request. */
  onApplicationBootstrap() {
    findNaf('62.01Z');
    findCommune('75056');
  }
}
