/**
 * The slot for a chart card's menu. The app fills it with the export feature's
 * menu, so chart cards offer exports without src/charts importing a feature.
 */
import { createContext, type ReactNode } from 'react';
import type { ChartSpec } from './chart-registry.tsx';

/** Renders the menu for one chart; null leaves cards without one. */
export const ChartMenuSlot = createContext<((chart: ChartSpec) => ReactNode) | null>(null);
