/**
 * Mục đích — the purposes a partner may check data for, each with the words the citizen reads in "who
 * accessed my data". A contract lists the codes it allows; the access log keeps the label.
 */
export const PURPOSES = {
  account_opening: 'Mở tài khoản',
  subscriber_check: 'Xác thực thuê bao di động',
  customer_data_cleaning: 'Làm sạch dữ liệu khách hàng',
  loan_application: 'Thẩm định hồ sơ vay vốn',
  transaction_authentication: 'Xác thực giao dịch',
  insurance_contract: 'Giao kết hợp đồng bảo hiểm',
  patient_admission: 'Tiếp nhận người bệnh khám, chữa bệnh',
  boarding_check: 'Kiểm tra hành khách làm thủ tục bay',
  student_enrolment: 'Xác nhận thông tin người học',
} as const;

export type PurposeCodeOf = keyof typeof PURPOSES;
export const PURPOSE_CODES = Object.keys(PURPOSES) as PurposeCodeOf[];

/** The code of a label as the access log keeps it, if it is one of the catalogue's. */
export function purposeOfLabel(label: string): PurposeCodeOf | undefined {
  return PURPOSE_CODES.find((code) => PURPOSES[code] === label);
}
