import { Readable } from 'node:stream';
import { Body, Controller, Delete, Get, HttpCode, Put, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SsoOption, SsoProviderView } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { secureCookies } from '../../core/http/body-guards';
import { UuidParam } from '../../core/http/params';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { SESSION_COOKIE } from '../../core/auth/session-resolver';
import { SessionService } from '../identity/session.service';
import { SsoProviderDto } from './dto/sso.dto';
import { SsoService } from './sso.service';

/** Ties the provider's answer to the browser that asked; only sent back to the callback. */
const FLOW_COOKIE = 'maillage_sso';
const FLOW_PATH = '/api/v1/auth/sso';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** French first, English below: the callback does not know the app's language. */
function failurePage(code: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Connexion impossible – Maillage</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>Connexion impossible</h1><p>La connexion par votre organisation n'a pas abouti (${escapeHtml(code)}). Rien n'a été modifié.</p>
<p><a href="/connexion?sso=echec">Retour à la page de connexion</a></p>
<p lang="en">Signing in through your organisation failed; nothing was changed. <a href="/connexion?sso=echec">Back to the sign-in page</a></p></main></body></html>`;
}

@ApiTags('auth')
@Controller()
export class SsoController {
  constructor(
    private readonly sso: SsoService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Get('auth/sso/options')
  options(): Promise<SsoOption[]> {
    return this.sso.options();
  }

  /** A plain navigation (a link, not a form, so the CSP's form-action allows the hop to the provider). */
  @Public()
  @Get('auth/sso/:organizationId/start')
  async start(
    @UuidParam('organizationId', 'Single sign-on provider') organizationId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const flow = await this.sso.start(organizationId, req.ip);
    // Lax, not Strict: the provider sends the browser back with a top-level GET from its own site.
    reply.setCookie(FLOW_COOKIE, flow.browserToken, {
      path: FLOW_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(req),
      maxAge: this.sso.flowTtlSeconds,
    });
    await reply.redirect(flow.authorizationUrl, 302);
  }

  /** The provider sends the browser back here; a session is opened and the browser goes to the app. */
  @Public()
  @Get('auth/sso/callback')
  async callback(@Query() query: Record<string, string>, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
    let sessionToken: string;
    try {
      ({ sessionToken } = await this.sso.finish(query, req.cookies[FLOW_COOKIE], req.ip, req.headers['user-agent']));
    } catch (err) {
      // A browser gets the same 4xx as a page that leads back to the sign-in, not a JSON body.
      if (err instanceof AppException && err.getStatus() < 500 && (req.headers.accept ?? '').includes('text/html')) {
        // A stream, so that the hook reshaping error strings into JSON leaves this page alone.
        await reply
          .code(err.getStatus())
          .header('content-type', 'text/html; charset=utf-8')
          .send(Readable.from([failurePage(err.code)]));
        return;
      }
      throw err;
    }
    reply.setCookie(SESSION_COOKIE, sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(req),
      maxAge: this.sessions.ttlSeconds,
    });
    await reply.redirect('/', 303);
  }

  @Get('admin/sso-providers')
  list(@CurrentActor() actor: Actor): Promise<SsoProviderView[]> {
    return this.sso.list(actor);
  }

  @Put('admin/sso-providers/:organizationId')
  save(
    @CurrentActor() actor: Actor,
    @UuidParam('organizationId', 'Organization') organizationId: string,
    @Body() dto: SsoProviderDto,
  ): Promise<SsoProviderView> {
    return this.sso.save(actor, organizationId, dto);
  }

  @Delete('admin/sso-providers/:organizationId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @UuidParam('organizationId', 'Organization') organizationId: string): Promise<void> {
    return this.sso.remove(actor, organizationId);
  }
}
