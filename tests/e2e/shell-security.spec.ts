import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { expect, test } from '@playwright/test';
import { defaultLanguageFrom } from '../../electron/main/language';
import { APP_ORIGIN, trustedOrigins } from '../../electron/main/origin';
import { resolveRendererPath } from '../../electron/main/renderer-files';
import { debuggingSwitchIn, resolveRuntime } from '../../electron/main/runtime';
import { isTrustedSender } from '../../electron/main/sender';
import { APP_CSP, TEST_HOST_CSP } from '../../electron/security/csp';
import { operationNames } from '../../shared/contract';
import { startHostProcess } from './support/host-process';

/**
 * The Electron shell's security decisions, checked without Electron (none can run here): the
 * pure helpers main uses, the built preload in an imitation of the sandbox, and the test host's
 * own guards. No browser is launched in this file.
 */
const root = resolve(__dirname, '..', '..');

test.describe('preload bundle (out/preload/index.cjs) in an imitation sandbox', () => {
  type Listener = (...args: unknown[]) => void;

  function loadPreload() {
    const file = join(root, 'out', 'preload', 'index.cjs');
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Set<Listener>>();
    let exposed: { key: string; api: Record<string, (...args: unknown[]) => unknown> } | undefined;
    const requested: string[] = [];
    const fakeElectron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => {
          exposed = { key, api };
        },
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: {} });
        },
        on: (channel: string, listener: Listener) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set());
          listeners.get(channel)!.add(listener);
        },
        removeListener: (channel: string, listener: Listener) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    };
    // A sandboxed preload can require `electron` and a few Node built-ins, never node_modules.
    const sandboxRequire = (name: string) => {
      requested.push(name);
      if (name === 'electron') return fakeElectron;
      throw new Error(
        `module not found: ${name}: a sandboxed preload cannot load node_modules; bundle them (preload build.externalizeDeps: false in electron.vite.config.ts)`,
      );
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(file, 'utf8'), {
      require: sandboxRequire,
      module,
      exports: module.exports,
      console,
      Promise,
    });
    const emit = (...args: unknown[]) => {
      for (const listener of listeners.get('resguardo:event') ?? []) listener(...args);
    };
    return { exposed, invoked, listeners, emit, requested };
  }

  test.skip(!existsSync(join(root, 'out', 'preload', 'index.cjs')), 'no preload build');

  test('needs nothing but electron (everything else bundled)', () => {
    const { requested, exposed } = loadPreload();
    expect(requested).toEqual(['electron']);
    expect(exposed?.key).toBe('resguardo');
    expect(Object.keys(exposed?.api ?? {}).sort()).toEqual(['invoke', 'on']);
  });

  test('invoke forwards contract operations only', async () => {
    const { exposed, invoked } = loadPreload();
    const api = exposed!.api;
    await api.invoke!('vault.unlock', { passphrase: 'x' });
    expect(invoked).toEqual([['resguardo:invoke', 'vault.unlock', { passphrase: 'x' }]]);
    for (const name of ['fs.readFile', 'constructor', '__proto__', 'toString', 42]) {
      expect(await api.invoke!(name, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown_operation' },
      });
    }
    expect(invoked).toHaveLength(1);
    expect(operationNames).toContain('vault.unlock');
  });

  test('on passes the payload only, for contract events only, and unsubscribes', () => {
    const { exposed, emit, listeners } = loadPreload();
    const api = exposed!.api;
    const received: unknown[][] = [];
    const unsubscribe = api.on!('vault.locked', (...args: unknown[]) =>
      received.push(args),
    ) as () => void;
    const ipcEvent = { sender: 'ipcRenderer', ports: [] };
    emit(ipcEvent, 'vault.locked', { reason: 'idle' });
    emit(ipcEvent, 'something.else', { reason: 'x' });
    expect(received).toEqual([[{ reason: 'idle' }]]);
    unsubscribe();
    emit(ipcEvent, 'vault.locked', { reason: 'user' });
    expect(received).toHaveLength(1);
    expect(listeners.get('resguardo:event')?.size ?? 0).toBe(0);
    expect(() => api.on!('ipc.anything', () => undefined)).toThrow();
    expect(() => api.on!('hasOwnProperty', () => undefined)).toThrow();
  });
});

