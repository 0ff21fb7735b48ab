/**
 * The conformance fixture: one Brisk app exercising every router, validator and dependency-injection
 * feature, with a problem-details app, a plain Hono host, two DI apps (app-level dependencies,
 * overrides) and a protected app (every auth scheme) mounted under it. Portable: web standards only.
 */
import { createApp, exceptionHandler, websocketHub } from '@brisk/router'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import { aliasRoutes } from './fixture/alias-routes.ts'
import { authApp } from './fixture/auth-app.ts'
import {
  createProduct,
  echoLooseForm,
  echoLooseObject,
  echoRecord,
  smallBody,
  submitForm,
  uploadAvatar,
} from './fixture/body-routes.ts'
import { dependencyErrorRoutes } from './fixture/dependency-error-routes.ts'
import { diApp } from './fixture/di-app.ts'
import { concurrentEcho } from './fixture/di-concurrent.ts'
import { overrideApp } from './fixture/di-override-app.ts'
import { diRoutes } from './fixture/di-routes.ts'
import { readLog, readStats } from './fixture/di-store.ts'
import { mountDocs } from './fixture/docs.ts'
import { excludeRoutes } from './fixture/exclude-routes.ts'
import { fastapiErrorRoutes } from './fixture/fastapi-error-routes.ts'
import { hostApp } from './fixture/host-app.ts'
import {
  coercionRoutes,
  readCookies,
  readFile,
  readHeaders,
  readItem,
  updateOrder,
} from './fixture/input-routes.ts'
import { laxRoutes } from './fixture/lax-routes.ts'
import { prefixRoutes } from './fixture/prefix-routes.ts'
import { problemApp } from './fixture/problem-app.ts'
import { recordError, reportedErrorCount, reportedErrors } from './fixture/reported-errors.ts'
import {
  brokenResponse,
  createItem,
  deleteItem,
  passthrough,
  passthroughJson,
  readUser,
  Teapot,
  throwHttpException,
  throwTeapot,
  throwUnexpected,
} from './fixture/response-routes.ts'
import { readRuntime, readWaited } from './fixture/runtime-routes.ts'
import {
  checkedItems,
  endlessTicks,
  ndjsonNumbers,
  sseTokens,
  streamStatus,
} from './fixture/stream-routes.ts'
import { echoSocket, securedSocket, strictSocket } from './fixture/websocket-routes.ts'

export const app = createApp({
  routes: [
    coercionRoutes,
    prefixRoutes,
    laxRoutes,
    readItem,
    readFile,
    readHeaders,
    readCookies,
    updateOrder,
    createProduct,
    submitForm,
    uploadAvatar,
    smallBody,
    echoRecord,
    echoLooseObject,
    echoLooseForm,
    aliasRoutes,
    fastapiErrorRoutes,
    dependencyErrorRoutes,
    excludeRoutes,
    readUser,
    brokenResponse,
    createItem,
    deleteItem,
    throwHttpException,
    throwTeapot,
    throwUnexpected,
    passthrough,
    passthroughJson,
    sseTokens,
    ndjsonNumbers,
    checkedItems,
    endlessTicks,
    streamStatus,
    reportedErrors,
    reportedErrorCount,
    diRoutes,
    concurrentEcho,
    readLog,
    readStats,
    readRuntime,
    readWaited,
    echoSocket,
    strictSocket,
    securedSocket,
  ],
  middleware: [
    cors({ origin: 'https://allowed.test', exposeHeaders: ['x-reason'] }),
    secureHeaders(),
  ],
  exceptionHandlers: [
    exceptionHandler(Teapot, (_error, c) => c.json({ detail: 'short and stout' }, 418)),
  ],
  onError: recordError,
  websockets: { maxConnections: 20 },
})

// What a server's shutdown does first, callable mid-suite: every open socket gets 1001 and its
// request's teardown (a plain Hono route, so undocumented).
app.post('/ws/close-all', async (c) => {
  await websocketHub(app).closeAll()
  return c.body(null, 204)
})

app.route('/problem', problemApp)
app.route('/host', hostApp)
app.route('/di-app', diApp)
app.route('/di-override', overrideApp)
app.route('/auth', authApp)

const spec = mountDocs(app)

/** The fixture's OpenAPI document, generated in this process (cases compare every runtime to it). */
export const fixtureDocument = spec.document
