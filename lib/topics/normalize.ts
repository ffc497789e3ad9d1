import { wordKey } from './word-key';
import { forEachWordChunk } from './words';

/**
 * The one normalised form of a topic phrase, shared by watched topics and trend topics:
 * "State-Space Model", "state space models" and "State Space Models (SSMs)" are all
 * "state space model". Words are keyed by `wordKey` (case, accents and inflection removed),
 * hyphens count as spaces, and a trailing "(ACRONYM)" is left out: it names the same thing.
 */
export function normalizeTopic(phrase: string): string {
  return topicWordKeys(splitAlias(phrase).main).join(' ');
}

/** The word keys of a phrase, in order; clause punctuation inside a phrase is ignored. */
export function topicWordKeys(phrase: string): string[] {
  const keys: string[] = [];
  forEachWordChunk(phrase, (parts) => {
    for (const part of parts) keys.push(wordKey(part));
  });
  return keys;
}

const TRAILING_ALIAS = /^(.*\S)\s*\(([^()]+)\)\s*$/su;

/**
 * "Mixture-of-Experts (MoE)" → main "Mixture-of-Experts", alias "MoE": Hugging Face's keywords and
 * people alike write a term with its short form, and either one in a paper means the topic.
 */
export function splitAlias(phrase: string): { main: string; alias?: string } {
  const match = TRAILING_ALIAS.exec(phrase.trim());
  if (!match) return { main: phrase.trim() };
  return { main: match[1]!.trim(), alias: match[2]!.trim() };
}