test.describe('main-process helpers', () => {
  test('renderer files never resolve outside their folder', async () => {
    const base = await mkdtemp(join(tmpdir(), 'resguardo-files-'));
    try {
      await mkdir(join(base, 'assets'));
      await writeFile(join(base, 'index.html'), '<!doctype html>');
      expect(resolveRendererPath(base, '/')).toBe(join(base, 'index.html'));
      expect(resolveRendererPath(base, '/assets/a.js')).toBe(join(base, 'assets', 'a.js'));
      for (const hostile of [
        '/../secret',
        '/assets/../../secret',
        '/%2e%2e/secret',
        '/%2E%2E%2Fsecret',
        '/assets/%2e%2e%2f%2e%2e%2fsecret',
        '/..%5csecret',
        '/%00index.html',
        '/%E0%A4%A',
        '//etc/passwd/..',
      ]) {
        const resolved = resolveRendererPath(base, hostile);
        if (resolved !== null) expect(resolved.startsWith(`${base}/`)).toBe(true);
      }
      expect(resolveRendererPath(base, '/../secret')).toBeNull();
      expect(resolveRendererPath(base, '/%2e%2e/secret')).toBeNull();
      expect(resolveRendererPath(base, '/..%5csecret')).toBeNull();
      expect(resolveRendererPath(base, '/%E0%A4%A')).toBeNull();
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  test('IPC is served to the main window top frame on app:// only', () => {
    const origins = trustedOrigins(undefined);
    const main = { url: `${APP_ORIGIN}/index.html`, parent: null, processId: 4, routingId: 1 };
    expect(isTrustedSender(main, main, origins)).toBe(true);
    expect(
      isTrustedSender({ ...main, url: `${APP_ORIGIN}/index.html#/cases` }, main, origins),
    ).toBe(true);
    expect(isTrustedSender({ ...main, parent: {} }, main, origins)).toBe(false);
    expect(isTrustedSender({ ...main, routingId: 2 }, main, origins)).toBe(false);
    expect(isTrustedSender({ ...main, processId: 5 }, main, origins)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'https://evil.example/' }, main, origins)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'app://other/index.html' }, main, origins)).toBe(false);
    expect(isTrustedSender({ ...main, url: 'file:///index.html' }, main, origins)).toBe(false);
    expect(isTrustedSender(null, main, origins)).toBe(false);
    expect(isTrustedSender(main, null, origins)).toBe(false);
  });

  test('a packaged app ignores the development environment variables', () => {
    const env = {
      RESGUARDO_DATA_DIR: '/tmp/elsewhere',
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
    };
    const paths = { mainDir: '/app/out/main', appDataDir: '/home/ana/.config' };
    const packaged = resolveRuntime({ packaged: true, ...paths, env });
    expect(packaged.userDataDir).toBe('/home/ana/.config/Resguardo');
    expect(packaged.entryUrl).toBe(`${APP_ORIGIN}/index.html`);
    expect(packaged.origins).toEqual([APP_ORIGIN]);
    expect(packaged.allowDevTools).toBe(false);
    const dev = resolveRuntime({ packaged: false, ...paths, env });
    expect(dev.userDataDir).toBe('/tmp/elsewhere');
    const devDefault = resolveRuntime({ packaged: false, ...paths, env: {} });
    expect(devDefault.userDataDir).toBe(packaged.userDataDir);
    expect(dev.entryUrl).toBe('http://localhost:5173');
    expect(dev.origins).toEqual([APP_ORIGIN, 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev.preloadPath).toBe('/app/out/preload/index.cjs');
    expect(dev.rendererDir).toBe('/app/out/renderer');
  });

  test('debugging switches are recognised', () => {
    expect(debuggingSwitchIn(['/opt/Resguardo/resguardo'])).toBeNull();
    expect(debuggingSwitchIn(['x', '--remote-debugging-port=9222'])).toBe('remote-debugging-port');
    expect(debuggingSwitchIn(['x', '--inspect'])).toBe('inspect');
    expect(debuggingSwitchIn(['x', '--inspect-brk=0'])).toBe('inspect-brk');
    expect(debuggingSwitchIn(['x', 'inspect'])).toBeNull();
  });

  test('default language follows the system: English for en-*, Spanish otherwise', () => {
    expect(defaultLanguageFrom(['en-GB', 'es-MX'], 'en-GB')).toBe('en');
    expect(defaultLanguageFrom(['es-419'], 'es')).toBe('es');
    expect(defaultLanguageFrom(['pt-BR'], 'pt-BR')).toBe('es');
    expect(defaultLanguageFrom([], 'en-US')).toBe('en');
  });

  test('the CSP is the agreed one; the test host relaxes connect-src only', () => {
    expect(APP_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(TEST_HOST_CSP).toBe(APP_CSP.replace("connect-src 'none'", "connect-src 'self'"));
  });
});

test.describe('test host guards', () => {
  test('every request needs the token; IPC needs it in a header', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'resguardo-host-'));
    const host = await startHostProcess({ dataDir });
    try {
      const token = new URL(host.url).searchParams.get('token')!;
      const ipc = (headers: Record<string, string>) =>
        fetch(`${host.origin}/__ipc`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ operation: 'app.status', input: {} }),
        });

      expect((await fetch(`${host.origin}/`)).status).toBe(403);
      expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(403);
      expect((await fetch(`${host.origin}/__events`)).status).toBe(403);
      expect((await fetch(`${host.origin}/__test/clipboard`)).status).toBe(403);
      expect((await ipc({})).status).toBe(403);
      expect((await ipc({ cookie: `resguardo_test_token=${token}` })).status).toBe(403);
      const ok = await ipc({ 'x-resguardo-test-token': token });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ ok: true, value: { state: 'no_vault' } });

      const page = await fetch(host.url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(TEST_HOST_CSP);
      const html = await page.text();
      expect(html.indexOf('/__test-bridge.js')).toBeGreaterThan(-1);
      expect(html.indexOf('/__test-bridge.js')).toBeLessThan(html.indexOf('<script type="module"'));
      expect((await fetch(`${host.origin}/%2e%2e/package.json?token=${token}`)).status).toBe(404);
    } finally {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
