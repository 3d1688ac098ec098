import { Form } from "@remix-run/react";

interface PostButtonProps {
  /** Hidden fields posted with the button, e.g. the intent and the id it acts on. */
  fields: Record<string, string>;
  label: string;
  /** What the button acts on, read by screen readers after the label ("Remove" … "Sam"). */
  subject?: string;
  disabled?: boolean;
}

/** A one-button form posting to the current route: rows of tables use several of these. */
export function PostButton({ fields, label, subject, disabled }: PostButtonProps) {
  return (
    <Form method="post" className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" disabled={disabled}>
        {label}
        {subject && <span className="visually-hidden"> {subject}</span>}
      </button>
    </Form>
  );
}
