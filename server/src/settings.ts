/** User settings (section `cisLens`), their defaults, and the analysis config they become. */
import { resolveConfig, type AnalysisConfig, type RuleSetting } from './core';

export interface Settings {
  readonly languages: readonly string[];
  readonly maxFileSize: number;
  readonly articleDate: string;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly author: string;
}

export const defaultSettings: Settings = {
  // Neovim reports plain text as `text`, so it is accepted alongside VS Code's `plaintext`.
  languages: ['plaintext', 'markdown', 'cis-article', 'text'],
  maxFileSize: 5_000_000,
  articleDate: '',
  rules: {},
  author: '',
};

export function mergeSettings(raw: Partial<Settings> | null | undefined): Settings {
  const s = { ...defaultSettings, ...(raw ?? {}) };
  const languages = Array.isArray(s.languages) ? [...s.languages, ...(s.languages.includes('plaintext') ? ['text'] : [])] : defaultSettings.languages;
  return {
    languages,
    maxFileSize: typeof s.maxFileSize === 'number' && s.maxFileSize > 0 ? s.maxFileSize : defaultSettings.maxFileSize,
    articleDate: /^\d{4}-\d{2}-\d{2}$/.test(s.articleDate ?? '') ? s.articleDate : '',
    rules: typeof s.rules === 'object' && s.rules ? s.rules : {},
    author: typeof s.author === 'string' ? s.author : '',
  };
}

export function toAnalysisConfig(settings: Settings): AnalysisConfig {
  return resolveConfig({ articleDate: settings.articleDate || undefined, rules: settings.rules });
}
