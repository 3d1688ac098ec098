import type { ScheduleTemplate } from "../../shared/editor/scheduleTemplate";

// The demo negotiation's starting point: a realistic security schedule for a SaaS service that
// processes the buyer's customer data. Requirement ids refer to shared/knowledge/requirements.
export const saasDemoSchedule: ScheduleTemplate = {
  sections: [
    {
      heading: "Governance and assurance",
      clauses: [
        {
          heading: "Information security management",
          requirement: "security-baseline-isms",
          body: [
            "The Supplier maintains an information security management system that covers the Service, the people who operate it and the locations from which it is operated, and that meets ISO/IEC 27001:2022.",
            "The Supplier keeps its certification current for the whole term and shares the certificate and the Statement of Applicability with the Buyer on request.",
          ],
        },
        {
          heading: "Security contacts and governance meetings",
          requirement: "security-contact-and-governance",
          body: [
            "Each party names a security contact who can be reached during business hours and, for incidents, at any time.",
            "The parties meet at least twice a year to review incidents, vulnerabilities, audit findings and planned changes to the Service.",
          ],
        },
        {
          heading: "Audit rights",
          requirement: "audit-rights",
          body: [
            "The Buyer, or an independent auditor it appoints, may audit the Supplier's compliance with this schedule once a year, and after any Security Incident that affected the Buyer, with 30 days' notice.",
            "The Supplier may meet a request first with a current independent assurance report (ISAE 3402 type II or SOC 2 type II) that covers the Service.",
          ],
        },
        {
          heading: "Personnel screening and awareness",
          requirement: "personnel-screening",
          body: ["Staff with access to Buyer Data are screened before they start, bound by confidentiality and trained in security at least once a year."],
        },
      ],
    },
    {
      heading: "Access and data protection",
      clauses: [
        {
          heading: "Multi-factor authentication",
          requirement: "multi-factor-authentication",
          body: [
            "All administrative access to the Service, and all access by the Supplier's staff to Buyer Data, requires multi-factor authentication.",
            "The Service offers multi-factor authentication and single sign-on (SAML 2.0 or OpenID Connect) to the Buyer's users.",
          ],
        },
        {
          heading: "Access control and least privilege",
          requirement: "access-control-least-privilege",
          body: [
            "Access to Buyer Data is granted per role, on a need-to-know basis, reviewed every quarter and withdrawn within one business day when no longer needed.",
          ],
        },
        {
          heading: "Encryption",
          requirement: "encryption-at-rest",
          body: [
            "Buyer Data is encrypted in transit with TLS 1.2 or higher and at rest with AES-256 or equivalent.",
            "Keys are managed in a dedicated key management service; the Supplier describes who can access them.",
          ],
        },
        {
          heading: "Data location",
          requirement: "data-location",
          body: ["Buyer Data is stored and processed only in the European Economic Area, unless the Buyer agrees otherwise in writing."],
        },
        {
          heading: "Personal data processing",
          requirement: "processor-compliance-assistance",
          body: [
            "Where the Supplier processes personal data for the Buyer, it does so only on the Buyer's documented instructions and under the data processing agreement, and assists the Buyer with its obligations under GDPR Articles 32 to 36.",
          ],
        },
      ],
    },
    {
      heading: "Secure development and vulnerability management",
      clauses: [
        {
          heading: "Secure development",
          requirement: "secure-development-lifecycle",
          body: [
            "The Supplier develops the Service following a documented secure development lifecycle, including threat modelling, code review and automated security testing, in line with OWASP ASVS level 2.",
          ],
        },
        {
          heading: "Vulnerability handling and patching",
          requirement: "vulnerability-patching",
          body: [
            "The Supplier fixes vulnerabilities in the Service within these periods after they become known:",
            "- critical: 72 hours\n- high: 14 days\n- medium: 90 days",
          ],
        },
        {
          heading: "Penetration testing",
          requirement: "penetration-testing",
          body: [
            "An independent party tests the Service at least once a year and after major changes. The Supplier shares a summary of the findings and the remediation status with the Buyer.",
          ],
        },
        {
          heading: "Software bill of materials",
          requirement: "sbom",
          body: ["The Supplier keeps a software bill of materials for the Service and uses it to find affected components when a vulnerability is published."],
        },
      ],
    },
    {
      heading: "Incidents",
      clauses: [
        {
          heading: "Incident notification",
          requirement: "incident-notification",
          body: [
            "The Supplier notifies the Buyer's security contact of a Security Incident that affects the Buyer without undue delay and at the latest within 24 hours of becoming aware of it, with an update within 72 hours and a final report within one month.",
          ],
        },
        {
          heading: "Incident response and cooperation",
          requirement: "incident-response-assistance",
          body: [
            "The Supplier cooperates with the Buyer's investigation, preserves relevant logs and evidence, and gives the Buyer what it needs to meet its own reporting duties, including those under NIS2 Article 23 and GDPR Article 33.",
          ],
        },
        {
          heading: "Logging and monitoring",
          requirement: "security-logging",
          body: ["Security-relevant events in the Service are logged, monitored around the clock and kept for at least 12 months."],
        },
      ],
    },
    {
      heading: "Continuity and exit",
      clauses: [
        {
          heading: "Backups",
          requirement: "backup-management",
          body: ["Buyer Data is backed up daily to a separate location; restores are tested at least twice a year."],
        },
        {
          heading: "Business continuity",
          requirement: "business-continuity-plan",
          body: [
            "The Supplier maintains a tested continuity plan for the Service with a recovery time objective of 8 hours and a recovery point objective of 24 hours.",
          ],
        },
        {
          heading: "Exit and return of data",
          requirement: "exit-plan-transition",
          body: [
            "On termination the Supplier returns all Buyer Data in a documented, machine-readable format within 30 days, supports the transition to a new provider, and then deletes the data and confirms this in writing.",
          ],
        },
      ],
    },
    {
      heading: "Subcontracting, liability and changes",
      clauses: [
        {
          heading: "Subcontractors",
          requirement: "subcontractor-approval",
          body: [
            "The Supplier engages subcontractors that process Buyer Data only with the Buyer's prior written approval, imposes obligations on them at least as strict as this schedule, and remains responsible for them.",
          ],
        },
        {
          heading: "Liability for security breaches",
          requirement: "security-liability",
          body: [
            "The Supplier's liability for breaches of this schedule is limited to twice the annual fees, except for wilful misconduct and gross negligence.",
          ],
        },
        {
          heading: "Cyber insurance",
          requirement: "cyber-insurance",
          body: ["The Supplier holds cyber insurance with cover of at least EUR 2 million per claim for the duration of the agreement."],
        },
        {
          heading: "Review of this schedule",
          requirement: null,
          body: ["The parties review this schedule every year, and earlier when laws, threats or the Service change materially."],
        },
      ],
    },
  ],
};
