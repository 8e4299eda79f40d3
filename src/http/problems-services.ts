/**
 * The online public services' error codes (catalogue, dossiers, agencies' acts, fees): a part of the catalogue
 * in `problem-catalogue.ts` (which checks their shape), kept apart for its size.
 */
export const SERVICE_PROBLEMS = {
  PROCEDURE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thủ tục', en: 'No such procedure' },
  LEVEL_TOO_LOW: { status: 403, vi: 'Cần tài khoản định danh mức 2', en: 'A level-2 eID account is needed' },
  FORM_INVALID: { status: 422, vi: 'Tờ khai chưa hợp lệ', en: 'The form is not valid' },
  STEPS_INVALID: { status: 422, vi: 'Lựa chọn thủ tục không hợp lệ', en: 'The procedures chosen are not valid' },
  APPLICANT_NOT_PARENT: { status: 403, vi: 'Người khai không phải cha hoặc mẹ', en: 'The applicant is not a parent' },
  PARENT_NOT_IN_REGISTRY: {
    status: 422,
    vi: 'Cha hoặc mẹ không có trong Cơ sở dữ liệu quốc gia về dân cư',
    en: 'A parent is not in the population registry',
  },
  HOUSEHOLD_NOT_OF_PARENT: {
    status: 422,
    vi: 'Hộ gia đình không phải của cha hoặc mẹ',
    en: 'The household is not a parent’s',
  },
  APPLICANT_NOT_RELATIVE: {
    status: 403,
    vi: 'Người khai không phải thân nhân của người chết',
    en: 'The applicant is not a relative of the deceased',
  },
  NO_PERMANENT_RESIDENCE: { status: 422, vi: 'Chưa có nơi thường trú', en: 'No permanent residence on record' },
  DOSSIER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ', en: 'No such dossier' },
  STEP_NOT_FOUND: { status: 404, vi: 'Hồ sơ không có bước này', en: 'The dossier has no such step' },
  STEP_NOT_OPEN: { status: 409, vi: 'Bước này chưa thể xử lý', en: 'The step cannot be acted on now' },
  STEP_CLAIMED_BY_ANOTHER: {
    status: 409,
    vi: 'Cán bộ khác đang xử lý bước này',
    en: 'Another officer is handling the step',
  },
  STEP_ALREADY_DECIDED: { status: 409, vi: 'Bước này đã có quyết định', en: 'The step already has a decision' },
  NOTE_REQUIRED: { status: 422, vi: 'Cần nêu lý do', en: 'A reason is needed' },
  NO_SUPPLEMENT_REQUESTED: {
    status: 409,
    vi: 'Hồ sơ không có yêu cầu bổ sung',
    en: 'No supplement is asked for',
  },
  DOSSIER_NOT_WITHDRAWABLE: { status: 409, vi: 'Không thể rút hồ sơ', en: 'The dossier cannot be withdrawn' },
  HEALTH_INSURANCE_CARD_EXISTS: {
    status: 409,
    vi: 'Trẻ đã có thẻ bảo hiểm y tế',
    en: 'The child already holds a health insurance card',
  },
  PAYMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy giao dịch thanh toán', en: 'No such payment' },
  PAYMENT_NOT_DUE: { status: 409, vi: 'Hồ sơ không có lệ phí phải nộp', en: 'No fee is due' },
  PAYMENT_ALREADY_MADE: { status: 409, vi: 'Lệ phí đã được nộp', en: 'The fee is already paid' },
  PAYMENT_AMOUNT_MISMATCH: { status: 422, vi: 'Số tiền không khớp lệ phí', en: 'The amount is not the fee' },
  PAYMENT_SIGNATURE_INVALID: {
    status: 401,
    vi: 'Chữ ký của cổng thanh toán không hợp lệ',
    en: 'The payment provider’s signature is not valid',
  },
} as const;
