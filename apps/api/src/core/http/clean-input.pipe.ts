import { Injectable, PipeTransform } from '@nestjs/common';
import { assertCleanInput } from './clean-input';

/** Runs before validation on every body, query and parameter. */
@Injectable()
export class CleanInputPipe implements PipeTransform {
  transform(value: unknown): unknown {
    assertCleanInput(value);
    return value;
  }
}
