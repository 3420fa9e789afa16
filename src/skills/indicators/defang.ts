import { findIndicatorSpans, type IndicatorType } from './extract';
import { originalRange, refang } from './refang';

const URL_PARTS = /^(h(?:tt|xx)ps?|ftp|fxp):\/\/((?:[^@/?#]*@)?)([^/?#]*)(.*)$/is;

/**
 * Makes one indicator safe to show: `https://evil.com/a` becomes `hxxps://evil[.]com/a`,
 * `1.2.3.4` becomes `1[.]2[.]3[.]4`, `a@evil.com` becomes `a[@]evil[.]com`. Chat clients then
 * neither link nor preview it. Already defanged values come back unchanged.
 */
export function defang(value: string): string {
  const url = URL_PARTS.exec(value);
  if (url) {
    const [, scheme, userInfo, host, rest] = url;
    return `${defangScheme(scheme)}://${userInfo.replace(/@$/, '[@]')}${defangDots(host)}${rest}`;
  }

  const at = value.lastIndexOf('@');
  if (at > 0 && !value.includes('[@]')) {
    return `${value.slice(0, at)}[@]${defangDots(value.slice(at + 1))}`;
  }
  return defangDots(value);
}

function defangScheme(scheme: string): string {
  return scheme.toLowerCase().replace(/^htt/, 'hxx').replace(/^ftp/, 'fxp');
}

function defangDots(text: string): string {
  return text.replace(/(?<!\[)\.(?!\])/g, '[.]');
}

/** Indicator types `defangText` rewrites by default: the ones a chat client may link or fetch. */
const LINKABLE_TYPES: readonly IndicatorType[] = ['url', 'domain', 'ipv4', 'email'];

/**
 * Defangs every indicator of the given types in a piece of text and leaves the rest of the text
 * as written. Indicators that were already defanged are rewritten in one consistent style.
 */
export function defangText(text: string, types: readonly IndicatorType[] = LINKABLE_TYPES): string {
  const refanged = refang(text);
  let result = '';
  let copiedUpTo = 0;

  for (const span of findIndicatorSpans(refanged)) {
    if (!types.includes(span.type)) continue;
    const range = originalRange(refanged, span.start, span.end);
    result += text.slice(copiedUpTo, range.start) + defang(span.value);
    copiedUpTo = range.end;
  }
  return result + text.slice(copiedUpTo);
}
