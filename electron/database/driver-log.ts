/**
 * Where the drivers' own messages go: SQLite's result code only. SQLCipher's logger hands over
 * messages that quote the statement (`… in "INSERT …"`), so the text is never passed on.
 */
export type DriverLogSink = (code: string) => void;

let sink: DriverLogSink = (code) => console.warn(`[database] ${code}`);

export function setDriverLogSink(next: DriverLogSink): void {
  sink = next;
}

export function logDriverCode(code: string): void {
  sink(/^[A-Z_]{1,40}$/.test(code) ? code : 'SQLITE_UNKNOWN');
}
