/** The citizen portal's client routes. */
export const CITIZEN_PATH = '/citizen';
export const SERVICES_PATH = '/citizen/services';
export const DOSSIERS_PATH = '/citizen/dossiers';

/** The e-form of the procedure `code`. */
export const applyPath = (code: string) => `${SERVICES_PATH}/${encodeURIComponent(code)}/apply`;

/** The citizen's page of a dossier. */
export const dossierPath = (id: string) => `${DOSSIERS_PATH}/${encodeURIComponent(id)}`;

/** The built-in sandbox payment page. */
export const sandboxPaymentPath = (paymentId: string) => `/payments/sandbox/${encodeURIComponent(paymentId)}`;
