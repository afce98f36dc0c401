/** The database as the rest of the app sees it. */
export { browserRunner as database } from './browser-runner.ts';
export { loadBundledDataset, type DatasetManifest, type LoadProgress } from './load-dataset.ts';
export type { QueryRunner, QueryOptions } from '../queries/runner.ts';
export { QueryError, toError } from '../queries/runner.ts';
