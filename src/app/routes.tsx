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
}

export const ROUTES: Route[] = [
  {
    path: '/',
    label: 'Overview',
    blurb: 'Reviews and briefings at a glance.',
    component: lazy(() => import('../features/overview/OverviewPage.tsx')),
  },
];

/** The route for a path; unknown paths fall back to the overview. */
export function routeFor(pathname: string): Route {
  return ROUTES.find((r) => r.path === pathname) ?? ROUTES[0]!;
}
