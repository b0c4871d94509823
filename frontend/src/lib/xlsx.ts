/**
 * A chart's numbers as an .xlsx workbook. Loaded with import() from the
 * download button only, so exceljs stays out of the initial bundle.
 */
import ExcelJS from 'exceljs';
import type { ChartTable } from './charts';

export async function tableToXlsx(table: ChartTable, title: string): Promise<Blob> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dân vận khéo';
  const sheet = workbook.addWorksheet(title.slice(0, 31).replace(/[\\/?*[\]:]/g, '-') || 'Số liệu');
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const header = sheet.addRow(table.columns);
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  table.columns.forEach((c, i) => {
    const longest = Math.max(c.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
