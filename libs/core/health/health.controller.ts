import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../access/access.decorators.js';
import { InFlightRequests } from '../lifecycle/in-flight-requests.js';
import { RedisClient } from '../redis/redis.module.js';

const CHECK_TIMEOUT_MS = 1_500;

@ApiTags('operations')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    @Inject(HealthCheckService) private readonly health: HealthCheckService,
    @Inject(TypeOrmHealthIndicator) private readonly database: TypeOrmHealthIndicator,
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Inject(RedisClient) private readonly redis: RedisClient,
    @Inject(InFlightRequests) private readonly inFlight: InFlightRequests,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether the API can reach Postgres and Redis' })
  @ApiOkResponse({ description: '`{status:"ok", info:{db, redis}}`' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; the problem names it' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('db', { timeout: CHECK_TIMEOUT_MS }),
      () =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await this.redis.ping();
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      ...(this.inFlight.draining ? [() => this.indicators.check('process').down({ message: 'lukker ned' })] : []),
    ]);
  }
}
