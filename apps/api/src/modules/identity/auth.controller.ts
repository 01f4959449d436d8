import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MessageResponse, SessionUser } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { AuthService } from './auth.service';
import { ChangePasswordDto, EmailDto, LoginDto, ResetPasswordDto, SignupDto, TokenDto } from './dto/auth.dto';
import { CurrentActor, Public } from './identity.decorators';
import { SESSION_COOKIE, SessionService } from './session.service';

const DEVICE_COOKIE = 'maillage_device';
const CHECK_INBOX: MessageResponse = { message: 'If the address can receive it, an e-mail is on its way' };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  /** A CSRF token to send back in the `x-csrf-token` header of every state-changing request. */
  @Public()
  @Get('csrf')
  csrf(@Res({ passthrough: true }) reply: FastifyReply): { token: string } {
    return { token: reply.generateCsrf() };
  }

  @Public()
  @Post('signup')
  @HttpCode(202)
  async signup(@Body() dto: SignupDto, @Req() req: FastifyRequest): Promise<MessageResponse> {
    await this.auth.signup(dto, req.ip);
    return CHECK_INBOX;
  }

  @Public()
  @Post('verification/resend')
  @HttpCode(202)
  async resend(@Body() dto: EmailDto, @Req() req: FastifyRequest): Promise<MessageResponse> {
    await this.auth.resendVerification(dto.email, req.ip);
    return CHECK_INBOX;
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  async verify(@Body() dto: TokenDto, @Req() req: FastifyRequest): Promise<MessageResponse> {
    await this.auth.verifyEmail(dto.token, req.ip);
    return { message: 'E-mail address confirmed' };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionUser> {
    const result = await this.auth.login(dto, req.ip, req.cookies[DEVICE_COOKIE]);
    const secure = req.protocol === 'https';
    reply.setCookie(SESSION_COOKIE, result.sessionToken, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: this.sessions.ttlSeconds });
    reply.setCookie(DEVICE_COOKIE, result.deviceToken, { path: '/api/v1/auth', httpOnly: true, sameSite: 'strict', secure, maxAge: 365 * 86400 });
    return result.user;
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (req.sessionToken) await this.sessions.revoke(req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Post('logout-all')
  @HttpCode(204)
  async logoutAll(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.revokeAll(actor.personId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(202)
  async forgot(@Body() dto: EmailDto, @Req() req: FastifyRequest): Promise<MessageResponse> {
    await this.auth.forgotPassword(dto.email, req.ip);
    return CHECK_INBOX;
  }

  @Public()
  @Post('password/reset')
  @HttpCode(204)
  async reset(@Body() dto: ResetPasswordDto, @Req() req: FastifyRequest): Promise<void> {
    await this.auth.resetPassword(dto, req.ip);
  }

  /** Changing the password closes every session, this one included: the client signs in again. */
  @Post('password/change')
  @HttpCode(204)
  async change(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.changePassword(actor, dto);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Promise<SessionUser> {
    return this.auth.sessionUser(actor.personId);
  }
}
