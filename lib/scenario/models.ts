/**
 * Model names in generated traffic and their maximum output tokens ("max_tokens near the model
 * cap" is an output-harvesting signal). Written into scenario.json so detection can read them.
 */
export const MODELS = {
  opus: { name: 'claude-opus-4-1', maxOutput: 32_000 },
  sonnet: { name: 'claude-sonnet-4-5', maxOutput: 64_000 },
  haiku: { name: 'claude-haiku-4-5', maxOutput: 64_000 },
} as const;

export function modelCaps(): Record<string, number> {
  return Object.fromEntries(Object.values(MODELS).map((m) => [m.name, m.maxOutput]));
}
