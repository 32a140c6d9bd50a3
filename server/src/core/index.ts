/**
 * The analysis core's public surface. Pure: no editor, file-system or network imports. The language
 * server (server/src/server.ts) and the CLI (server/src/cli) both call only what is exported here.
 */
export { analyzeArticle } from './analysis/analyze';
export { resolveConfig, type AnalysisConfig, type RuleSetting } from './config';
export { KnowledgeBase, type KbEntry } from './kb/knowledgeBase';
export type { KbEntity, KbLocation, EntityKind } from './kb/types';
export { allRules } from './rules';
export type { Rule } from './rules/types';
export * from './types';
export { reviewArticle, type ReviewedArticle } from './review';
