/**
 * The expected reading of a sample file: the ETL contract's FileResult minus
 * sha256 and issue messages (noise), keeping every record field and each
 * issue's code, severity and place.
 */
import type { DocumentKind, EtlRecord, Level, PartialDate, Severity, SourceFormat, TextEncoding } from '@dvk/etl';

export interface ExpectedIssue {
  severity: Severity;
  code: string;
  sheet?: string | null;
  row?: number | null;
}

/** Records compare on their fields, year, source sheet/row and extra; source.cells is not compared. */
export type ExpectedRecord = Omit<EtlRecord, 'source'> & { source: { sheet: string | null; row: number | null } };

export interface ExpectedFile {
  file: string;
  format: SourceFormat | null;
  kind: DocumentKind;
  year: number | null;
  unit: string | null;
  level: Level | null;
  encoding: TextEncoding;
  decision_no: string | null;
  decision_date: PartialDate | null;
  records: ExpectedRecord[];
  /**
   * Every error and warning the file must raise (exactly these), and infos
   * that must be present (other infos are tolerated).
   */
  issues: ExpectedIssue[];
}
