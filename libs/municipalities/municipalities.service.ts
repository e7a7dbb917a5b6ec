import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Municipality } from './municipality.entity.js';

@Injectable()
export class MunicipalitiesService {
  constructor(@InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>) {}

  list(): Promise<Municipality[]> {
    return this.municipalities.find({ order: { code: 'ASC' } });
  }

  /** Code → name; the 98 rows are read once and kept, they never change. */
  async names(): Promise<Map<string, string>> {
    return new Map([...(await this.byCode())].map(([code, row]) => [code, row.name]));
  }

  /** Code → the name documents print: "Syddjurs Kommune". */
  async officialNames(): Promise<Map<string, string>> {
    return new Map([...(await this.byCode())].map(([code, row]) => [code, row.officialName]));
  }

  private byCode(): Promise<Map<string, Municipality>> {
    this.cache ??= this.list().then((rows) => new Map(rows.map((row) => [row.code, row])));
    return this.cache;
  }

  private cache?: Promise<Map<string, Municipality>>;
}
