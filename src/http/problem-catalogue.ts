/**
 * Every error code the platform answers with, its HTTP status and a short title in Vietnamese and
 * English. This is the one place where a domain error becomes HTTP. `docs/errors.md` lists the same
 * codes; `problem-catalogue.test.ts` fails when the two differ or when code throws an unlisted code.
 */
export interface ProblemKind {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export const PROBLEMS = {
  // Transport: what the HTTP layer itself refuses.
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đường dẫn', en: 'No such route' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung JSON bị lỗi cú pháp', en: 'The JSON body cannot be parsed' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ',
    en: 'Unsupported content type',
  },
  SERVICE_UNAVAILABLE: { status: 503, vi: 'Dịch vụ tạm thời không sẵn sàng', en: 'Service unavailable' },
  INTERNAL_ERROR: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
  WEB_APP_NOT_BUILT: {
    status: 503,
    vi: 'Ứng dụng web chưa được biên dịch',
    en: 'The web app has not been built',
  },

  // kernel
  INVALID_PERSONAL_ID: { status: 400, vi: 'Số định danh cá nhân không hợp lệ', en: 'Invalid personal ID number' },
  INVALID_DATE: { status: 400, vi: 'Ngày không hợp lệ', en: 'Invalid date' },
  INVALID_CALENDAR_DATA: {
    status: 500,
    vi: 'Dữ liệu lịch nghỉ lễ bị lỗi',
    en: 'The holiday calendar data is invalid',
  },
  CALENDAR_OUT_OF_RANGE: {
    status: 422,
    vi: 'Ngày nằm ngoài lịch làm việc đã có',
    en: 'Date outside the known working-day calendar',
  },
} as const satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof PROBLEMS;

/** The catalogue entry of a code, or undefined for a code nobody listed (a bug: answered as a 500). */
export function findProblem(code: string): ProblemKind | undefined {
  return Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code as ProblemCode] : undefined;
}
