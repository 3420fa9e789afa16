import type { NvdCpeMatch } from '../threatintel/nvd';

/** The fields of a CPE 2.3 formatted string that exposure checks read. */
export interface Cpe {
  /** `o` operating system, `a` application, `h` hardware. */
  part: string;
  vendor: string;
  product: string;
  /** `*` any version, `-` not applicable, or one version. */
  version: string;
}

/** A vulnerable NVD CPE criterion, parsed. */
export interface CpeRange {
  cpe: Cpe;
  match: NvdCpeMatch;
}

/**
 * Parses `cpe:2.3:part:vendor:product:version:...`. Escaped colons (`\:`) stay inside their
 * field. Returns undefined for anything that is not a CPE 2.3 formatted string.
 * See https://nvlpubs.nist.gov/nistpubs/Legacy/IR/nistir7695.pdf (section 6.2).
 */
export function parseCpe(criteria: string): Cpe | undefined {
  const fields = criteria.split(/(?<!\\):/);
  if (fields.length < 6 || fields[0] !== 'cpe' || fields[1] !== '2.3') return undefined;
  const [, , part, vendor, product, version] = fields;
  return { part, vendor, product, version };
}

export function parseRanges(matches: NvdCpeMatch[]): CpeRange[] {
  return matches.flatMap((match) => {
    const cpe = parseCpe(match.criteria);
    return cpe ? [{ cpe, match }] : [];
  });
}

/**
 * Compares dotted versions numerically segment by segment, a missing segment counting as 0
 * (so Android "14" equals NVD's "14.0"). Non-numeric segments compare as text.
 */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i] ?? '0';
    const y = right[i] ?? '0';
    const bothNumeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = bothNumeric ? Number(x) - Number(y) : x.localeCompare(y);
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}

export function hasRange(match: NvdCpeMatch): boolean {
  return Boolean(
    match.versionStartIncluding ??
    match.versionStartExcluding ??
    match.versionEndIncluding ??
    match.versionEndExcluding,
  );
}

/** Whether a version falls inside a criterion's range (bounds that are absent do not limit). */
export function inRange(version: string, match: NvdCpeMatch): boolean {
  const checks: [string | undefined, (order: number) => boolean][] = [
    [match.versionStartIncluding, (order) => order >= 0],
    [match.versionStartExcluding, (order) => order > 0],
    [match.versionEndIncluding, (order) => order <= 0],
    [match.versionEndExcluding, (order) => order < 0],
  ];
  return checks.every(
    ([bound, holds]) => bound === undefined || holds(compareVersions(version, bound)),
  );
}

/** "from 10.0.19045.0 up to (excluding) 10.0.19045.4291", for an answer's "why" column. */
export function describeRange(range: CpeRange): string {
  const { match, cpe } = range;
  const bounds = [
    match.versionStartIncluding && `from ${match.versionStartIncluding}`,
    match.versionStartExcluding && `after ${match.versionStartExcluding}`,
    match.versionEndIncluding && `up to ${match.versionEndIncluding}`,
    match.versionEndExcluding && `before ${match.versionEndExcluding}`,
  ].filter(Boolean);
  const versions = bounds.length > 0 ? bounds.join(' ') : versionWords(cpe.version);
  return `${cpe.vendor}:${cpe.product} ${versions}`;
}

function versionWords(version: string): string {
  if (version === '*') return 'all versions';
  if (version === '-') return '(no version given)';
  return version;
}
