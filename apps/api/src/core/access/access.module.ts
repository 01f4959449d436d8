import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessPolicy } from './access-policy.service';
import { PeopleMaskInterceptor } from './people-mask.interceptor';

@Global()
@Module({ providers: [AccessPolicy, { provide: APP_INTERCEPTOR, useClass: PeopleMaskInterceptor }], exports: [AccessPolicy] })
export class AccessModule {}
