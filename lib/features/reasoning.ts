import { analyseText } from './taxonomy';

/**
 * True when the prompt asks for visible reasoning: "step by step", "chain of thought",
 * "show your work", "explain your reasoning", "think carefully", "let's think", ...
 * The phrase list is the "reasoning" cue of the taxonomy file, so it is versioned with it.
 */
export function isReasoningElicitation(text: string, systemPrompt?: string | null): boolean {
  return analyseText(text, systemPrompt, false).reasoning;
}
