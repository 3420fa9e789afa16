import { bullets, type Checklist, terms } from './checklist';

/** Checklists for running security: response, ransomware, vulnerabilities, logging. */
export const OPERATIONS_CHECKLISTS: Checklist[] = [
  {
    id: 'incident-response',
    title: 'Incident response',
    keywords: terms(`
      incident, incidents, response, respond, ir, breach, breached, compromise,
      compromised, playbook, playbooks, forensics, containment, contain, investigate,
      investigation, triage
    `),
    items: bullets(`
      - Keep a written, tested plan with named roles, an on-call rota and out-of-band contacts
        (phone, a second chat).
      - Triage by impact: confirm scope (users, devices, mailboxes, cloud resources) before you
        change anything.
      - Preserve evidence first: export logs, snapshot disks and memory of key hosts, and record
        every action with time.
      - Contain: isolate devices, revoke sessions and tokens, reset credentials, and block
        attacker IPs, domains and hashes.
      - Eradicate persistence (new accounts, app consents, mailbox rules, scheduled tasks)
        before you restore service.
      - Know your legal and regulatory notification deadlines, and who decides on notification.
      - Hold a blameless review within two weeks and turn its findings into tracked fixes and
        new detections.
      - Rehearse with tabletop exercises at least twice a year, including a scenario where email
        and chat are down.
    `),
    references: [
      {
        title: 'NIST SP 800-61 Rev. 3 — Incident response recommendations',
        url: 'https://csrc.nist.gov/pubs/sp/800/61/r3/final',
      },
      {
        title: 'CISA — Incident and vulnerability response playbooks',
        url:
          'https://www.cisa.gov/resources-tools/resources/' +
          'federal-government-cybersecurity-incident-and-vulnerability-response-playbooks',
      },
      {
        title: 'Microsoft incident response playbooks',
        url: 'https://learn.microsoft.com/en-us/security/operations/incident-response-playbooks',
      },
    ],
  },
  {
    id: 'ransomware-readiness',
    title: 'Ransomware readiness',
    keywords: terms(`
      ransomware, ransom, backup, backups, restore, recovery, extortion, encryption,
      encrypted, wiper
    `),
    items: bullets(`
      - Keep offline or immutable backups of critical systems and identity, and test a full
        restore every quarter.
      - Protect backup consoles with separate admin accounts and phishing-resistant MFA.
      - Close the usual ways in: internet-facing RDP and VPNs without MFA, and unpatched edge
        devices.
      - Segment the network so workstations cannot reach servers and backups over SMB or RDP.
      - Watch for the precursors: new domain admins, disabled EDR, mass file renames, shadow-
        copy deletion.
      - Write down who decides on shutdown, law-enforcement contact and payment questions before
        you need them.
      - Have a clean build process for domain controllers and key servers, and keep it
        documented offline.
    `),
    references: [
      {
        title: 'CISA #StopRansomware guide',
        url: 'https://www.cisa.gov/stopransomware/ransomware-guide',
      },
      {
        title: 'Microsoft — Human-operated ransomware protection',
        url: 'https://learn.microsoft.com/en-us/security/ransomware/',
      },
      {
        title: 'NIST IR 8374 — Ransomware risk management profile',
        url: 'https://csrc.nist.gov/pubs/ir/8374/final',
      },
    ],
  },
  {
    id: 'vulnerability-management',
    title: 'Vulnerability management',
    keywords: terms(`
      vulnerability, vulnerabilities, vuln, vulns, patch, patches, patching, cve, cves,
      kev, scanning, scanner, update, updates, exposure, exploited
    `),
    items: bullets(`
      - Keep a complete asset inventory, including internet-facing systems and software
        versions.
      - Patch vulnerabilities in the CISA KEV catalog first, on a deadline measured in days.
      - Prioritise the rest by exploitation evidence and exposure, not by CVSS score alone.
      - Scan authenticated and continuously; track time-to-fix per severity as a team metric.
      - Set patch windows per system class, with an emergency path for actively exploited flaws.
      - When a patch is not possible yet, apply the vendor mitigation or isolate the system, and
        set a review date.
      - Watch open-source dependencies with an SBOM and tools that query advisory databases such
        as OSV.
    `),
    references: [
      {
        title: 'CISA Known Exploited Vulnerabilities catalog',
        url: 'https://www.cisa.gov/known-exploited-vulnerabilities-catalog',
      },
      {
        title: 'CISA BOD 22-01',
        url:
          'https://www.cisa.gov/news-events/directives/' +
          'bod-22-01-reducing-significant-risk-known-exploited-vulnerabilities',
      },
      {
        title: 'NIST SP 800-40 Rev. 4 — Enterprise patch management planning',
        url: 'https://csrc.nist.gov/pubs/sp/800/40/r4/final',
      },
      {
        title: 'FIRST — Common Vulnerability Scoring System',
        url: 'https://www.first.org/cvss/',
      },
    ],
  },
  {
    id: 'logging-monitoring',
    title: 'Logging and monitoring',
    keywords: terms(`
      logging, logs, log, monitoring, monitor, siem, sentinel, detection, detections,
      alerting, alerts, audit, auditing, retention, telemetry, soc, kql, hunting
    `),
    items: bullets(`
      - Collect the high-value sources first: identity sign-ins and audit logs, EDR, email,
        firewall/VPN and cloud activity.
      - Keep logs at least a year (90 days searchable), with clocks synchronised and time zones
        recorded.
      - Protect log pipelines from tampering: separate admin rights, immutable storage, alerts
        when a source goes quiet.
      - Map detections to MITRE ATT&CK and close gaps for the techniques seen in your incidents.
      - Tune noisy rules weekly; every alert should have an owner and a documented response.
      - Hunt regularly with hypotheses from recent incidents and threat reports, and turn good
        hunts into rules.
      - Measure time to detect and time to respond, and review both monthly.
    `),
    references: [
      {
        title: 'CISA and partners — Best practices for event logging and threat detection',
        url:
          'https://www.cisa.gov/resources-tools/resources/' +
          'best-practices-event-logging-and-threat-detection',
      },
      {
        title: 'NIST SP 800-92 — Guide to computer security log management',
        url: 'https://csrc.nist.gov/pubs/sp/800/92/final',
      },
      {
        title: 'Microsoft Sentinel best practices',
        url: 'https://learn.microsoft.com/en-us/azure/sentinel/best-practices',
      },
    ],
  },
];
