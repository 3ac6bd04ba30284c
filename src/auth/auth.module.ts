import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { AccessGuard } from './access.guard';
import { AdminBootstrap } from './admin-bootstrap';
import { ApiKeysController } from './api-keys.controller';
import { AuthController } from './auth.controller';
import { Authenticator } from './authenticator';
import { PasswordHasher } from './password-hasher';
import { requestThrottling } from './request-throttling';
import { TokenIssuer } from './token-issuer';
import { tokenSecret } from './token-secret';
import { UserAccounts } from './user-accounts';
import { apiKeyCommandHandlers } from './api-key.handlers';
import { userCommandHandlers } from './user.handlers';
import { UsersController } from './users.controller';

/**
 * Every route is closed unless it says who may use it: the access guard authenticates and checks
 * roles, then the throttler counts (so it can count per user).
 */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to
        // read it as a public key on every verification, which cost half a request's time.
        secret: createSecretKey(Buffer.from(tokenSecret(config.auth.tokenSecret, config.dataDir))),
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => requestThrottling(config.auth),
    }),
  ],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    PasswordHasher,
    {
      provide: TokenIssuer,
      inject: [JwtService, APP_CONFIG],
      useFactory: (jwt: JwtService, config: AppConfig) =>
        new TokenIssuer(jwt, {
          accessSeconds: config.auth.accessTokenSeconds,
          refreshSeconds: config.auth.refreshTokenSeconds,
        }),
    },
    ...userCommandHandlers,
    ...apiKeyCommandHandlers,
    Authenticator,
    UserAccounts,
    AdminBootstrap,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
  exports: [UserAccounts, TokenIssuer],
})
export class AuthModule {}
