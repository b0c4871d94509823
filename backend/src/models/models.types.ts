/** One model in the list: its latest registration, and the highest level that recognised it. */
export interface ModelRow {
  id: number;
  name: string;
  ownerName: string | null;
  ownerUnitId: number | null;
  unitName: string | null;
  field: string | null;
  fieldInferred: boolean;
  status: string | null;
  ownerType: string | null;
  year: number | null;
  firstYear: number | null;
  recognitionLevel: string | null;
}

export interface ModelPage {
  items: ModelRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Where a stored value came from: the file, and the sheet/row/cell (or Word table/paragraph) in it. */
export interface Provenance {
  fileId: number;
  fileName: string;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  table: number | null;
  paragraph: number | null;
}

export interface ProvenancedValue {
  field: string;
  value: string | number | boolean | null;
  source: Provenance | null;
  inferred: boolean;
  corrected: boolean;
}

export interface ModelYear {
  year: number;
  kind: 'registration' | 'recognition' | 'exemplar';
  unitName: string | null;
  values: ProvenancedValue[];
}

export interface ModelDetail {
  id: number;
  name: string;
  ownerName: string | null;
  ownerUnitId: number | null;
  field: string | null;
  firstYear: number | null;
  history: ModelYear[];
}
