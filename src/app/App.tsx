import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useRef } from 'react';
import { DatabaseProvider } from './DatabaseProvider.tsx';
import { FirstScreen } from './FirstScreen.tsx';
import { NavBar } from './NavBar.tsx';
import { FilterBar } from '../features/filters/FilterBar.tsx';
import { useLocation } from '../state/router.ts';
import { routeFor } from './routes.tsx';
import { useHeadingFocus } from './use-heading-focus.ts';
import { StatusMessage } from '../components/StatusMessage.tsx';
import { ChartRegistryProvider, type ChartSpec } from '../charts/chart-registry.tsx';
import { ChartMenuSlot } from '../charts/chart-menu-slot.tsx';
import { ExportMenu } from '../features/export/ExportMenu.tsx';
import { ViewExports } from '../features/export/ViewExports.tsx';

// Query results reach components in the task that answered them, not a setTimeout later: a filter change
// answered from the filter index otherwise waited for a frame (and its layout) before the charts redrew.
notifyManager.setScheduler(queueMicrotask);

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: false, refetchOnWindowFocus: false } },
});

const chartExportMenu = (chart: ChartSpec) => <ExportMenu chart={chart} />;

function CurrentView() {
  const { pathname } = useLocation();
  const route = routeFor(pathname);
  const View = route.component;
  const heading = useRef<HTMLHeadingElement>(null);
  useHeadingFocus(heading, route.path);
  return (
    <ChartRegistryProvider key={route.path}>
      <div className="view-heading">
        <h1 ref={heading} tabIndex={-1}>{route.label}</h1>
        <p>{route.blurb}</p>
        <ViewExports viewLabel={route.label} />
      </div>
      <Suspense fallback={<StatusMessage kind="loading">Loading the {route.label.toLowerCase()} view…</StatusMessage>}>
        <View />
      </Suspense>
    </ChartRegistryProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ChartMenuSlot.Provider value={chartExportMenu}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <div className="brand">
          <span className="brand__name">Learning Themes</span>
          <span className="brand__tag">Learning from child safeguarding case reviews — private to this device</span>
        </div>
        <NavBar />
      </header>
      <DatabaseProvider firstScreen={<FirstScreen />}>
        <FilterBar />
        <main id="main" tabIndex={-1}>
          <CurrentView />
        </main>
      </DatabaseProvider>
      </ChartMenuSlot.Provider>
    </QueryClientProvider>
  );
}
