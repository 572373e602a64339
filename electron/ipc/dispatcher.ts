import { type z } from 'zod';
import {
  contract,
  isOperationName,
  type Input,
  type OperationName,
  type Output,
} from '../../shared/contract';
import { AppFailure, type Reply } from '../../shared/errors';
import { localWriteFailure } from '../files/io-failure';
import { type Log } from '../core/adapters';

export type Handler<O extends OperationName> = (input: Input<O>) => Promise<Output<O>>;
export type Handlers = { [O in OperationName]: Handler<O> };

const KNOWN_FIELD_MESSAGES = new Set(['required', 'too_long', 'too_short', 'mismatch']);

/**
 * The single entry point for renderer requests: refuse unknown operations and malformed payloads
 * before any handler runs, and answer with a code and an i18n key — never a stack trace.
 */
export function createDispatcher(handlers: Handlers, log: Log) {
  return async function dispatch(operation: unknown, input: unknown): Promise<Reply<unknown>> {
    if (!isOperationName(operation)) {
      log('ipc: refused unknown operation', { operation: String(operation).slice(0, 80) });
      return failure(new AppFailure('unknown_operation'));
    }
    const spec = contract[operation];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      // Log where the payload was wrong, never what it held (it may be a passphrase).
      log('ipc: refused malformed payload', {
        operation,
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}:${i.code}`).slice(0, 10),
      });
      return failure(new AppFailure('validation', { fields: fieldErrors(parsed.error) }));
    }
    try {
      const value = await run(handlers, operation, parsed.data as Input<typeof operation>);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof AppFailure) return failure(error);
      // Wherever it happened, a full disk under the app's own data is said as such.
      const full = localWriteFailure(error);
      if (full) return failure(full);
      log('ipc: handler failed', {
        operation,
        error: error instanceof Error ? error.message : String(error),
      });
      return failure(new AppFailure('internal'));
    }
  };
}

function run<O extends OperationName>(handlers: Handlers, operation: O, input: Input<O>) {
  const handler: Handler<O> = handlers[operation];
  return handler(input);
}

function failure(error: AppFailure): Reply<never> {
  return { ok: false, error: error.toAppError() };
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??=
      `validation.${KNOWN_FIELD_MESSAGES.has(issue.message) ? issue.message : 'invalid'}`;
  }
  return fields;
}
