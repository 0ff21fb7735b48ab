// Scalar's self-contained browser bundle, which the Worker entry imports as a string: wrangler
// bundles it as a Text module (the `rules` in wrangler.jsonc), as the tests' esbuild build does.
// (An import attribute `with { type: 'text' }` needs esbuild 0.28; wrangler on Node 20 has 0.27.)
declare module '@scalar/api-reference/browser/standalone.js' {
  const script: string
  export default script
}
