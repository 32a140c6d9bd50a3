/** Analysis options, a plain object the server builds from settings and the CLI from flags. */
import type { Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface AnalysisConfig {
  /** Date (YYYY-MM-DD) to use when the article's own date cannot be found. */
  readonly fallbackDate: string;
  /** Where the fallback came from: a user setting, or today. */
  readonly fallbackSource: 'setting' | 'default';
  /** Severity overrides per rule code. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export function resolveConfig(overrides: Partial<AnalysisConfig> = {}): AnalysisConfig {
  return {
    fallbackDate: overrides.fallbackDate || new Date().toISOString().slice(0, 10),
    fallbackSource: overrides.fallbackDate ? overrides.fallbackSource ?? 'setting' : 'default',
    rules: overrides.rules ?? {},
  };
}
