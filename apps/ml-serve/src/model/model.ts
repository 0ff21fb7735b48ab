/**
 * The model as dependencies. `modelLoader` is the one to swap for another model (transformers.js, a
 * remote model server): `app.override(modelLoader, dependency({ scope: 'app' }, () => myLoader))`.
 * `model` is app-scoped and eager: loaded once at startup, released at shutdown.
 */
import { dependency } from '@brisk/router'
import { createModelHost, type ModelHostOptions } from './model-host.ts'
import type { ModelLoader } from './sentiment-model.ts'
import { loadWinkSentiment } from './wink-sentiment.ts'

/** How the model is loaded (default: wink's English model, from its npm package). */
export const modelLoader = dependency(
  { scope: 'app', name: 'modelLoader (wink)' },
  (): ModelLoader => loadWinkSentiment,
)

/** When loading starts (a Worker entry overrides it with `{ start: 'now' }`). */
export const modelHostOptions = dependency(
  { scope: 'app', name: 'modelHostOptions' },
  (): ModelHostOptions => ({ start: 'background' }),
)

/** The loaded model, counted; `/health` reads its status. */
export const model = dependency(
  {
    scope: 'app',
    eager: true,
    name: 'model',
    uses: { load: modelLoader, options: modelHostOptions },
  },
  async function* model({ load, options }) {
    const host = createModelHost(load, options)
    try {
      yield host
    } finally {
      await host.close()
    }
  },
)
