/**
 * The word lists that both the name rules (`names.ts`) and the name model's features (`nameModel.ts`) look words
 * up in, as Sets built once. Each module used to build its own: a heap snapshot of the server showed the
 * common-words Set (38,000 words, 1.25 MB) twice, and the given-name Sets twice.
 */
import commonWords from '../data/common-words.json';
import givenNames from '../data/given-names.json';

/** Common English words: opening a sentence, "Officials" or "Critics" is no name, while "Hassan" is. */
export const COMMON_WORDS: ReadonlySet<string> = new Set<string>(commonWords.words);
export const MALE_NAMES: ReadonlySet<string> = new Set<string>(givenNames.male);
export const FEMALE_NAMES: ReadonlySet<string> = new Set<string>(givenNames.female);
export const EITHER_NAMES: ReadonlySet<string> = new Set<string>(givenNames.either);
