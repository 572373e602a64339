/** Kept apart from the strength estimator so the contract (and the preload) stay small. */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;
