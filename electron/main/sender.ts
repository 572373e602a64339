import { isTrustedUrl } from './origin';

/** The part of Electron's `WebFrameMain` the sender check reads; a plain object in tests. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * An IPC request is served only from the main window's top frame showing our own page:
 * not from an iframe, not from another window, not after a navigation elsewhere.
 */
export function isTrustedSender(
  senderFrame: FrameLike | null,
  mainFrame: FrameLike | null,
  origins: readonly string[],
): boolean {
  if (senderFrame === null || mainFrame === null) return false;
  return (
    senderFrame.parent === null &&
    senderFrame.processId === mainFrame.processId &&
    senderFrame.routingId === mainFrame.routingId &&
    isTrustedUrl(senderFrame.url, origins)
  );
}
