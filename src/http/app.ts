import { fileURLToPath } from 'node:url';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { AccessLog } from '../audit/index.ts';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import { EventDispatcher } from '../events/index.ts';
import {
  accountRoutes,
  Identity,
  interactionRoutes,
  providerRoutes,
  staffRoutes,
  webClientRoutes,
} from '../identity/index.ts';
import { type Clock, systemClock } from '../kernel/index.ts';
import { devInboxRoutes, devInboxSender, Messages } from '../messages/index.ts';
import { AdminUnits, Registry, referenceRoutes, registryRoutes } from '../registry/index.ts';
import { agencyRoutes, PublicServices, paymentRoutes, serviceRoutes } from '../services/index.ts';
import { Verification, verificationRoutes } from '../verification/index.ts';
import { apiDocs } from './api-docs.ts';
import { callerResolver, registryAccess, sessionRoutes } from './auth.ts';
import { loggerOptions } from './logging.ts';
import { operationsRoutes } from './operations.ts';
import { installProblemHandlers } from './problems.ts';
import { requestId } from './request-id.ts';
import { checkRouteSchemas } from './schema-guard.ts';
import { securityHeaders } from './security-headers.ts';
import { VERSION } from './version.ts';
import { webAppRoutes } from './web-app.ts';

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly clock?: Clock;
  /**
   * Run the outbox dispatchers (events, messages) and the batch verification runner in the background; tests
   * drain them by hand (`services.events.drain()`, `services.verification.batches.runPending()`).
   */
  readonly background?: boolean;
  /** Folder of the built web app (default `dist/web` of this package). */
  readonly webRoot?: string;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Builds the HTTP application without listening, so that tests drive it with `app.inject()` and the
 * `start` command decides where it listens.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  let closing = false;
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.addHook('onRoute', checkRouteSchemas);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('preClose', async () => {
    closing = true;
  });
  installProblemHandlers(app);

  securityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets inline style attributes; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await apiDocs(app, { version: VERSION });
  await app.register(operationsRoutes, { db, version: VERSION, isClosing: () => closing });
  await moduleRoutes(app, deps);
  await webAppRoutes(app, { root: deps.webRoot ?? DEFAULT_WEB_ROOT });
  return app;
}

/** The services the app built, for tests and the `start` command. */
export interface AppServices {
  readonly identity: Identity;
  readonly registry: Registry;
  readonly messages: Messages;
  readonly events: EventDispatcher;
  readonly verification: Verification;
  readonly publicServices: PublicServices;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

/** Each module's routes, with the services they need. */
async function moduleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db, config } = deps;
  const clock = deps.clock ?? systemClock;
  const accessLog = new AccessLog(db, clock);
  const units = new AdminUnits(db);
  const registry = new Registry({ db, clock, accessLog, units });
  const messages = new Messages(
    db,
    clock,
    devInboxSender((line) => app.log.info({ message: maskMessage(line) }, 'message kept in the developer inbox')),
  );
  const events = new EventDispatcher(db);
  const identity = await Identity.create({
    db,
    clock,
    accessLog,
    registry,
    units,
    messages,
    publicUrl: config.publicUrl,
    proxy: config.trustProxy,
  });
  identity.subscribe(events);
  const verification = new Verification({ db, clock, accessLog, registry, identity });
  const publicServices = await PublicServices.create({
    db,
    clock,
    registry,
    identity,
    units,
    messages,
    accessLog,
    publicUrl: config.publicUrl,
  });
  app.decorate('services', { identity, registry, messages, events, verification, publicServices });
  if (deps.background) {
    const onError = (err: unknown) => app.log.error({ err }, 'background delivery failed');
    events.start(1000, onError);
    messages.start(1000, onError);
    verification.batches.start(1000, (err) => app.log.error({ err }, 'batch verification failed'));
    publicServices.start(60_000, (err) => app.log.error({ err }, 'refusing dossiers without supplement failed'));
    const purge = setInterval(() => identity.purgeExpired().catch(onError), 3600_000).unref();
    app.addHook('onClose', async () => {
      clearInterval(purge);
      await events.stop();
      await messages.stop();
      await verification.batches.stop();
      await publicServices.stop();
    });
  }
  const caller = callerResolver(identity);
  const access = registryAccess(caller);
  await app.register(registryRoutes, { prefix: '/api/v1/registry', registry, accessLog, units, access });
  await app.register(referenceRoutes, { prefix: '/api/v1/reference', units });
  await app.register(sessionRoutes, { prefix: '/api/v1', caller });
  await app.register(accountRoutes, { prefix: '/api/v1', identity, caller });
  await app.register(staffRoutes, { prefix: '/api/v1', identity, caller });
  await app.register(verificationRoutes, { prefix: '/api/v1', verification, caller });
  await app.register(serviceRoutes, { prefix: '/api/v1', services: publicServices, caller });
  await app.register(paymentRoutes, { prefix: '/api/v1', services: publicServices, caller });
  await app.register(agencyRoutes, { prefix: '/api/v1/agency', services: publicServices, caller });
  await app.register(providerRoutes, { provider: identity.provider });
  await app.register(interactionRoutes, { interactions: identity.interactions });
  await app.register(webClientRoutes, { identity });
  if (config.devInbox) await app.register(devInboxRoutes, { prefix: '/api/v1', messages });
}

/** What the log shows of a message kept in the developer inbox: its text, with the recipient masked. */
function maskMessage(line: { messageId: number; channel: string; recipient: string; kind: string; body: string }) {
  return {
    id: line.messageId,
    channel: line.channel,
    kind: line.kind,
    recipient: `${line.recipient.slice(0, 3)}***${line.recipient.slice(-2)}`,
    text: line.body,
  };
}
