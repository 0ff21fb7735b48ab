/**
 * The default model: wink-nlp's English "lite web" model, pure JavaScript (~4 MB, no native code, no
 * download at run time), so it loads the same on Node, Bun, Deno and Workers.
 */
import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import { labelOf, type SentimentModel, type TextSentiment } from './sentiment-model.ts'

/**
 * Loads wink's model (~0.15 s on Node) and returns it as a `SentimentModel`: document and per-sentence
 * sentiment scores.
 *
 * @example
 * const wink = loadWinkSentiment()
 * wink.predict(['I love it.']) // [{ score: 0.5, label: 'positive', sentences: [...] }]
 */
export function loadWinkSentiment(): SentimentModel {
  // Only the tokenizer, sentence splitter and sentiment are used: the other pipes (POS, entities,
  // negation) cost time per text for nothing here. Sentiment needs the negation pipe to read "not
  // good" as negative, so it stays.
  const nlp = winkNLP(model, ['sbd', 'negation', 'sentiment'])
  const { its } = nlp
  const score = (text: string): TextSentiment => {
    const doc = nlp.readDoc(text)
    const value = doc.out(its.sentiment) as number
    const texts = doc.sentences().out() as string[]
    const scores = doc.sentences().out(its.sentiment) as unknown as number[]
    return {
      score: value,
      label: labelOf(value),
      sentences: texts.map((sentence, index) => ({ text: sentence, score: scores[index] ?? 0 })),
    }
  }
  return {
    name: 'wink-eng-lite-web-model',
    predict: (texts) => texts.map(score),
  }
}
