import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

/** Socket.io on `/realtime` (see RealtimeGateway); feature modules use RealtimeService. The server options live in RealtimeIoAdapter. */
@Global()
@Module({
  imports: [IdentityModule],
  providers: [RealtimeService, RealtimeGateway],
  exports: [RealtimeService],
})
export class RealtimeModule {}
