/**
 * Where the threat-intelligence skills read from. Same shape as `Config['threatIntel']`
 * (src/config.ts), declared here because skills import nothing above `core/`.
 */
export interface ThreatIntelOptions {
  /** THREAT_INTEL_OFFLINE: answer only from cached feeds; never call out. */
  offline: boolean;
  /** NVD_API_URL: the NVD CVE API 2.0 endpoint. */
  nvdApiUrl: string;
  /** NVD_API_KEY: raises NVD's rate limit when set; sent as the `apiKey` header. */
  nvdApiKey?: string;
  /** KEV_FEED_URL: the CISA Known Exploited Vulnerabilities JSON feed. */
  kevFeedUrl: string;
  /** OSV_API_URL: the OSV.dev API base (the skill posts to `{url}/query`). */
  osvApiUrl: string;
  /** ATTACK_STIX_URL: the MITRE ATT&CK Enterprise STIX 2 bundle. */
  attackStixUrl: string;
}

/** The host of a configured URL, for messages that tell an operator what to allow. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}
