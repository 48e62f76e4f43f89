import {
  useController,
  type Control,
  type FieldPath,
  type FieldValues,
  type RefCallBack,
} from 'react-hook-form';
import type { FieldSchema } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { cn } from '../ui/cn';
import { Field } from '../ui/field';
import { FieldControl, FieldError, FieldHelp, FieldLabel, FieldRoot } from '../ui/field-parts';
import { Select } from '../ui/select';

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
 * {@link Select} (with a "none" choice when optional), `boolean` as a checkbox. Labels, placeholders, help text and help links come from
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
    <div className={cn('pc-schema-fields', className)}>
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

  const input = { ref, name, value: value as unknown, onChange, onBlur };
  if (field.type === 'select')
    return <SelectField field={field} error={error} hint={hint} input={input} />;
  if (field.type === 'boolean') return <CheckboxField field={field} error={error} input={input} />;

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

/** A select or checkbox, and its side of the form: a controller's `field`. */
interface ChoiceFieldProps {
  field: FieldSchema;
  error: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  hint?: string;
  input: {
    ref: RefCallBack;
    name: string;
    value: unknown;
    onChange: (value: unknown) => void;
    onBlur: () => void;
  };
}

/** The error and help lines under a select or checkbox, in `Field`'s order (error first). */
function ChoiceNotes({ field, error }: Pick<ChoiceFieldProps, 'field' | 'error'>) {
  return (
    <>
      <FieldError>{error}</FieldError>
      <FieldHelp learnMoreHref={field.helpUrl}>{field.help}</FieldHelp>
    </>
  );
}

function SelectField({
  field,
  error,
  hint,
  input: { value, onChange, ...input },
}: ChoiceFieldProps) {
  const messages = useMessages();
  // An empty choice only where none is a valid answer; a required field shows a placeholder.
  const none = field.required
    ? []
    : [{ value: '', label: field.placeholder ?? messages.common.none }];
  return (
    <FieldRoot data-field-type="select" invalid={Boolean(error)}>
      <FieldLabel hint={hint}>{field.label}</FieldLabel>
      <div data-slot="field-input-group" className="pc-field-control">
        <FieldControl>
          <Select
            {...input}
            value={typeof value === 'string' ? value : ''}
            onValueChange={onChange}
            options={[...none, ...(field.options ?? [])]}
            placeholder={field.placeholder ?? messages.common.choose}
            aria-required={field.required || undefined}
          />
        </FieldControl>
      </div>
      <ChoiceNotes field={field} error={error} />
    </FieldRoot>
  );
}

/** A checkbox sits before its label, on one line; the notes go under both. */
function CheckboxField({ field, error, input: { value, onChange, ...input } }: ChoiceFieldProps) {
  return (
    <FieldRoot data-field-type="boolean" invalid={Boolean(error)}>
      <div className="pc-checkbox">
        <FieldControl>
          <input
            {...input}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
          />
        </FieldControl>
        <FieldLabel>{field.label}</FieldLabel>
      </div>
      <ChoiceNotes field={field} error={error} />
    </FieldRoot>
  );
}
