/**
 * The stable issue codes the spreadsheet pipeline raises, with what each
 * means, so callers (ingest, review pages) can act on codes, not messages.
 * Date codes come from normalise/dates (INVALID_DATE, UNREADABLE_DATE,
 * INCOMPLETE_DATE, INVERTED_RANGE); Word codes from word/.
 */
import type { Severity } from '../contract.js';

export const SPREADSHEET_ISSUE_CODES = {
  // The whole file is refused (error, no records).
  EMPTY_FILE: { severity: 'error', meaning: 'Tệp rỗng.' },
  FILE_TOO_LARGE: { severity: 'error', meaning: 'Tệp vượt giới hạn dung lượng.' },
  FILE_UNREADABLE: { severity: 'error', meaning: 'CLI: không mở được đường dẫn (không có, là thư mục, không có quyền).' },
  CORRUPT_FILE: { severity: 'error', meaning: 'Tệp hỏng hoặc bị cắt cụt.' },
  ENCRYPTED: { severity: 'error', meaning: 'Tệp được đặt mật khẩu.' },
  HTML_NOT_SPREADSHEET: { severity: 'error', meaning: 'Tệp là trang HTML mang đuôi bảng tính.' },
  NOT_A_WORKBOOK: { severity: 'error', meaning: 'Tệp mang đuôi .xlsx/.xls nhưng là văn bản CSV.' },
  UNSUPPORTED_FORMAT: { severity: 'error', meaning: 'Định dạng chưa hỗ trợ (PDF, RTF, ODS, XLSB, XML 2003 …).' },
  ZIP_BOMB: { severity: 'error', meaning: 'Tệp nén bất thường (tỉ lệ nén, tổng dung lượng hoặc kích thước khai báo sai).' },
  XML_ENTITY: { severity: 'error', meaning: 'XML trong tệp khai báo DOCTYPE/ENTITY.' },
  TOO_MANY_CELLS: { severity: 'error', meaning: 'Quá số ô cho phép.' },
  TIME_BUDGET: { severity: 'error', meaning: 'Quá thời gian đọc cho phép.' },
  NO_TABLE: { severity: 'error', meaning: 'Không có bảng danh sách nào.' },
  INTERNAL_ERROR: { severity: 'error', meaning: 'Lỗi không mong đợi trong bộ đọc.' },
  // Records are read, with doubts.
  EXTENSION_MISMATCH: { severity: 'warning', meaning: 'Đuôi tệp khác nội dung; đọc theo nội dung.' },
  LOW_CONFIDENCE_MAPPING: { severity: 'warning', meaning: 'Cột được hiểu với độ tin cậy thấp.' },
  HIDDEN_ROW_SKIPPED: { severity: 'warning', meaning: 'Dòng bị ẩn, không nhập.' },
  HIDDEN_SHEET_SKIPPED: { severity: 'warning', meaning: 'Trang bị ẩn có dữ liệu, không nhập.' },
  UNKNOWN_TABLE: { severity: 'warning', meaning: 'Bảng không rõ là danh sách gì, không nhập.' },
  MISSING_NAME: { severity: 'warning', meaning: 'Dòng thiếu tên mô hình / tên tập thể, cá nhân.' },
  UNKNOWN_FIELD: { severity: 'warning', meaning: 'Không hiểu lĩnh vực ghi trong ô.' },
  UNKNOWN_STATUS: { severity: 'warning', meaning: 'Không hiểu hình thức (mới/duy trì/nhân rộng).' },
  AMBIGUOUS_STATUS: { severity: 'warning', meaning: 'Đánh dấu nhiều hình thức cùng lúc.' },
  INVALID_NUMBER: { severity: 'warning', meaning: 'Ô số liệu không phải là số.' },
  // For the record only.
  CSV_CHARSET: { severity: 'info', meaning: 'Bảng mã và dấu phân cách của tệp CSV.' },
  SHEET_EMPTY: { severity: 'info', meaning: 'Trang trống, bỏ qua.' },
  SHEET_INSTRUCTIONS: { severity: 'info', meaning: 'Trang hướng dẫn/danh mục, bỏ qua.' },
  SHEET_NO_TABLE: { severity: 'info', meaning: 'Trang không có bảng, bỏ qua.' },
  HIDDEN_COLUMN: { severity: 'info', meaning: 'Cột bị ẩn: giá trị chỉ giữ trong extra.' },
  TOTAL_ROW_SKIPPED: { severity: 'info', meaning: 'Dòng tổng cộng, không phải bản ghi.' },
} as const satisfies Record<string, { severity: Severity; meaning: string }>;

export type SpreadsheetIssueCode = keyof typeof SPREADSHEET_ISSUE_CODES;
