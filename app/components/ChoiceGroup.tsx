import { useId, type ReactNode } from "react";

interface Option {
  value: string;
  label: string;
  hint?: string;
  /** Shown ticked and unchangeable: an earlier answer decides it. */
  disabled?: boolean;
  /** More to read with the option, e.g. a "does this apply to us?" explanation. */
  more?: ReactNode;
}

type ChoiceGroupProps = {
  legend: string;
  name: string;
  options: Option[];
  error?: string;
} & (
  | { multiple?: false; value?: string; defaultValue?: string; onChange?: (value: string) => void; defaultValues?: never }
  | { multiple: true; defaultValues: string[]; value?: never; defaultValue?: never; onChange?: never }
);

/** Radio buttons (or checkboxes) in a fieldset, each with a one-line explanation read with it. */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const id = useId();
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <fieldset className="choice-group" aria-describedby={errorId}>
      <legend>{props.legend}</legend>
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
      {props.options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const checked = props.multiple
          ? { defaultChecked: props.defaultValues.includes(option.value) }
          : props.value !== undefined
            ? { checked: props.value === option.value, onChange: () => props.onChange?.(option.value) }
            : { defaultChecked: props.defaultValue === option.value };
        return (
          <div className="choice" key={option.value}>
            <input
              type={props.multiple ? "checkbox" : "radio"}
              id={optionId}
              name={props.name}
              value={option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              aria-invalid={props.error ? true : undefined}
              disabled={option.disabled}
              {...checked}
            />
            <label htmlFor={optionId}>{option.label}</label>
            {option.hint && (
              <span id={`${optionId}-hint`} className="hint">
                {option.hint}
              </span>
            )}
            {option.more && <div className="choice-more">{option.more}</div>}
          </div>
        );
      })}
    </fieldset>
  );
}
