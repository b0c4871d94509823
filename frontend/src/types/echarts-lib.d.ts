// ECharts ships no types beside its lib/ files; this one is loaded lazily for SVG export.
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export function install(registers: unknown): void;
}
