import type { AnySkill } from '../types';
import { createAttackLoader } from './attack';
import { createAttackTechniqueSkill } from './attack-technique';
import { createKevLoader } from './kev';
import { createKevRecentSkill } from './kev-recent';
import { createLookupCveSkill } from './lookup-cve';
import type { ThreatIntelOptions } from './options';
import { createOsvQuerySkill } from './osv-query';

export type { ThreatIntelOptions } from './options';
export { createAttackLoader, type AttackIndex, type AttackTechnique } from './attack';
export { createKevLoader, type KevCatalog, type KevEntry } from './kev';
export { FeedNotAvailableError, type FeedLoader, type LoadedFeed } from './feed';
export {
  createAttackTechniqueSkill,
  createKevRecentSkill,
  createLookupCveSkill,
  createOsvQuerySkill,
};

/** The threat-intelligence skills, sharing one KEV loader so the catalog is parsed once. */
export function createThreatIntelSkills(options: ThreatIntelOptions): AnySkill[] {
  const kev = createKevLoader(options.kevFeedUrl, options.offline);
  const attack = createAttackLoader(options.attackStixUrl, options.offline);
  return [
    createLookupCveSkill(options, kev),
    createKevRecentSkill(kev),
    createOsvQuerySkill(options),
    createAttackTechniqueSkill(attack),
  ];
}
