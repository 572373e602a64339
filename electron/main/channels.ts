/** The two IPC channels, named once for main and preload (Electron-free so the preload bundles it). */
export const INVOKE_CHANNEL = 'resguardo:invoke';
export const EVENT_CHANNEL = 'resguardo:event';
