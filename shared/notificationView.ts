/** A notification as the bell and the notifications page show it: already worded in the reader's language. */
export interface NotificationView {
  id: number;
  at: number;
  unread: boolean;
  /** Who and where: "Sam Supplier in “SaaS schedule”". */
  headline: string;
  /** What happened: "Agreed to clause 2.1 …", or "mentioned you". */
  what: string;
  /** The comment, as plain text; null when there is none or it was deleted. */
  excerpt: string | null;
  link: string;
}
