/** The planner's local-versus-rest comparison is the shared method (src/stats/share-difference.ts). */
export { compareShares, READING_WORDS, SMALL_N, type Comparison, type Reading, type ShareCounts } from '../stats/share-difference.ts';
