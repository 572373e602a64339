/**
 * The test bridge: a same-origin classic script the host injects before the app's module, so
 * `window.resguardo` exists (with the preload's shape) before the app asks for it. IPC becomes
 * `POST /__ipc`; events arrive over `GET /__events` (Server-Sent Events).
 *
 * Kept as source text on purpose: stringifying a transpiled function would carry the
 * transpiler's helpers into the page.
 */
export const BRIDGE_PATH = '/__test-bridge.js';
export const TOKEN_HEADER = 'x-resguardo-test-token';

export const BRIDGE_SCRIPT = `'use strict';
(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  const listeners = new Map();
  const source = new EventSource('/__events?token=' + encodeURIComponent(token));
  // Tests wait for this before driving events, so none is sent before the page listens.
  source.addEventListener('open', () => {
    document.documentElement.dataset.testEvents = 'open';
  });
  source.addEventListener('resguardo', (message) => {
    let parsed;
    try {
      parsed = JSON.parse(message.data);
    } catch {
      return;
    }
    for (const listener of [...(listeners.get(parsed.event) || [])]) listener(parsed.payload);
  });
  const bridge = {
    async invoke(operation, input) {
      const response = await fetch('/__ipc', {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': token },
        body: JSON.stringify({ operation, input }),
      });
      if (!response.ok) {
        return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
      }
      // Bytes come as { $bytes: base64 } (JSON has no binary); revive them as Uint8Array.
      return JSON.parse(await response.text(), (key, value) => {
        if (value && typeof value === 'object' && typeof value.$bytes === 'string') {
          const binary = atob(value.$bytes);
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
          return bytes;
        }
        return value;
      });
    },
    on(event, listener) {
      if (typeof event !== 'string') throw new TypeError('Unknown event');
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => {
        listeners.get(event)?.delete(listener);
      };
    },
  };
  Object.defineProperty(window, 'resguardo', {
    value: Object.freeze(bridge),
    writable: false,
    configurable: false,
    enumerable: true,
  });
})();
`;

/** Put the bridge before the app's first script (module scripts run later anyway). */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return html.slice(0, firstScript) + tag + html.slice(firstScript);
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return html.slice(0, headEnd) + tag + html.slice(headEnd);
  return tag + html;
}
