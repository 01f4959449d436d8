import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Coordinates of a commune's centre (INSEE code), imported from open data or the demo seed. */
@Entity('commune_geo')
export class CommuneGeo {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lng: number;
}
