export { defang, defangText } from './defang';
export {
  extractIndicators,
  findIndicatorSpans,
  INDICATOR_TYPES,
  type Indicator,
  type IndicatorSpan,
  type IndicatorType,
} from './extract';
export { refang, type RefangedText } from './refang';
export { createExtractIndicatorsSkill, MAX_TEXT_CHARS } from './skill';
