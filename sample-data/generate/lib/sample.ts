import type { ExpectedFile } from './expected.js';

export interface Sample {
  file: string;
  bytes: Uint8Array;
  expected: ExpectedFile;
}

/** Expected file-level facts with the defaults of a Unicode spreadsheet. */
export function fileExpect(p: Partial<ExpectedFile> & Pick<ExpectedFile, 'file' | 'format' | 'kind'>): ExpectedFile {
  return {
    year: null, unit: null, level: null, encoding: 'unicode', decision_no: null, decision_date: null, records: [], issues: [],
    ...p,
  };
}
