export type { Checklist } from './checklist';
export { CHECKLISTS, createSecurityGuidanceSkill, matchChecklists, scoreChecklist } from './skill';
