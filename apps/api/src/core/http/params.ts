import { Param, ParseUUIDPipe } from '@nestjs/common';
import { AppException } from '../errors/app-exception';

/** A UUID route parameter; anything else is a 404 for that kind of object (it cannot exist). */
export const UuidParam = (name: string, what: string) =>
  Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => AppException.notFound(what) }));
