/** Analysis options, a plain object the server builds from settings and the CLI from flags. */
import type { Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface AnalysisConfig {
  /**
   * The user's date for the article (YYYY-MM-DD: the `cisLens.articleDate` setting or `--date`). It overrides
   * any date guessed from the text, but not the article's front matter.
   */
  readonly articleDate: string | undefined;
  /** Today (YYYY-MM-DD): assumed when the date is unknown, and the latest date an article can have. */
  readonly today: string;
  /** Severity overrides per rule code. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

export interface ConfigOverrides {
  readonly articleDate?: string;
  /** The former name of `articleDate`, still accepted. */
  readonly fallbackDate?: string;
  readonly today?: string;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

export function resolveConfig(overrides: ConfigOverrides = {}): AnalysisConfig {
  return {
    articleDate: overrides.articleDate || overrides.fallbackDate || undefined,
    today: overrides.today || new Date().toISOString().slice(0, 10),
    rules: overrides.rules ?? {},
  };
}
