/** Every conformance case, by area. A runner registers each as its own test. */
import type { Case } from '../target.ts'
import { aliasCases } from './aliases.ts'
import { authBasicCases } from './auth-basic.ts'
import { authBearerCases } from './auth-bearer.ts'
import { authFastapiCases } from './auth-fastapi.ts'
import { authKeyCases } from './auth-keys.ts'
import { authScopeCases } from './auth-scopes.ts'
import { authTokenEndpointCases } from './auth-token-endpoint.ts'
import { backgroundCases } from './background.ts'
import { bodyCases } from './bodies.ts'
import { clientCases } from './client.ts'
import { coercionCases } from './coercion.ts'
import { compositionCases } from './composition.ts'
import { concurrencyCases } from './concurrency.ts'
import { dependencyCases } from './dependencies.ts'
import { dependencyErrorCases } from './dependency-errors.ts'
import { dependencyScopeCases } from './dependency-scopes.ts'
import { documentationCases } from './documentation.ts'
import { fastapiErrorCases } from './fastapi-errors.ts'
import { inputCases } from './inputs.ts'
import { limitCases } from './limits.ts'
import { prototypeKeyCases } from './prototype-keys.ts'
import { responseExclusionCases } from './response-exclusion.ts'
import { responseCases } from './responses.ts'
import { routingCases } from './routing.ts'
import { runtimeContextCases } from './runtime-context.ts'
import { streamingCases } from './streaming.ts'
import { websocketCases } from './websocket.ts'

export const cases: readonly Case[] = [
  ...routingCases,
  ...inputCases,
  ...coercionCases,
  ...bodyCases,
  ...aliasCases,
  ...fastapiErrorCases,
  ...limitCases,
  ...prototypeKeyCases,
  ...responseCases,
  ...responseExclusionCases,
  ...streamingCases,
  ...compositionCases,
  ...dependencyCases,
  ...dependencyErrorCases,
  ...dependencyScopeCases,
  ...backgroundCases,
  ...runtimeContextCases,
  ...concurrencyCases,
  ...documentationCases,
  ...authTokenEndpointCases,
  ...authBearerCases,
  ...authScopeCases,
  ...authKeyCases,
  ...authBasicCases,
  ...authFastapiCases,
  ...clientCases,
  ...websocketCases,
]
