import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommuneGeo } from './commune-geo.entity';
import { GeoService } from './geo.service';

@Global()
@Module({ imports: [TypeOrmModule.forFeature([CommuneGeo])], providers: [GeoService], exports: [GeoService] })
export class GeoModule {}
