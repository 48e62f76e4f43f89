import { useId } from 'react';
import {
  useController,
  type Control,
  type FieldPath,
  type FieldValues,
  type RefCallBack,
} from 'react-hook-form';
import type { FieldSchema } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { Field } from '../ui/field';

/** Props of {@link SchemaFields}. */
export interface SchemaFieldsProps<T extends FieldValues> {
  /** The provider's field schema, rendered in order. */
  fields: FieldSchema[];
  /** The `control` of the react-hook-form form that holds the values. */
  control: Control<T>;
  /**
   * Path of the object that holds the values in the form, keyed by field name: with `"values"`,
   * the field `api_key` is bound to `values.api_key`. (Field names must not contain dots.)
   */
  name: string;
  /**
   * Editing a stored credential: secret inputs start empty and say that leaving them blank
   * keeps the current value.
   */
  keepSecrets?: boolean;
  className?: string;
}

/**
 * Renders a provider's `FieldSchema[]` as labelled inputs bound to a react-hook-form form:
 * `secret` as a password input with a show/hide toggle, `text` as a text input, `select` as a
 * native select, `boolean` as a checkbox. Labels, placeholders, help text and help links come from
 * the schema; errors come from the form state (validate with `buildFieldValuesSchema`).
 */
export function SchemaFields<T extends FieldValues>({
  fields,
  control,
  name,
  keepSecrets = false,
  className,
}: SchemaFieldsProps<T>) {
  return (
    <div className={['pc-schema-fields', className].filter(Boolean).join(' ')}>
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          field={field}
          control={control}
          path={`${name}.${field.name}` as FieldPath<T>}
          keepSecrets={keepSecrets}
        />
      ))}
    </div>
  );
}

interface SchemaFieldProps<T extends FieldValues> {
  field: FieldSchema;
  control: Control<T>;
  path: FieldPath<T>;
  keepSecrets: boolean;
}

function SchemaField<T extends FieldValues>({
  field,
  control,
  path,
  keepSecrets,
}: SchemaFieldProps<T>) {
  const messages = useMessages();
  const {
    field: { ref, name, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name: path });
  const error = fieldState.error?.message;
  const keepsSecret = keepSecrets && field.type === 'secret';
  const required = field.required && !keepsSecret;
  // A kept secret is not "optional" either: blank has its own meaning, said in its help.
  const hint = required || keepsSecret ? undefined : messages.common.optional;

  const bound = { inputRef: ref, name, value: value as unknown, onChange, onBlur };
  if (field.type === 'select') return <SelectField field={field} error={error} {...bound} />;
  if (field.type === 'boolean') return <CheckboxField field={field} error={error} {...bound} />;

  const help = keepsSecret ? (
    <>
      {messages.apiKey.edit.keepSecretHelp}
      {field.help ? ` ${field.help}` : null}
    </>
  ) : (
    field.help
  );
  return (
    <Field
      ref={ref}
      label={field.label}
      kind={field.type === 'secret' ? 'secret' : 'text'}
      hint={hint}
      help={help}
      helpUrl={field.helpUrl}
      error={error}
      name={name}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      onBlur={onBlur}
      placeholder={keepsSecret ? messages.apiKey.edit.keepSecretPlaceholder : field.placeholder}
      aria-required={required || undefined}
      data-field-type={field.type}
    />
  );
}

/** A select or checkbox, bound to the form through a controller's `field`. */
interface ChoiceFieldProps {
  field: FieldSchema;
  error: string | undefined;
  inputRef: RefCallBack;
  name: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
}

/** Help and error lines under a select or checkbox, mirroring `Field`'s markup and wiring. */
function FieldNotes({
  helpId,
  errorId,
  field,
  error,
}: {
  helpId: string;
  errorId: string;
  field: FieldSchema;
  error: string | undefined;
}) {
  const messages = useMessages();
  return (
    <>
      {error ? (
        <p id={errorId} className="pc-field-error">
          {error}
        </p>
      ) : null}
      {field.help || field.helpUrl ? (
        <p id={helpId} className="pc-field-help">
          {field.help}
          {field.helpUrl ? (
            <>
              {field.help ? ' ' : null}
              <a href={field.helpUrl} target="_blank" rel="noreferrer noopener">
                {messages.common.field.learnMore}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

function useFieldIds(field: FieldSchema, error: string | undefined) {
  const id = `pc-field-${useId()}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [error ? errorId : null, field.help || field.helpUrl ? helpId : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return { id, helpId, errorId, describedBy };
}

function SelectField({ field, error, inputRef, name, value, onChange, onBlur }: ChoiceFieldProps) {
  const messages = useMessages();
  const { id, helpId, errorId, describedBy } = useFieldIds(field, error);
  return (
    <div className="pc-field" data-field-type="select" data-invalid={error ? '' : undefined}>
      <label className="pc-field-label" htmlFor={id}>
        {field.label}
        {field.required ? null : <span className="pc-field-hint"> {messages.common.optional}</span>}
      </label>
      <div className="pc-field-control">
        <select
          ref={inputRef}
          id={id}
          className="pc-input pc-select"
          name={name}
          value={typeof value === 'string' ? value : ''}
          onChange={onChange}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-required={field.required || undefined}
          aria-describedby={describedBy}
        >
          {/* An empty choice only where none is a valid answer, or nothing is chosen yet. */}
          {!field.required || value === '' ? (
            <option value="">{field.placeholder ?? ''}</option>
          ) : null}
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <FieldNotes helpId={helpId} errorId={errorId} field={field} error={error} />
    </div>
  );
}

function CheckboxField({
  field,
  error,
  inputRef,
  name,
  value,
  onChange,
  onBlur,
}: ChoiceFieldProps) {
  const { id, helpId, errorId, describedBy } = useFieldIds(field, error);
  return (
    <div className="pc-field" data-field-type="boolean" data-invalid={error ? '' : undefined}>
      <div className="pc-checkbox">
        <input
          ref={inputRef}
          id={id}
          type="checkbox"
          name={name}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked)}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <label className="pc-field-label" htmlFor={id}>
          {field.label}
        </label>
      </div>
      <FieldNotes helpId={helpId} errorId={errorId} field={field} error={error} />
    </div>
  );
}
