/** Every diagnostic rule, one line each, alphabetical. The single source for settings, docs and SARIF metadata. */
import { countMismatch } from './countMismatch';
import { kbContradiction } from './kbContradiction';
import { quoteVariant } from './quoteVariant';
import { secondhandSource } from './secondhandSource';
import { speakerUncertain } from './speakerUncertain';
import type { Rule } from './types';
import { unattributedQuote } from './unattributedQuote';
import { unverifiedClaim } from './unverifiedClaim';
import { vagueSource } from './vagueSource';

export const allRules: readonly Rule[] = [
  countMismatch,
  kbContradiction,
  quoteVariant,
  secondhandSource,
  speakerUncertain,
  unattributedQuote,
  unverifiedClaim,
  vagueSource,
];
