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
    this.cache ??= this.list().then((rows) => new Map(rows.map((row) => [row.code, row.name])));
    return this.cache;
  }

  private cache?: Promise<Map<string, string>>;
}
