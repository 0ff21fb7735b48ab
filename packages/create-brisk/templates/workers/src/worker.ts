/** The Worker entry: wrangler and workerd call the app's fetch for every request. */
import app from './app.ts'

export default app
