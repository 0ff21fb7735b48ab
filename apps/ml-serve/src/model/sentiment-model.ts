/**
 * What the app needs from a model: score a batch of texts in one call. Anything that fits — wink,
 * transformers.js, a remote model server — serves the same routes (see `modelLoader`).
 */

/** One sentence of a scored text. */
export interface SentenceSentiment {
  readonly text: string
  /** From -1 (negative) to 1 (positive). */
  readonly score: number
}

/** The model's answer for one text. */
export interface TextSentiment {
  /** From -1 (negative) to 1 (positive). */
  readonly score: number
  readonly label: 'positive' | 'negative' | 'neutral'
  readonly sentences: SentenceSentiment[]
}

/** A loaded model. `predict` answers one result per text, in order. */
export interface SentimentModel {
  /** Shown by `/health` and `/v1/stats`. */
  readonly name: string
  predict(texts: readonly string[]): TextSentiment[] | Promise<TextSentiment[]>
  /** Releases what the model holds (called once at shutdown). */
  close?(): void | Promise<void>
}

/** Loads a model; called once per app, at startup. */
export type ModelLoader = () => SentimentModel | Promise<SentimentModel>

/** Scores at or beyond ±0.1 count as a polarity; closer to 0 is neutral. */
export function labelOf(score: number): TextSentiment['label'] {
  if (score >= 0.1) return 'positive'
  if (score <= -0.1) return 'negative'
  return 'neutral'
}
