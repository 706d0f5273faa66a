/**
 * Prompt normalisation used before template hashing (product brief, "Template reuse"):
 * lower-case, every ASCII digit -> '0', runs of whitespace folded to one space, trimmed.
 * Digits are folded so that prompts differing only in numbers (slot-filled templates) collide.
 */
const DIGITS = /[0-9]/g;
const SPACES = /\s+/g;

export function normalisePrompt(s: string): string {
  return s.toLowerCase().replace(DIGITS, '0').replace(SPACES, ' ').trim();
}
