import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipEvent } from './entities/membership-event.entity';
import { Membership } from './entities/membership.entity';
import { NetworkParent } from './entities/network-parent.entity';
import { Network } from './entities/network.entity';
import { NetworksController } from './networks.controller';
import { NetworksService } from './networks.service';

@Module({
  imports: [TypeOrmModule.forFeature([Network, NetworkParent, Membership, MembershipEvent])],
  controllers: [NetworksController],
  providers: [NetworksService],
  exports: [NetworksService],
})
export class NetworksModule {}
