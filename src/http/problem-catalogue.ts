/**
 * Every error code the platform answers with, its HTTP status and a short title in Vietnamese and
 * English (the verification and public-service codes in their own files). This is the one place where a
 * domain error becomes HTTP. `docs/errors.md` lists the same
 * codes; `problem-catalogue.test.ts` fails when the two differ or when code throws an unlisted code.
 */
import { SERVICE_PROBLEMS } from './problems-services.ts';
import { VERIFICATION_PROBLEMS } from './problems-verification.ts';

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

  // audit
  AUDIT_ENTRY_INVALID: { status: 400, vi: 'Bản ghi nhật ký truy cập không hợp lệ', en: 'Invalid access log entry' },
  AUDIT_QUERY_INVALID: {
    status: 400,
    vi: 'Yêu cầu tra cứu nhật ký truy cập không hợp lệ',
    en: 'Invalid access log query',
  },

  // identity
  UNAUTHENTICATED: { status: 401, vi: 'Chưa xác thực', en: 'Not authenticated' },
  FORBIDDEN: { status: 403, vi: 'Không có quyền thực hiện', en: 'Not allowed' },
  CSRF_TOKEN_INVALID: { status: 403, vi: 'Thiếu hoặc sai mã chống giả mạo yêu cầu', en: 'Missing or wrong CSRF token' },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Số định danh hoặc mật khẩu không đúng',
    en: 'Wrong personal ID number or password',
  },
  SIGN_IN_THROTTLED: { status: 429, vi: 'Đăng nhập sai quá nhiều lần', en: 'Too many failed sign-ins' },
  ACCOUNT_LOCKED: { status: 403, vi: 'Tài khoản đang bị khóa', en: 'The account is locked' },
  ACCOUNT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản định danh điện tử', en: 'No such eID account' },
  ACCOUNT_EXISTS: {
    status: 409,
    vi: 'Công dân đã có tài khoản định danh điện tử',
    en: 'The person already has an eID account',
  },
  ACCOUNT_NOT_LOCKED: { status: 409, vi: 'Tài khoản không bị khóa', en: 'The account is not locked' },
  UNLOCK_NOT_ALLOWED: { status: 403, vi: 'Không được mở khóa tài khoản này', en: 'This lock cannot be lifted here' },
  ACCOUNT_ALREADY_LEVEL2: { status: 409, vi: 'Tài khoản đã ở mức 2', en: 'The account is already level 2' },
  REGISTRATION_MISMATCH: {
    status: 422,
    vi: 'Thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư',
    en: 'The details do not match the registry',
  },
  REGISTRATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy yêu cầu đăng ký', en: 'No such registration' },
  PERSON_NOT_ELIGIBLE: {
    status: 422,
    vi: 'Không thể lập tài khoản cho công dân này',
    en: 'No eID account for this person',
  },
  PASSWORD_TOO_WEAK: { status: 422, vi: 'Mật khẩu chưa đủ mạnh', en: 'The password is too weak' },
  PASSWORD_ALREADY_SET: { status: 409, vi: 'Tài khoản đã có mật khẩu', en: 'The account already has a password' },
  OTP_INVALID: { status: 422, vi: 'Mã xác thực không đúng', en: 'Wrong one-time code' },
  OTP_EXPIRED: { status: 410, vi: 'Mã xác thực đã hết hạn', en: 'The one-time code has expired' },
  OTP_RESEND_TOO_SOON: {
    status: 429,
    vi: 'Vui lòng chờ trước khi gửi lại mã',
    en: 'Wait before asking for a new code',
  },
  OTP_TOO_MANY_ATTEMPTS: { status: 429, vi: 'Nhập sai mã quá nhiều lần', en: 'Too many wrong codes' },
  OUTSIDE_JURISDICTION: { status: 403, vi: 'Ngoài địa bàn quản lý', en: 'Outside your jurisdiction' },
  CARD_NOT_VALID: { status: 422, vi: 'Thẻ căn cước không hợp lệ', en: 'The identity card is not valid' },
  BIOMETRICS_NOT_MATCHED: {
    status: 422,
    vi: 'Chưa đối sánh khuôn mặt và vân tay',
    en: 'Face and fingerprints not matched',
  },
  PHONE_REQUIRED: { status: 422, vi: 'Cần số điện thoại của tài khoản', en: 'A phone number is required' },
  GUARDIAN_NOT_LEVEL2: {
    status: 403,
    vi: 'Người giám hộ cần tài khoản mức 2',
    en: 'The guardian needs a level-2 account',
  },
  NOT_GUARDIAN: { status: 403, vi: 'Không phải cha, mẹ hoặc người giám hộ', en: "Not the child's guardian" },
  CHILD_TOO_OLD: {
    status: 422,
    vi: 'Người từ đủ 14 tuổi tự đăng ký tài khoản',
    en: 'From 14 a person registers their own account',
  },
  ROLE_INVALID: { status: 422, vi: 'Vai trò không hợp lệ', en: 'Invalid role' },
  ROLE_EXISTS: { status: 409, vi: 'Tài khoản đã có vai trò này', en: 'The account already holds this role' },
  ROLE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy vai trò', en: 'No such role' },
  CLIENT_INVALID: { status: 422, vi: 'Đăng ký ứng dụng không hợp lệ', en: 'Invalid client registration' },
  CLIENT_EXISTS: { status: 409, vi: 'Mã ứng dụng đã được dùng', en: 'The client id is taken' },
  CLIENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ứng dụng', en: 'No such client' },
  CONSENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy sự đồng ý', en: 'No such consent' },
  INTERACTION_NOT_FOUND: { status: 404, vi: 'Phiên đăng nhập đã hết hạn', en: 'The sign-in has expired' },
  INTERACTION_STEP_INVALID: { status: 409, vi: 'Bước đăng nhập không hợp lệ', en: 'Unexpected sign-in step' },

  // messages
  MESSAGE_INVALID: { status: 422, vi: 'Tin nhắn không gửi được', en: 'The message cannot be sent' },

  // registry
  PERSON_NOT_FOUND: { status: 404, vi: 'Không tìm thấy công dân', en: 'No such person' },
  PERSON_ALREADY_EXISTS: { status: 409, vi: 'Công dân đã có trong cơ sở dữ liệu', en: 'Person already registered' },
  PERSON_ID_INCONSISTENT: {
    status: 422,
    vi: 'Số định danh không khớp năm sinh hoặc giới tính',
    en: 'ID number inconsistent with birth year or sex',
  },
  PERSON_NOT_ALIVE: { status: 409, vi: 'Công dân đã mất hoặc mất tích', en: 'Person not alive' },
  INVALID_BIRTH_DATE: { status: 400, vi: 'Ngày sinh không hợp lệ', en: 'Invalid date of birth' },
  INVALID_NAME: { status: 400, vi: 'Họ tên không hợp lệ', en: 'Invalid name' },
  INVALID_FORMER_ID_NUMBER: { status: 400, vi: 'Số CMND cũ không hợp lệ', en: 'Invalid former ID number' },
  INVALID_EFFECTIVE_DATE: { status: 400, vi: 'Ngày hiệu lực không hợp lệ', en: 'Invalid effective date' },
  AS_OF_BEFORE_BIRTH: { status: 422, vi: 'Ngày tra cứu trước ngày sinh', en: 'Date before birth' },
  FAMILY_LINK_INVALID: { status: 422, vi: 'Quan hệ gia đình không hợp lệ', en: 'Invalid family link' },
  HOUSEHOLD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hộ gia đình', en: 'No such household' },
  HOUSEHOLD_DISSOLVED: { status: 409, vi: 'Hộ gia đình đã giải thể', en: 'Household dissolved' },
  HOUSEHOLD_ALREADY_HAS_HEAD: { status: 409, vi: 'Hộ gia đình đã có chủ hộ', en: 'Household already has a head' },
  HOUSEHOLD_FILE_NUMBER_TAKEN: { status: 409, vi: 'Số hồ sơ hộ đã được sử dụng', en: 'Household file number taken' },
  HEAD_LACKS_CAPACITY: {
    status: 422,
    vi: 'Chủ hộ phải có năng lực hành vi dân sự đầy đủ',
    en: 'Head lacks full civil capacity',
  },
  HEAD_REPLACEMENT_REQUIRED: { status: 409, vi: 'Cần chọn chủ hộ mới', en: 'New head required' },
  PERSON_ALREADY_IN_HOUSEHOLD: {
    status: 409,
    vi: 'Công dân đã thuộc một hộ gia đình',
    en: 'Person already in a household',
  },
  NOT_A_HOUSEHOLD_MEMBER: { status: 409, vi: 'Không phải thành viên hộ gia đình', en: 'Not a household member' },
  RESIDENCE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nơi cư trú', en: 'No such residence' },
  RESIDENCE_OVERLAP: { status: 409, vi: 'Thời gian cư trú bị trùng', en: 'Overlapping residence' },
  TEMPORARY_RESIDENCE_SAME_COMMUNE: {
    status: 422,
    vi: 'Không đăng ký tạm trú tại xã nơi thường trú',
    en: 'Temporary residence in the commune of permanent residence',
  },
  TEMPORARY_RESIDENCE_TOO_LONG: {
    status: 422,
    vi: 'Thời hạn tạm trú tối đa 2 năm',
    en: 'Temporary residence longer than 2 years',
  },
  CARD_NOT_FOUND: { status: 404, vi: 'Không có thẻ căn cước còn hiệu lực', en: 'No valid identity card' },
  UNKNOWN_CODE: { status: 400, vi: 'Mã không có trong danh mục', en: 'Code not in its code list' },
  REGISTRY_NOT_EMPTY: {
    status: 409,
    vi: 'Cơ sở dữ liệu đã có công dân',
    en: 'The registry already has people',
  },
  SEED_ALREADY_USED: {
    status: 409,
    vi: 'Dữ liệu mẫu của hạt giống này đã được nạp',
    en: 'This seed is already loaded',
  },
  SEARCH_TOO_BROAD: { status: 400, vi: 'Điều kiện tìm kiếm quá rộng', en: 'Search too broad' },
  INVALID_CURSOR: { status: 400, vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid paging cursor' },
  ADMIN_UNIT_NOT_IN_FORCE: {
    status: 422,
    vi: 'Đơn vị hành chính không tồn tại vào ngày này',
    en: 'Administrative unit not in force on that day',
  },
  ADMIN_UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị hành chính', en: 'No such administrative unit' },

  ...VERIFICATION_PROBLEMS,
  ...SERVICE_PROBLEMS,
} as const satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof PROBLEMS;

/** The catalogue entry of a code, or undefined for a code nobody listed (a bug: answered as a 500). */
export function findProblem(code: string): ProblemKind | undefined {
  return Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code as ProblemCode] : undefined;
}
