import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Municipality } from './municipality.entity.js';

/**
 * The 98 kommuner, read once and kept: they never change. They are read when the application starts,
 * not on first use: the first use is often inside a write's transaction (a decision names the kommune in
 * its letter), and a burst of such writes on a cold process would hold every pooled connection while
 * each waits for one more to read the names (the pool starves until its connect timeout). A failed read
 * is not kept: the next call reads again.
 */
@Injectable()
export class MunicipalitiesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MunicipalitiesService.name);

  constructor(@InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>) {}

  async onApplicationBootstrap(): Promise<void> {
    // A database that is not there yet at start only logs: the health check says so, and the next use reads again.
    await this.byCode().catch((error: unknown) => this.logger.warn(`Kommunerne kunne ikke læses ved start: ${String(error)}`));
  }

  list(): Promise<Municipality[]> {
    return this.municipalities.find({ order: { code: 'ASC' } });
  }

  /** Code → name. */
  async names(): Promise<Map<string, string>> {
    return new Map([...(await this.byCode())].map(([code, row]) => [code, row.name]));
  }

  /** Code → the name documents print: "Syddjurs Kommune". */
  async officialNames(): Promise<Map<string, string>> {
    return new Map([...(await this.byCode())].map(([code, row]) => [code, row.officialName]));
  }

  private byCode(): Promise<Map<string, Municipality>> {
    this.cache ??= this.list().then(
      (rows) => new Map(rows.map((row) => [row.code, row])),
      (error: unknown) => {
        this.cache = undefined;
        throw error;
      },
    );
    return this.cache;
  }

  private cache?: Promise<Map<string, Municipality>>;
}
