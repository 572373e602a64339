import { parseArgs } from 'node:util';
import { chooseDriver, DRIVER_ENV } from '../../electron/database/driver-choice';
import { languageSchema } from '../../shared/preferences';
import { startTestHost } from './server';

/**
 * `npm run test-host -- --data <folder> [--port N] [--fast-kdf] [--language es|en] [--renderer <folder>]
 *  [--slow-drive-ms N] [--slow-read-ms N] [--slow-copy-ms N] [--db-driver journeyapps|signal]` (`--renderer` defaults to this
 * checkout's `out/renderer`; with `--slow-drive-ms`, each 32 MiB an export writes takes that much
 * longer to flush, with `--slow-read-ms` an import pauses that long after every 4 MiB read, and
 * with `--slow-copy-ms` a copy of evidence after every 4 MiB written, as on a slow stick;
 * `--db-driver` picks the SQLCipher driver as RESGUARDO_DB_DRIVER does.)
 * Prints exactly one line on stdout, `test-host ready <url>`, once it listens; logs go to stderr.
 */
const usage =
  'usage: test-host --data <folder> [--port N] [--fast-kdf] [--language es|en] [--renderer <folder>] [--exit-on-stdin-close] [--slow-drive-ms N] [--slow-read-ms N] [--slow-copy-ms N] [--db-driver journeyapps|signal]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'fast-kdf': { type: 'boolean', default: false },
      language: { type: 'string' },
      renderer: { type: 'string' },
      'exit-on-stdin-close': { type: 'boolean', default: false },
      'slow-drive-ms': { type: 'string' },
      'slow-read-ms': { type: 'string' },
      'slow-copy-ms': { type: 'string' },
      'db-driver': { type: 'string' },
    },
    strict: true,
  });
  if (values.data === undefined || values.data === '')
    throw new Error(`--data is required\n${usage}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port\n${usage}`);
  const language =
    values.language === undefined ? undefined : languageSchema.parse(values.language);

  if (values['db-driver'] !== undefined) process.env[DRIVER_ENV] = values['db-driver'];
  // Which driver holds the database, for the e2e runs on the second one (see host-process.ts).
  process.stderr.write(`test-host database driver ${chooseDriver()}\n`);
  const host = await startTestHost({
    dataDir: values.data,
    port,
    fastKdf: values['fast-kdf'],
    ...(values.renderer === undefined ? {} : { rendererDir: values.renderer }),
    ...(language === undefined ? {} : { language }),
    ...(values['slow-drive-ms'] === undefined
      ? {}
      : { slowDriveMs: Number(values['slow-drive-ms']) }),
    ...(values['slow-read-ms'] === undefined ? {} : { slowReadMs: Number(values['slow-read-ms']) }),
    ...(values['slow-copy-ms'] === undefined ? {} : { slowCopyMs: Number(values['slow-copy-ms']) }),
  });
  process.stdout.write(`test-host ready ${host.url}\n`);

  const stop = () => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A parent that spawns us with a pipe on stdin can die without cleaning up: follow it.
  if (values['exit-on-stdin-close']) {
    process.stdin.on('end', stop);
    process.stdin.on('close', stop);
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
