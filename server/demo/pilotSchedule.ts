import type { ScheduleTemplate } from "../../shared/editor/scheduleTemplate";

// A second, small demo negotiation: three clauses, quick to agree, sign off and amend end to end.
export const pilotDemoTitle = "Backup service pilot — three-clause schedule";

export const pilotDemoSchedule: ScheduleTemplate = {
  sections: [
    {
      heading: "Backup service pilot",
      clauses: [
        {
          heading: "Backups",
          requirement: "backup-management",
          body: ["The Supplier backs up Buyer Data daily to a separate location and tests a restore every quarter."],
        },
        {
          heading: "Incident notification",
          requirement: "incident-notification",
          body: ["The Supplier notifies the Buyer of any security incident affecting Buyer Data within 24 hours of discovering it."],
        },
        {
          heading: "Return and deletion of data",
          requirement: "data-deletion-and-return",
          body: ["At the end of the pilot the Supplier returns all Buyer Data in a common format and then deletes it within 30 days."],
        },
      ],
    },
  ],
};
