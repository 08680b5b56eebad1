// Fixed identities of the emulator. They are deliberately fake and documented as such: the emulator is
// a local stand-in for Function Compute, and nothing here grants access to any real account.

/** The account id the emulator serves by default (16 digits, like a real Alibaba Cloud account id). */
export const DEFAULT_ACCOUNT_ID = "1234567890123456";

/** The region the emulator claims to be in by default. */
export const DEFAULT_REGION = "cn-hangzhou";

/** The access key id accepted by default. Shaped like a real one (`LTAI…`) so format checks pass. */
export const DEFAULT_ACCESS_KEY_ID = "LTAI5tEmulatorAccessKey";

/** The secret of {@link DEFAULT_ACCESS_KEY_ID}. Public by design; it only works against the emulator. */
export const DEFAULT_ACCESS_KEY_SECRET = "emulator-secret-do-not-use-in-production";

/** The API version prefix every FC 2.0 path starts with. */
export const API_VERSION = "2021-04-06";

/** The API version prefix every FC 3.0 path starts with. FC 3.0 has no services: functions own versions and aliases. */
export const FC3_API_VERSION = "2023-03-30";

/**
 * Time stamped on seeded configs, so that tests can tell a seeded config from one written later
 * (PUT keeps `createdTime` and moves `lastModifiedTime`) without waiting for the clock to tick.
 */
export const SEED_TIME = "2024-01-01T00:00:00Z";
