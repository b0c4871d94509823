/**
 * Response and request shapes of the API, for the frontend (imported as
 * '@dvk/backend/api-types') and the export pack. Types only: nothing here
 * runs, so the frontend bundle stays free of server code.
 */

// Plans and quotas (/api/plans)
export type {
  DeadlineDocument, DeadlineSubmissions, ModelFilter, PlanDeadlineView, PlanDocument, PlanEvaluation, PlanIssue,
  PlanRuleView, PlanSubmissions, PlanSummary, PlanView, RuleDocument, RuleParams, RuleResult, RuleShape, RuleStatus,
  RuleTarget, SubmissionRow, SubmissionStatus,
} from './plans/plan.types.js';

// Analytics (/api/analytics)
export type {
  ChildRow, ChildrenBreakdown, Distribution, DistributionItem, FulfilmentRow, FulfilmentUnit, Kpis, Overview,
  QuotaFulfilment, RecognitionRates, RecognitionRow, StructureInfo, Trends, TrendRow, UnitRef,
} from './analytics/analytics.types.js';

// Uploads, files and review (/api/uploads, /api/files, /api/review)
export type { BatchView, JobState, JobView, UploadEvent } from './ingest/uploads.service.js';
export type { FileDetail, FilePage, FileRecords, FileView, RecordTypeName } from './ingest/files.service.js';
export type { StoreSummary } from './ingest/ingest.repository.js';
export type { ReviewCorrection, ReviewDecision, ReviewItemView, ReviewPage } from './ingest/review.service.js';
export type { RecordType } from './ingest/corrections.js';

// Units (/api/units)
export type { UnitDetail, UnitImportReport, UnitPage, UnitSummary } from './units/units.service.js';
export type { Resolution, ResolutionMethod, UnitSuggestion } from './units/registry.js';

// Year-end export pack (/api/export): answers a ZIP; the query it takes
export type { ExportQuery } from './export/export.service.js';
