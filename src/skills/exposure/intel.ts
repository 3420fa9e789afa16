import type { Fact } from '../../core/answer';
import type { KevOutcome, NvdOutcome } from '../threatintel/lookup-cve';

export { type KevOutcome, type NvdOutcome, readKev, readNvd } from '../threatintel/lookup-cve';

const KEV_LABEL = 'Known exploited (CISA KEV)';

/** KEV membership as facts: listed (with due date and ransomware use), not listed, or unknown. */
export function kevFacts(kev: KevOutcome): Fact[] {
  if (kev.status === 'listed') {
    const { entry } = kev;
    return [
      {
        label: KEV_LABEL,
        value: `Yes — added ${entry.dateAdded}, federal due date ${entry.dueDate}`,
      },
      { label: 'Ransomware use', value: entry.knownRansomwareCampaignUse ?? 'Unknown' },
    ];
  }
  if (kev.status === 'not-listed') return [{ label: KEV_LABEL, value: 'No' }];
  return [{ label: KEV_LABEL, value: `Unknown: ${kev.error.userMessage}` }];
}

/** One sentence on KEV for the summary; a KEV listing is the reason to act first. */
export function kevSentence(kev: KevOutcome): string {
  if (kev.status === 'listed') {
    return `CISA lists it as known exploited since ${kev.entry.dateAdded}.`;
  }
  if (kev.status === 'not-listed') return 'It is not in the CISA KEV catalog.';
  return `Whether CISA lists it as known exploited is unknown: ${kev.error.userMessage}`;
}

/** Why NVD's affected-product list is missing, in words for the answer. */
export function nvdGap(nvd: Exclude<NvdOutcome, { status: 'found' }>, cveId: string): string {
  const need = `Judging devices needs NVD's list of affected products for ${cveId}`;
  if (nvd.status === 'offline') {
    return `${need}, and offline mode (THREAT_INTEL_OFFLINE) is on, so NVD was not consulted.`;
  }
  if (nvd.status === 'not-found') return `${need}, and NVD has no record of it yet.`;
  return `${need}, and NVD could not be reached: ${nvd.error.userMessage}`;
}
