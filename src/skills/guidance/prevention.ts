import { bullets, type Checklist, terms } from './checklist';

/** Checklists for keeping attackers out: applications, identity, e-mail, endpoints, cloud. */
export const PREVENTION_CHECKLISTS: Checklist[] = [
  {
    id: 'web-application',
    title: 'Web application security',
    keywords: terms(`
      web, webapp, website, application, app, api, apis, owasp, asvs, xss, injection, sql,
      csrf, appsec, ssrf
    `),
    items: bullets(`
      - Pick an OWASP ASVS level for each application and test against it before every major
        release.
      - Validate input on the server with allow-lists, and use parameterised queries for every
        database call.
      - Encode output for its context (HTML, attribute, JavaScript, URL) and set a strict
        Content-Security-Policy.
      - Use a vetted identity provider for sign-in; keep sessions in secure, HttpOnly, SameSite
        cookies.
      - Check authorisation on the server for every request and every object id, not only in the
        user interface.
      - Keep secrets out of source code: load them from a vault and rotate them on a schedule.
      - Scan dependencies in the build pipeline and fail the build on known exploited or
        critical flaws.
      - Serve only over TLS with HSTS, and remove default pages, debug endpoints and verbose
        error messages.
      - Log authentication, authorisation failures and input-validation failures to your SIEM
        without logging secrets.
    `),
    references: [
      {
        title: 'OWASP Application Security Verification Standard',
        url: 'https://owasp.org/www-project-application-security-verification-standard/',
      },
      {
        title: 'OWASP Top 10',
        url: 'https://owasp.org/www-project-top-ten/',
      },
      {
        title: 'OWASP Cheat Sheet Series',
        url: 'https://cheatsheetseries.owasp.org/',
      },
    ],
  },
  {
    id: 'identity-mfa',
    title: 'Identity and multi-factor authentication',
    keywords: terms(`
      identity, identities, mfa, 2fa, multifactor, multi-factor, password, passwords,
      authentication, sign-in, signin, sign-ins, login, logins, conditional access, entra,
      sso, account, accounts, privileged, admin, admins, passkey, passkeys
    `),
    items: bullets(`
      - Require MFA for every user, and phishing-resistant methods (FIDO2 keys, passkeys,
        Windows Hello, certificates) for administrators.
      - Block legacy authentication protocols that cannot do MFA.
      - Use Conditional Access to require compliant devices for sensitive apps and to block
        sign-ins from risky locations.
      - Turn on sign-in and user risk policies so risky sign-ins must pass MFA and high-risk
        users must reset their password.
      - Keep standing admin rights near zero: grant privileged roles just in time with approval
        and time limits.
      - Keep two break-glass accounts, excluded from Conditional Access, with long random
        passwords and alerts on every use.
      - Ban common and breached passwords; stop forcing periodic password changes when MFA is in
        place.
      - Review guest accounts, stale accounts and app consents every quarter, and disable
        accounts on the day people leave.
    `),
    references: [
      {
        title: 'CISA — Implementing phishing-resistant MFA',
        url:
          'https://www.cisa.gov/sites/default/files/publications/' +
          'fact-sheet-implementing-phishing-resistant-mfa-508c.pdf',
      },
      {
        title: 'NIST SP 800-63B — Authentication and lifecycle management',
        url: 'https://pages.nist.gov/800-63-3/sp800-63b.html',
      },
      {
        title: 'Microsoft Entra Conditional Access',
        url: 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/overview',
      },
    ],
  },
  {
    id: 'email-phishing',
    title: 'E-mail and phishing defence',
    keywords: terms(`
      email, e-mail, mail, mailbox, phishing, phish, spam, bec, spoofing, dmarc, spf,
      dkim, exchange, outlook, attachment, attachments, link, links
    `),
    items: bullets(`
      - Publish SPF and DKIM for every sending domain, then move DMARC from p=none to quarantine
        and reject.
      - Turn on the strict or standard preset security policies (anti-phishing, Safe Links, Safe
        Attachments).
      - Tag external senders and warn on first contact and on look-alike domains of your own and
        your suppliers.
      - Block or sandbox risky attachment types (ISO, LNK, HTA, script files, macro-enabled
        documents from the internet).
      - Give users a one-click report button and tell reporters what happened to their report.
      - Confirm any payment or bank-detail change through a known phone number, never through
        the e-mail itself.
      - Alert on new inbox forwarding rules and external auto-forwarding, and block automatic
        forwarding by default.
      - When a phish lands, purge it from all mailboxes, block the sender and URLs, and check
        who clicked.
    `),
    references: [
      {
        title: 'CISA — Phishing guidance: stopping the attack cycle at phase one',
        url:
          'https://www.cisa.gov/resources-tools/resources/' +
          'phishing-guidance-stopping-attack-cycle-phase-one',
      },
      {
        title: 'Microsoft Defender for Office 365 preset security policies',
        url: 'https://learn.microsoft.com/en-us/defender-office-365/preset-security-policies',
      },
      {
        title: 'Microsoft — Set up DMARC',
        url:
          'https://learn.microsoft.com/en-us/defender-office-365/' +
          'email-authentication-dmarc-configure',
      },
    ],
  },
  {
    id: 'endpoint-hardening',
    title: 'Endpoint hardening',
    keywords: terms(`
      endpoint, endpoints, device, devices, laptop, laptops, workstation, workstations,
      desktop, hardening, harden, edr, antivirus, defender, intune, windows, macos, usb,
      bitlocker, compliance, compliant
    `),
    items: bullets(`
      - Enrol every device in management (Intune or equivalent) and block unmanaged devices from
        company data.
      - Run EDR in block mode with tamper protection on, and alert on any device that stops
        reporting.
      - Turn on attack surface reduction rules: block Office child processes, credential theft
        from LSASS, and obfuscated scripts.
      - Encrypt disks (BitLocker, FileVault) and escrow the recovery keys.
      - Remove local admin rights from users; manage local administrator passwords with LAPS.
      - Apply OS and browser updates within days, and retire devices on unsupported OS versions.
      - Allow-list applications on high-value machines; block unsigned scripts and macros from
        the internet.
      - Use a compliance policy that marks devices noncompliant when they miss updates,
        encryption or EDR, and act on it.
    `),
    references: [
      {
        title: 'CIS Benchmarks',
        url: 'https://www.cisecurity.org/cis-benchmarks',
      },
      {
        title: 'Microsoft Defender for Endpoint — attack surface reduction rules',
        url:
          'https://learn.microsoft.com/en-us/defender-endpoint/' +
          'attack-surface-reduction-rules-reference',
      },
      {
        title: 'Microsoft Intune — device compliance policies',
        url: 'https://learn.microsoft.com/en-us/mem/intune/protect/device-compliance-get-started',
      },
    ],
  },
  {
    id: 'cloud-azure',
    title: 'Cloud and Azure security',
    keywords: terms(`
      cloud, azure, subscription, subscriptions, storage, iam, rbac, key vault, keyvault,
      kubernetes, aks, container, containers, aws, gcp, iaas, paas, m365, microsoft 365
    `),
    items: bullets(`
      - Turn on Microsoft Defender for Cloud across all subscriptions and work its secure score
        recommendations.
      - Grant least-privilege RBAC at resource-group scope; avoid Owner at subscription scope
        except for break-glass.
      - Use managed identities instead of keys and connection strings; keep remaining secrets in
        Key Vault.
      - Disable public network access for storage, databases and Key Vault; use private
        endpoints.
      - Enforce guardrails with Azure Policy (allowed regions, required tags, no public IPs on
        VMs, encryption).
      - Send activity logs and resource diagnostics to a central Log Analytics workspace and
        Sentinel.
      - Baseline Microsoft 365 tenant settings against CISA SCuBA and review drift regularly.
      - Scan infrastructure-as-code and container images in CI before deployment.
    `),
    references: [
      {
        title: 'Microsoft cloud security benchmark',
        url: 'https://learn.microsoft.com/en-us/security/benchmark/azure/introduction',
      },
      {
        title: 'Azure security best practices and patterns',
        url:
          'https://learn.microsoft.com/en-us/azure/security/fundamentals/' +
          'best-practices-and-patterns',
      },
      {
        title: 'CISA Secure Cloud Business Applications (SCuBA)',
        url:
          'https://www.cisa.gov/resources-tools/services/' +
          'secure-cloud-business-applications-scuba-project',
      },
    ],
  },
];
