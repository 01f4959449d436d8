import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { SsoFlow } from './entities/sso-flow.entity';
import { SsoIdentity } from './entities/sso-identity.entity';
import { SsoProvider } from './entities/sso-provider.entity';
import { SsoController } from './sso.controller';
import { SsoPersonalData } from './sso.personal-data';
import { SsoService } from './sso.service';

@Module({
  imports: [TypeOrmModule.forFeature([SsoProvider, SsoFlow, SsoIdentity]), IdentityModule, OrganizationsModule],
  controllers: [SsoController],
  providers: [SsoService, SsoPersonalData],
})
export class SsoModule {}
