/**
 * Extensions cannot be downloaded offline; with autoloading off, SQL that needs
 * one fails with a clear message instead of a wasm trap (or a hang in Node).
 */
export const OFFLINE_SETTINGS_SQL =
  'SET autoload_known_extensions=false; SET autoinstall_known_extensions=false;';
