import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter } from '../errors/problem-details.filter.js';
import { createValidationPipe } from '../errors/validation.js';
import { InFlightRequests } from '../lifecycle/in-flight-requests.js';
import { RouteCatalog } from './route-catalog.js';
import { UnexpectedBodyInterceptor } from './unexpected-body.interceptor.js';

/** The HTTP app's global pipe, filter, interceptors and route catalog, as providers so every module (and test) gets the same ones. */
@Global()
@Module({
  providers: [
    InFlightRequests,
    RouteCatalog,
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_INTERCEPTOR, useExisting: InFlightRequests },
    { provide: APP_INTERCEPTOR, useClass: UnexpectedBodyInterceptor },
  ],
  exports: [InFlightRequests, RouteCatalog],
})
export class HttpCoreModule {}
