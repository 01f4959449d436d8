import { Controller, Get, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthResponse } from '@maillage/contracts';
import { Public } from '../../core/auth/auth.decorators';

/** `GET /api/health` (liveness) and `GET /api/health/ready` (readiness: the database answers). */
@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly db: DataSource) {}

  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const up = await this.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    if (!up) reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: up ? 'ok' : 'error', database: up ? 'up' : 'down', uptimeSeconds: Math.round(process.uptime()) };
  }
}
