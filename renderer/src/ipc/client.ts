import {
  events,
  type Bridge,
  type EventName,
  type EventPayload,
  type Input,
  type OperationName,
  type Output,
} from '../../../shared/contract';
import {
  appErrorSchema,
  messageKeyFor,
  type AppError,
  type ErrorCode,
} from '../../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the preload (or injected by the test host); the renderer's only way out. */
    resguardo?: Bridge;
  }
}

/** A refused call: carries the main side's `AppError`, whose `messageKey` is an i18n key. */
export class ClientError extends Error {
  readonly appError: AppError;

  constructor(appError: AppError) {
    super(appError.code);
    this.name = 'ClientError';
    this.appError = appError;
  }

  get code(): ErrorCode {
    return this.appError.code;
  }
}

function internalError(): AppError {
  return { code: 'internal', messageKey: messageKeyFor('internal') };
}

/** Any thrown value as an `AppError`, so the UI always has a translated message to show. */
export function toAppError(error: unknown): AppError {
  return error instanceof ClientError ? error.appError : internalError();
}

function bridge(): Bridge {
  const found = window.resguardo;
  if (found === undefined) throw new ClientError(internalError());
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Call one operation of the contract. Main validates inputs and outputs; here only the reply's
 * envelope is checked, so a broken bridge becomes an `internal` error instead of a crash.
 */
export async function call<O extends OperationName>(op: O, input: Input<O>): Promise<Output<O>> {
  const reply = await bridge().invoke(op, input);
  if (!isRecord(reply)) throw new ClientError(internalError());
  if (reply['ok'] === true) return reply['value'] as Output<O>;
  const parsed = appErrorSchema.safeParse(reply['error']);
  throw new ClientError(parsed.success ? parsed.data : internalError());
}

/** Subscribe to an event pushed by main; payloads that do not match the schema are dropped. */
export function onEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const schema = events[name];
  return bridge().on(name, (payload) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
    else console.warn(`Dropped malformed event ${name}`);
  });
}
