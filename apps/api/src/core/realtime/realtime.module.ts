import { type DynamicModule, Global, Module, type ModuleMetadata } from '@nestjs/common';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

/**
 * Socket.io on `/realtime` (see RealtimeGateway); feature modules use RealtimeService. The server options live in
 * RealtimeIoAdapter. The handshake resolves sessions through the SESSION_RESOLVER port: `forRoot` takes the module
 * that exports it (the identity module, chosen by the app), so core never imports a module.
 */
@Global()
@Module({})
export class RealtimeModule {
  static forRoot(sessions: { imports: NonNullable<ModuleMetadata['imports']> }): DynamicModule {
    return { module: RealtimeModule, imports: sessions.imports, providers: [RealtimeService, RealtimeGateway], exports: [RealtimeService] };
  }
}
