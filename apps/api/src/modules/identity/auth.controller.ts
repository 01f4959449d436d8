import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {
  KnownDeviceView,
  MessageResponse,
  RecoveryCodes,
  SessionState,
  SessionUser,
  SessionView,
  TwoFactorChallenge,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '@maillage/contracts';
import type { Actor, MaybeActor } from '../../core/access/actor';
import { secureCookies } from '../../core/http/body-guards';
import { UuidParam } from '../../core/http/params';
import { AuthService } from './auth.service';
import { DevicesService } from './devices.service';
import { ChangePasswordDto, EmailDto, LoginDto, ResetPasswordDto, SignupDto, TokenDto } from './dto/auth.dto';
import { DisableTwoFactorDto, TwoFactorCodeDto } from './dto/two-factor.dto';
import { BeforeTwoFactorEnrolment, CurrentActor, OptionalActor, Public } from '../../core/auth/auth.decorators';
import { SESSION_COOKIE } from '../../core/auth/session-resolver';
import { SessionService } from './session.service';
import { TwoFactorService } from './two-factor.service';

const DEVICE_COOKIE = 'maillage_device';
/** Carries a sign-in between the password and the code; only sent to the code's route. */
const CHALLENGE_COOKIE = 'maillage_2fa';
const CHALLENGE_PATH = '/api/v1/auth/login';
const CHECK_INBOX: MessageResponse = { message: 'If the address can receive it, an e-mail is on its way' };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly devices: DevicesService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /** A CSRF token to send back in the `x-csrf-token` header of every state-changing request. */
  @Public()
  @Get('csrf')
  csrf(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): { token: string } {
    return { token: reply.generateCsrf({ secure: secureCookies(req) }) };
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
  async verify(@Body() dto: TokenDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionUser> {
    // The link came to the person's mailbox: following it signs them in, as a login would.
    const result = await this.auth.verifyEmail(dto.token, req.ip);
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      maxAge: this.sessions.ttlSeconds,
    });
    return result.user;
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionUser | TwoFactorChallenge> {
    const result = await this.auth.login(dto, req.ip, req.cookies[DEVICE_COOKIE], req.headers['user-agent']);
    if ('challengeToken' in result) {
      reply.setCookie(CHALLENGE_COOKIE, result.challengeToken, {
        path: CHALLENGE_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies(req),
        maxAge: this.auth.challengeTtlSeconds,
      });
      return { twoFactorRequired: true };
    }
    return this.signedIn(req, reply, result);
  }

  /** The code that completes a sign-in started with the password (the challenge cookie says which). */
  @Public()
  @Post('login/two-factor')
  @HttpCode(200)
  async loginTwoFactor(
    @Body() dto: TwoFactorCodeDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionUser> {
    const result = await this.auth.completeTwoFactorLogin(
      req.cookies[CHALLENGE_COOKIE],
      dto.code,
      req.ip,
      req.cookies[DEVICE_COOKIE],
      req.headers['user-agent'],
    );
    reply.clearCookie(CHALLENGE_COOKIE, { path: CHALLENGE_PATH });
    return this.signedIn(req, reply, result);
  }

  private signedIn(
    req: FastifyRequest,
    reply: FastifyReply,
    result: { user: SessionUser; sessionToken: string; deviceToken: string },
  ): SessionUser {
    const secure = secureCookies(req);
    reply.setCookie(SESSION_COOKIE, result.sessionToken, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: this.sessions.ttlSeconds,
    });
    reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
      path: '/api/v1/auth',
      httpOnly: true,
      sameSite: 'strict',
      secure,
      maxAge: this.devices.ttlSeconds,
    });
    return result.user;
  }

  @Public()
  @BeforeTwoFactorEnrolment()
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
  async change(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.changePassword(actor, dto);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  /** The browsers that signed in to the account, the asking one marked `current`. */
  @Get('devices')
  listDevices(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<KnownDeviceView[]> {
    return this.devices.list(actor, req.sessionToken);
  }

  /** Forgets a device and signs it out: it is then a stranger to the account's login lockout. */
  @Delete('devices/:deviceId')
  @HttpCode(204)
  revokeDevice(@CurrentActor() actor: Actor, @UuidParam('deviceId', 'Device') deviceId: string): Promise<void> {
    return this.devices.revoke(actor, deviceId);
  }

  /** The open sessions of the account, the asking one marked `current`. */
  @Get('sessions')
  listSessions(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<SessionView[]> {
    return this.sessions.list(actor.personId, req.sessionToken);
  }

  /** Ends one session of the account (its sockets close). */
  @Delete('sessions/:sessionId')
  @HttpCode(204)
  revokeSession(@CurrentActor() actor: Actor, @UuidParam('sessionId', 'Session') sessionId: string): Promise<void> {
    return this.sessions.revokeById(actor.personId, sessionId);
  }

  /** Ends every other session of the account; this one stays open. */
  @Post('sessions/revoke-others')
  @HttpCode(200)
  async revokeOtherSessions(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<{ ended: number }> {
    return { ended: await this.sessions.revokeOthers(actor.personId, req.sessionToken ?? '') };
  }

  @BeforeTwoFactorEnrolment()
  @Get('two-factor')
  twoFactorStatus(@CurrentActor() actor: Actor): Promise<TwoFactorStatus> {
    return this.twoFactor.status(actor);
  }

  /** A new secret and its QR code; not in force until confirmed with a first code. */
  @BeforeTwoFactorEnrolment()
  @Post('two-factor/enrolment')
  @HttpCode(200)
  startTwoFactor(@CurrentActor() actor: Actor): Promise<TwoFactorEnrolment> {
    return this.twoFactor.startEnrolment(actor);
  }

  /** The first code turns two-factor sign-in on; the recovery codes come back once. */
  @BeforeTwoFactorEnrolment()
  @Post('two-factor/enrolment/confirm')
  @HttpCode(200)
  confirmTwoFactor(@CurrentActor() actor: Actor, @Body() dto: TwoFactorCodeDto, @Req() req: FastifyRequest): Promise<RecoveryCodes> {
    return this.twoFactor.confirmEnrolment(actor, dto.code, req.ip);
  }

  @Post('two-factor/recovery-codes')
  @HttpCode(200)
  regenerateRecoveryCodes(@CurrentActor() actor: Actor, @Body() dto: TwoFactorCodeDto, @Req() req: FastifyRequest): Promise<RecoveryCodes> {
    return this.twoFactor.regenerateRecoveryCodes(actor, dto.code, req.ip);
  }

  @Post('two-factor/disable')
  @HttpCode(204)
  disableTwoFactor(@CurrentActor() actor: Actor, @Body() dto: DisableTwoFactorDto, @Req() req: FastifyRequest): Promise<void> {
    return this.twoFactor.disable(actor, dto.password, dto.code, req.ip);
  }

  @BeforeTwoFactorEnrolment()
  @Get('me')
  me(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<SessionUser> {
    return this.auth.sessionUser(actor.personId, req.mustEnrolTwoFactor === true);
  }

  /** Who is signed in, if anyone: a visitor without a session is an ordinary answer here, not a 401. */
  @Public()
  @BeforeTwoFactorEnrolment()
  @Get('session')
  async session(@OptionalActor() actor: MaybeActor, @Req() req: FastifyRequest): Promise<SessionState> {
    return { user: actor ? await this.auth.sessionUser(actor.personId, req.mustEnrolTwoFactor === true) : null };
  }
}
