/** Dịch vụ công — online public services: catalogue, dossiers, agency queues, interlinked procedures, fees. */

export { agencyRoutes } from './agency-routes.ts';
export * from './model.ts';
export { paymentRoutes } from './payment-routes.ts';
export { PublicServices, type PublicServicesOptions } from './public-services.ts';
export { serviceRoutes } from './routes.ts';
