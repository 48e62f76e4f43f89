import { useFormContext, useFormState } from 'react-hook-form';
import type { FieldSchema } from '../credentials/backend';
import { useMessages } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import type { OAuthClientFormValues } from './oauth-client-form-values';
import { SchemaFields } from './schema-fields';

/** Props of {@link OAuthCustomClientFields}. */
export interface OAuthCustomClientFieldsProps {
  /** The provider's own client fields (e.g. OneDrive's tenant). */
  fields: FieldSchema[];
  /** A custom client is saved: its secret may stay blank, which keeps it. */
  hasSavedCustom: boolean;
  /** While a request runs the fields stay as they are. */
  disabled: boolean;
}

/**
 * The custom client form of OAuth Client Settings: **Client ID**, **Client Secret** (never
 * shown once saved: blank keeps it) and the provider's client fields. Typing in a field clears
 * its error, so a fixed field stops saying it is wrong. Renders inside the form's
 * `FormProvider`.
 */
export function OAuthCustomClientFields({
  fields,
  hasSavedCustom,
  disabled,
}: OAuthCustomClientFieldsProps) {
  const m = useMessages().oauth.client;
  const { control, register, clearErrors } = useFormContext<OAuthClientFormValues>();
  const { errors } = useFormState({ control });
  return (
    <fieldset className="pc-oauth-custom" disabled={disabled}>
      <legend className="pc-visually-hidden">{m.custom}</legend>
      <Field
        label={m.clientId}
        autoComplete="off"
        spellCheck={false}
        aria-required
        error={errors.clientId?.message}
        {...register('clientId', { onChange: () => clearErrors('clientId') })}
      />
      <Field
        label={m.clientSecret}
        kind="secret"
        // Said once, as help (read with the field); a placeholder too would say it twice.
        aria-required={!hasSavedCustom || undefined}
        help={hasSavedCustom ? m.keepSecret : undefined}
        error={errors.clientSecret?.message}
        {...register('clientSecret', { onChange: () => clearErrors('clientSecret') })}
      />
      {fields.length > 0 ? <SchemaFields fields={fields} control={control} name="extra" /> : null}
    </fieldset>
  );
}
