/**
 * The app's views: one path each, reached from the main navigation. Views load
 * lazily so the first screen does not wait for code it does not show.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Route {
  path: string;
  label: string;
  /** One line under the view's heading. */
  blurb: string;
  component: LazyExoticComponent<ComponentType>;
  /**
   * The view draws charts from the filter index, before the engine is up: opened first, the chart
   * library is fetched with its code, and the engine starts once they are drawn.
   */
  earlyCharts: boolean;
  /** Fetches the view's code (the same promise the lazy component awaits). */
  load(): Promise<unknown>;
}

/** A lazily loaded view whose code can also be fetched ahead of its first render. */
function page(load: () => Promise<{ default: ComponentType }>, earlyCharts = false): Pick<Route, 'component' | 'load' | 'earlyCharts'> {
  return { component: lazy(load), load, earlyCharts };
}

export const ROUTES: Route[] = [
  {
    path: '/',
    label: 'Overview',
    blurb: 'Reviews and briefings at a glance.',
    ...page(() => import('../features/overview/OverviewPage.tsx'), true),
  },
  {
    path: '/trends',
    label: 'Trends',
    blurb: 'Themes over publication years, and which are emerging.',
    ...page(() => import('../features/trends/TrendsPage.tsx'), true),
  },
  {
    path: '/partnerships',
    label: 'Partnerships',
    blurb: 'Themes by partnership, and one partnership against all others.',
    ...page(() => import('../features/partnerships/PartnershipsPage.tsx'), true),
  },
  {
    path: '/co-occurrence',
    label: 'Co-occurrence',
    blurb: 'Which themes are found together in the same reviews.',
    ...page(() => import('../features/cooccurrence/CooccurrencePage.tsx'), true),
  },
  {
    path: '/explorer',
    label: 'Explorer',
    blurb: 'Every review and briefing: search the text, open one to see its themes and the evidence for them.',
    ...page(() => import('../features/explorer/ExplorerPage.tsx')),
  },
  {
    path: '/planner',
    label: 'Briefing planner',
    blurb: 'Themes that keep coming up in recent reviews but have no recent briefing, with the sentences to start from.',
    ...page(() => import('../features/planner/PlannerPage.tsx')),
  },
  {
    path: '/recommendations',
    label: 'Recommendations',
    blurb: 'What reviews recommend, of whom, and how far each action has got: kinds by year and theme, open items by owner, and the action plan.',
    ...page(() => import('../features/recommendations/RecommendationsPage.tsx')),
  },
  {
    path: '/import',
    label: 'Import',
    blurb: 'Bring your own reviews, briefings and reports: read and tagged on this device, never uploaded.',
    ...page(() => import('../features/import/ImportPage.tsx')),
  },
  {
    path: '/agreement',
    label: 'Tagger agreement',
    blurb: 'Where the tagger agrees with expert labels and your corrections, where to correct it, and retraining it.',
    ...page(() => import('../features/agreement/AgreementPage.tsx')),
  },
  {
    path: '/workspace',
    label: 'Your data',
    blurb: 'What you added or corrected, kept in this browser only: export it, import it, delete it, and your theme set.',
    ...page(() => import('../features/workspace/WorkspacePage.tsx')),
  },
];

/** The route for a path; unknown paths fall back to the overview. */
export function routeFor(pathname: string): Route {
  return ROUTES.find((r) => r.path === pathname) ?? ROUTES[0]!;
}
