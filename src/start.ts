/**
 * Imported first by main.tsx, so it runs before React and the app shell are evaluated (on a busy
 * machine 100–250 ms of the entry chunk): the first screen's downloads go out that much sooner.
 */
import { startFirstScreen } from './app/first-screen-start.ts';

startFirstScreen();
