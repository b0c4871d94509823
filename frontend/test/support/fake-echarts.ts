import { vi } from 'vitest';

/** A stand-in for lib/echarts in jsdom (no canvas): records what the wrapper does. */
export interface FakeChart {
  el: HTMLElement;
  options: { option: unknown; opts: unknown }[];
  handlers: Record<string, ((p: unknown) => void)[]>;
  disposed: boolean;
  resized: number;
}
export const charts: FakeChart[] = [];

export const echartsModule = {
  echarts: {
    init: vi.fn((el: HTMLElement) => {
      const chart: FakeChart = { el, options: [], handlers: {}, disposed: false, resized: 0 };
      charts.push(chart);
      return {
        setOption: (option: unknown, opts: unknown) => {
          chart.options.push({ option, opts });
          for (const h of chart.handlers.rendered ?? []) h({});
        },
        on: (name: string, h: (p: unknown) => void) => {
          (chart.handlers[name] ??= []).push(h);
        },
        resize: () => void chart.resized++,
        dispose: () => {
          chart.disposed = true;
        },
        getDataURL: () => 'data:image/png;base64,iVBORw0KGgo=',
      };
    }),
    use: vi.fn(),
  },
  ensureSvgRenderer: () => Promise.resolve(),
};
