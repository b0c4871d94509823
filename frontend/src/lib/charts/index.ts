/**
 * Chart option builders shared by the dashboard and the server-side export
 * (`@dvk/frontend/charts`): pure functions from data to an EChartsOption.
 * No DOM, no Svelte; ECharts appears only as types.
 */
export { buildModelsByFieldOption, modelsByFieldTable, type FieldDatum } from './models-by-field.js';
export { buildRecognitionRateOption, recognitionRateTable, type UnitRateDatum, type RecognitionRateOpts } from './recognition-rate.js';
export { buildTrendOption, trendTable, type TrendDatum, type TrendOpts } from './trend.js';
export { buildDistributionOption, distributionTable, sliceLabel, type SliceDatum, type DistributionKind, type DistributionOpts } from './distribution.js';
export { buildQuotaFulfilmentOption, quotaFulfilmentTable, type QuotaRuleDatum } from './quota-fulfilment.js';
export { type ChartOpts, type ChartTable, rateOf, FONT } from './common.js';
export { PALETTE, DECALS, greyOf, colorAt, decalAt } from './palette.js';
export { formatCount, formatPercent } from './format.js';
export * from './labels.js';
