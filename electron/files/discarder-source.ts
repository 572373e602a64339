/**
 * JavaScript for worker sources (strings, see encrypt-worker-source.ts for why): `discarder()`.
 *
 * Node's ciphers return a new buffer for every chunk, and V8 collects them only after ~64 MiB
 * of them per thread, so every thread of a big job would hold that much. A discarder frees each
 * used one at once: its ArrayBuffer is transferred to a closed port, which drops it with the
 * message. Collected and let go 32 at a time (one message each time), never in the call that
 * hands one over, so its length can still be read just after. Only buffers that own all of
 * their memory go: never a view into shared memory or Node's pool of small buffers. Nothing may
 * use a buffer's content after handing it to `add`.
 */
export const DISCARDER_JS = String.raw`
function discarder() {
  const { MessageChannel } = require('node:worker_threads');
  const { port1: drop } = new MessageChannel();
  drop.close();
  let held = [];
  const flush = () => {
    if (held.length > 0) drop.postMessage(null, held);
    held = [];
  };
  return {
    add(view) {
      const buffer = view.buffer;
      if (buffer instanceof ArrayBuffer && view.byteOffset === 0 && buffer.byteLength === view.length && buffer.byteLength > 0) {
        if (held.length === 32) flush();
        held.push(buffer);
      }
    },
    flush,
  };
}
`;
