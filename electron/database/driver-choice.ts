/**
 * The two SQLCipher drivers. `@journeyapps/sqlcipher` 6 (asynchronous, built from source) ships
 * no Windows build; `@signalapp/sqlcipher` (synchronous, prebuilt for win32, linux, darwin) runs
 * in a worker thread. Both read and write the very same files (tests/unit/driver-cross-open).
 */
export const driverNames = ['journeyapps', 'signal'] as const;
export type DriverName = (typeof driverNames)[number];

/** The environment variable that picks a driver on any platform (tests, bench). */
export const DRIVER_ENV = 'RESGUARDO_DB_DRIVER';

/** The one place the driver is chosen: the variable if set, else Signal's on Windows only. */
export function chooseDriver(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): DriverName {
  const asked = env[DRIVER_ENV];
  if (asked !== undefined && asked !== '') {
    const known = driverNames.find((name) => name === asked);
    if (!known) throw new Error(`${DRIVER_ENV} must be one of ${driverNames.join(', ')}`);
    return known;
  }
  return platform === 'win32' ? 'signal' : 'journeyapps';
}
