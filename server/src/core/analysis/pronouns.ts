/**
 * Resolves subject pronouns (he, she) to the nearest earlier person of a fitting gender, so
 * “…,” he said can be attributed. Only pronouns that have a referent become mentions.
 */
import cues from '../data/cues.json';
import type { KnowledgeBase } from '../kb/knowledgeBase';
import type { EntityMention } from '../types';
import type { SpeakerCandidate } from './attribution';
import { upperBound } from '../text/search';
import { TriggeredPattern, type TriggerScan } from '../text/triggers';

const PRONOUN = new TriggeredPattern(/\b(?:[Hh]e|[Ss]he)\b/, ['he', 'she']);
const GENDER: Record<string, string> = cues.pronouns;
/** How far back a pronoun may reach for its referent. */
const MAX_DISTANCE = 3000;

export function resolvePronouns(triggers: TriggerScan, people: readonly EntityMention[], kb: KnowledgeBase): SpeakerCandidate[] {
  const resolved: SpeakerCandidate[] = [];
  for (const m of PRONOUN.matches(triggers)) {
    const gender = GENDER[m[0].toLowerCase()];
    for (let i = upperBound(people, m.index) - 1; i >= 0 && m.index - people[i].start < MAX_DISTANCE; i--) {
      const person = people[i];
      const known = person.id ? kb.get(person.id)?.gender : undefined;
      if (known && known !== gender) continue;
      resolved.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'person', id: person.id, name: person.name, via: 'pronoun', referent: person });
      break;
    }
  }
  return resolved;
}
