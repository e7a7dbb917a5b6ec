import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A kommune, keyed by its official three-digit code (`101` København … `860` Hjørring). */
@Entity('municipality')
export class Municipality {
  @PrimaryColumn({ type: 'char', length: 3 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** As documents print it: "Syddjurs Kommune", "Københavns Kommune", "Bornholms Regionskommune". */
  @Column({ name: 'official_name', type: 'text' })
  officialName: string;
}
