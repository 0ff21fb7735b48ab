/** Serves the app on Deno (`deno task dev`); `npm start` runs it through `brisk run --runtime deno`. */
import app from './app.ts'

Deno.serve({ port: Number(Deno.env.get('PORT') ?? 8000) }, app.fetch)
