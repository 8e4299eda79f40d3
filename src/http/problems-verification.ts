/**
 * The verification service's error codes (partners, contracts, online checks, batch jobs): a part of the
 * catalogue in `problem-catalogue.ts` (which checks their shape), kept apart for its size.
 */
export const VERIFICATION_PROBLEMS = {
  PARTNER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đối tác', en: 'No such partner' },
  PARTNER_EXISTS: { status: 409, vi: 'Đối tác đã được đăng ký', en: 'The partner is already registered' },
  PARTNER_CLIENT_INVALID: {
    status: 422,
    vi: 'Ứng dụng của đối tác không hợp lệ',
    en: 'The partner’s client is not a verification machine client',
  },
  PARTNER_STATUS_UNCHANGED: {
    status: 409,
    vi: 'Đối tác đã ở trạng thái này',
    en: 'The partner already has this status',
  },
  CONTRACT_INVALID: { status: 422, vi: 'Hợp đồng không hợp lệ', en: 'Invalid contract' },
  PARTNER_STAFF_EXISTS: {
    status: 409,
    vi: 'Tài khoản đã là nhân viên của một đối tác',
    en: 'The account is already a member of a partner’s staff',
  },
  PARTNER_STAFF_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhân viên đối tác', en: 'No such member of staff' },
  LEVEL2_SIGN_IN_REQUIRED: {
    status: 403,
    vi: 'Cần đăng nhập bằng tài khoản định danh điện tử mức độ 2',
    en: 'A level-2 eID sign-in is required',
  },
  NOT_A_PARTNER: { status: 403, vi: 'Ứng dụng chưa được đăng ký là đối tác', en: 'The client is not a partner' },
  PARTNER_SUSPENDED: { status: 403, vi: 'Đối tác đang bị tạm dừng', en: 'The partner is suspended' },
  CONTRACT_NOT_IN_FORCE: {
    status: 403,
    vi: 'Đối tác không có hợp đồng còn hiệu lực',
    en: 'No contract in force',
  },
  PURPOSE_NOT_ALLOWED: {
    status: 403,
    vi: 'Mục đích không có trong hợp đồng',
    en: 'Purpose not allowed by the contract',
  },
  CHECK_TYPE_NOT_ALLOWED: {
    status: 403,
    vi: 'Loại kiểm tra không có trong hợp đồng',
    en: 'Check type not allowed by the contract',
  },
  QUOTA_EXCEEDED: { status: 429, vi: 'Đã dùng hết hạn mức tháng', en: 'Monthly quota used up' },
  RATE_LIMITED: { status: 429, vi: 'Gửi yêu cầu quá nhanh', en: 'Too many requests per second' },
  BATCH_HEADER_INVALID: {
    status: 400,
    vi: 'Dòng tiêu đề của tệp không hợp lệ',
    en: 'The batch file’s header row is not valid',
  },
  BATCH_TOO_LARGE: { status: 413, vi: 'Tệp có quá nhiều dòng', en: 'The batch file has too many rows' },
  BATCH_QUOTA_EXCEEDED: {
    status: 429,
    vi: 'Số dòng của lô vượt hạn mức còn lại trong tháng',
    en: 'The batch has more rows than the month’s remaining quota',
  },
  BATCH_NOT_FOUND: { status: 404, vi: 'Không tìm thấy lô xác thực', en: 'No such batch' },
  BATCH_NOT_FINISHED: {
    status: 409,
    vi: 'Lô xác thực chưa xử lý xong',
    en: 'The batch is not finished',
  },
} as const;
