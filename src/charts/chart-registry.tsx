/**
 * The charts on the current view, so view-wide actions (the chart pack export)
 * can reach every chart without each view listing them by hand.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ChartTableData } from './ChartTable.tsx';
import type { ChartOption } from './echarts.ts';

export interface ChartSpec {
  id: string;
  title: string;
  footnote: string;
  option: ChartOption;
  /**
   * Builds the option drawn in exported images where print needs more than the screen: an image has no
   * tooltip, so shares carry their counts. A function, so a filter change does not build an option nobody draws.
   */
  printOption?: () => ChartOption;
  /** On-screen height in CSS pixels, so exports keep the chart's proportions. */
  height?: number;
  /** Notes that travel with the chart into exports (e.g. national reference figures and their bases). */
  notes?: string[];
  // Rows differ per chart; the columns say how to read them.
  table: ChartTableData<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

type Register = (spec: ChartSpec) => () => void;

// Two contexts: charts register through a stable function, so registering
// never re-renders (and re-registers) the charts themselves.
const RegisterContext = createContext<Register | null>(null);
const ChartsContext = createContext<ChartSpec[]>([]);

/** Collects the charts rendered below it, in mount order. */
export function ChartRegistryProvider({ children }: { children: ReactNode }) {
  const [charts, setCharts] = useState<ChartSpec[]>([]);
  const register = useCallback<Register>((spec) => {
    setCharts((list) => [...list.filter((c) => c.id !== spec.id), spec]);
    return () => setCharts((list) => list.filter((c) => c !== spec));
  }, []);
  return (
    <RegisterContext.Provider value={register}>
      <ChartsContext.Provider value={charts}>{children}</ChartsContext.Provider>
    </RegisterContext.Provider>
  );
}

/** Registers a chart with the view while it is mounted (and re-registers when it changes). */
export function useRegisterChart(spec: ChartSpec): void {
  const register = useContext(RegisterContext);
  useEffect(() => register?.(spec), [register, spec]);
}

/** Every chart on the current view. */
export function useViewCharts(): ChartSpec[] {
  return useContext(ChartsContext);
}
